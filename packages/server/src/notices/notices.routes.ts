import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import '@fastify/rate-limit';
import {
  answerObjectionSchema,
  createNoticeSchema,
  lodgeObjectionSchema,
  noticeDetailSchema,
  noticeIdParamsSchema,
  noticeListQuerySchema,
  noticeSchema,
  objectionParamsSchema,
  objectionReceiptSchema,
  pageOf,
  publicEntriesQuerySchema,
  publicEntrySchema,
  publicNoticeSchema,
  type WorkingDayCalendar,
} from '@pgs/domain';
import type { AppContext } from '../platform/context.ts';
import type { Db } from '../platform/db.ts';
import { nationalWorkingDayCalendar } from '../calendar/working-day-calendar.service.ts';
import { actorOf, sendFile } from '../platform/http.ts';
import { AppError } from '../platform/errors.ts';
import { answerObjection, createNotice, getNotice, listNotices, objectionsForExport } from './notices.service.ts';
import { getPublicNotice, listPublicNotices, lodgeObjection, publicNoticeEntries } from './notices-public.service.ts';
import { objectionsWorkbook } from './notices-xlsx.ts';

const tags = ['notices'];

export type NoticeOptions = {
  /**
   * Working days for the notice period, read when a notice is started: the national holiday calendar of the
   * calendar module by default (法定节假日 skipped, 调休 Saturdays counted); a test may hand in a fixed one.
   */
  calendar: (db: Db) => Promise<WorkingDayCalendar>;
  /** Objections per client address per window (the public form, R3.2 公示). */
  objectionRateLimit: { max: number; windowSeconds: number };
};
export const DEFAULT_NOTICE_OPTIONS: NoticeOptions = {
  calendar: nationalWorkingDayCalendar,
  objectionRateLimit: { max: 5, windowSeconds: 3600 },
};

/** R3.2 公示, signed-in side: the eitc puts a published result on notice and answers objections; departments read. */
export const noticeRoutes =
  (ctx: AppContext, options: NoticeOptions): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/notices',
      {
        schema: {
          tags,
          summary: '发起结果公示（市经信委：已发布的亩均评价；默认今天起 5 个工作日）',
          body: createNoticeSchema,
          response: { 201: noticeSchema },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return createNotice(ctx.db, actorOf(request), request.body, await options.calendar(ctx.db), ctx.clock());
      },
    );

    app.get(
      '/notices',
      {
        schema: {
          tags,
          summary: '结果公示列表',
          querystring: noticeListQuerySchema,
          response: { 200: pageOf(noticeSchema) },
        },
      },
      async (request) => listNotices(ctx.db, actorOf(request), request.query, ctx.clock()),
    );

    app.get(
      '/notices/:id',
      {
        schema: { tags, summary: '公示及其异议', params: noticeIdParamsSchema, response: { 200: noticeDetailSchema } },
      },
      async (request) => getNotice(ctx.db, actorOf(request), request.params.id, ctx.clock()),
    );

    app.get(
      '/notices/:id/objections.xlsx',
      { schema: { tags, summary: '导出公示异议及答复（Excel）', params: noticeIdParamsSchema } },
      async (request, reply) => {
        const notice = await objectionsForExport(ctx.db, actorOf(request), request.params.id, ctx.clock());
        return sendFile(reply, { buffer: objectionsWorkbook(notice), fileName: `${notice.title}异议.xlsx` });
      },
    );

    app.post(
      '/notices/:id/objections/:objectionId/answer',
      {
        schema: {
          tags,
          summary: '答复异议（市经信委；version 过期返回 409）',
          params: objectionParamsSchema,
          body: answerObjectionSchema,
          response: { 200: noticeDetailSchema },
        },
      },
      async (request) =>
        answerObjection(
          ctx.db,
          actorOf(request),
          request.params.id,
          request.params.objectionId,
          request.body,
          ctx.clock(),
        ),
    );
  };

/**
 * R3.2 公示, public side (no sign-in, `config.public`): the notices, their lines (name and class only) and the
 * objection form. Nothing else of the system is reachable from here.
 */
export const publicNoticeRoutes =
  (ctx: AppContext, options: NoticeOptions): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { public: true };
    const { max, windowSeconds } = options.objectionRateLimit;
    const limiter = app.createRateLimit({
      max,
      timeWindow: windowSeconds * 1000,
      keyGenerator: (request) => `objection:${request.ip}`,
    });
    // Counted at onRequest, so every attempt counts, well-formed or not (a flood of bad forms is limited as well).
    const limitObjections = async (request: FastifyRequest) => {
      const result = await limiter(request);
      if (!result.isAllowed && result.isExceeded)
        throw new AppError(
          429,
          'RATE_LIMITED',
          `提交异议过于频繁，请 ${Math.max(Math.ceil(result.ttlInSeconds / 60), 1)} 分钟后再试`,
        );
    };

    app.get(
      '/public/notices',
      {
        config,
        schema: {
          tags,
          summary: '公示列表（无需登录）',
          security: [],
          querystring: noticeListQuerySchema,
          response: { 200: pageOf(publicNoticeSchema) },
        },
      },
      async (request) => listPublicNotices(ctx.db, request.query, ctx.clock()),
    );

    app.get(
      '/public/notices/:id',
      {
        config,
        schema: {
          tags,
          summary: '一项公示（无需登录）',
          security: [],
          params: noticeIdParamsSchema,
          response: { 200: publicNoticeSchema },
        },
      },
      async (request) => getPublicNotice(ctx.db, request.params.id, ctx.clock()),
    );

    app.get(
      '/public/notices/:id/entries',
      {
        config,
        schema: {
          tags,
          summary: '公示名单：企业名称与评价等级（无需登录）',
          security: [],
          params: noticeIdParamsSchema,
          querystring: publicEntriesQuerySchema,
          response: { 200: pageOf(publicEntrySchema) },
        },
      },
      async (request) => publicNoticeEntries(ctx.db, request.params.id, request.query, ctx.clock()),
    );

    app.post(
      '/public/notices/:id/objections',
      {
        config,
        onRequest: limitObjections,
        schema: {
          tags,
          summary: '提出异议（无需登录；统一社会信用代码校验、联系人及电话、理由；按来源地址限制频率）',
          security: [],
          params: noticeIdParamsSchema,
          body: lodgeObjectionSchema,
          response: { 201: objectionReceiptSchema },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return lodgeObjection(ctx.db, request.params.id, request.body, ctx.clock());
      },
    );
  };
