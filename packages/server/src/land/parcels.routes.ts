import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import '@fastify/rate-limit';
import {
  asOfQuerySchema,
  clockSchema,
  createParcelSchema,
  dueFilterSchema,
  dueItemSchema,
  dueListQuerySchema,
  LAND_SUB_DATABASE_LABELS,
  landSettingsInputSchema,
  landSettingsAnswerSchema,
  pageOf,
  parcelDetailSchema,
  parcelFilterSchema,
  parcelIdParamsSchema,
  parcelListQuerySchema,
  parcelMatchesSchema,
  parcelSchema,
  projectIdParamsSchema,
  publicParcelListSchema,
} from '@pgs/domain';
import type { AppContext } from '../platform/context.ts';
import { actorOf, BULK_LIMIT_BYTES, primed, sendFile, uploadedFile } from '../platform/http.ts';
import { datedXlsxName } from '../platform/xlsx-format.ts';
import { importParcels, parcelTemplate } from './parcel-import.service.ts';
import { AppError } from '../platform/errors.ts';
import { createParcel, getParcel, getParcelClock, listParcels, parcelRows } from './parcels.service.ts';
import { dueRows, listDue } from './parcel-due.service.ts';
import { listPublicParcels, PUBLIC_CACHE_SECONDS } from './parcel-public.service.ts';
import { parcelMatchesForProject } from './parcel-match.service.ts';
import { getLandSettings, updateLandSettings } from './land-settings.service.ts';
import { streamDueWorkbook, streamParcelWorkbook } from './parcels-xlsx.ts';

const tags = ['land'];

/** Requests per minute one address may make to the public page (it needs no login). */
export const PUBLIC_PARCELS_PER_MINUTE = 60;

/** §三 land (R3.1, R3.6): the parcel ledger, its life and idle-land clocks, the due list, the public page. */
export const landRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/parcels',
      {
        schema: {
          tags,
          summary: '登记地块（批而未供）',
          body: createParcelSchema,
          response: { 201: parcelDetailSchema },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return createParcel(ctx.db, actorOf(request), request.body, ctx.clock());
      },
    );

    app.get(
      '/parcels',
      {
        schema: {
          tags,
          summary: '地块台账与批而未供、供而未用、腾空改造子库（每行附计算日的闲置状态）',
          querystring: parcelListQuerySchema,
          response: { 200: pageOf(parcelSchema) },
        },
      },
      async (request) => listParcels(ctx.db, actorOf(request), request.query, ctx.clock()),
    );

    app.get(
      '/parcels/export.xlsx',
      { schema: { tags, summary: '导出地块台账或子库（Excel，筛选条件同台账）', querystring: parcelFilterSchema } },
      async (request, reply) => {
        const rows = await primed(parcelRows(ctx.db, actorOf(request), request.query, ctx.clock()));
        const what = request.query.subDatabase ? LAND_SUB_DATABASE_LABELS[request.query.subDatabase] : '地块台账';
        return sendFile(reply, {
          buffer: streamParcelWorkbook(what, rows),
          fileName: datedXlsxName(what, ctx.clock()),
        });
      },
    );

    app.get(
      '/parcels/import/template.xlsx',
      { schema: { tags, summary: '地块导入模板（Excel）' } },
      async (request, reply) =>
        sendFile(reply, { buffer: await parcelTemplate(actorOf(request)), fileName: '地块导入模板.xlsx' }),
    );

    app.post(
      '/parcels/import',
      {
        bodyLimit: BULK_LIMIT_BYTES,
        schema: {
          tags,
          summary:
            '从 Excel 导入批而未供地块：dryRun=true 只检查；dryRun=false 无错误时全部写入，有错误返回 422 且不写入',
          querystring: z.object({ dryRun: z.enum(['true', 'false']).default('true') }),
          consumes: ['multipart/form-data'],
          response: {
            200: z.object({
              dryRun: z.boolean(),
              valid: z.boolean(),
              rows: z.number(),
              inserted: z.number(),
              errors: z.array(z.object({ row: z.number(), message: z.string() })),
            }),
          },
        },
      },
      async (request) =>
        importParcels(
          ctx.db,
          actorOf(request),
          await uploadedFile(request),
          request.query.dryRun === 'true',
          ctx.clock(),
        ),
    );

    app.get(
      '/parcels/due',
      {
        schema: {
          tags,
          summary: '到期提醒：N 天内到期及已过期的地块事项',
          querystring: dueListQuerySchema,
          response: {
            200: pageOf(dueItemSchema).extend({ asOf: z.string(), withinDays: z.number() }),
          },
        },
      },
      async (request) => listDue(ctx.db, actorOf(request), request.query, ctx.clock()),
    );

    app.get(
      '/parcels/due/export.xlsx',
      { schema: { tags, summary: '导出到期提醒（Excel）', querystring: dueFilterSchema } },
      async (request, reply) => {
        const rows = await dueRows(ctx.db, actorOf(request), request.query, ctx.clock());
        return sendFile(reply, {
          buffer: streamDueWorkbook(rows),
          fileName: datedXlsxName('地块到期提醒', ctx.clock()),
        });
      },
    );

    app.get(
      '/parcels/:id',
      {
        schema: {
          tags,
          summary: '地块详情、时间线与闲置状态（asOf 为计算日，默认今天）',
          params: parcelIdParamsSchema,
          querystring: asOfQuerySchema,
          response: { 200: parcelDetailSchema },
        },
      },
      async (request) => getParcel(ctx.db, actorOf(request), request.params.id, ctx.clock(), request.query.asOf),
    );

    app.get(
      '/parcels/:id/clock',
      {
        schema: {
          tags,
          summary: '地块闲置状态（按任一日期计算，不存储）',
          params: parcelIdParamsSchema,
          querystring: asOfQuerySchema,
          response: { 200: clockSchema },
        },
      },
      async (request) => getParcelClock(ctx.db, actorOf(request), request.params.id, ctx.clock(), request.query.asOf),
    );

    app.get(
      '/land-settings',
      {
        schema: {
          tags,
          summary: '闲置土地设置（默认取自闲置土地处置办法）',
          response: { 200: landSettingsAnswerSchema },
        },
      },
      async (request) => getLandSettings(ctx.db, actorOf(request)),
    );

    app.put(
      '/land-settings',
      {
        schema: {
          tags,
          summary: '修改闲置土地设置（市经信委、市发改委；version 过期返回 409）',
          body: landSettingsInputSchema,
          response: { 200: landSettingsAnswerSchema },
        },
      },
      async (request) => updateLandSettings(ctx.db, actorOf(request), request.body, ctx.clock()),
    );

    app.get(
      '/projects/:id/parcel-matches',
      {
        schema: {
          tags,
          summary: '适合该项目的地块（鼓励类、面积容差、投资强度），首谈地没有时给出流转建议',
          params: projectIdParamsSchema,
          response: { 200: parcelMatchesSchema },
        },
      },
      async (request) => parcelMatchesForProject(ctx.db, actorOf(request), request.params.id, ctx.clock()),
    );

    // The public page (no login): limited per address, answered from a one-minute cache.
    const perAddress = app.createRateLimit({
      max: PUBLIC_PARCELS_PER_MINUTE,
      timeWindow: 60_000,
      keyGenerator: (request) => `public-parcels:${request.ip}`,
    });
    app.get(
      '/public/parcels',
      {
        config: { public: true },
        schema: { tags, summary: '公开地块信息（无需登录；限流并缓存）', response: { 200: publicParcelListSchema } },
        preHandler: async (request) => {
          const result = await perAddress(request);
          if (!result.isAllowed && result.isExceeded)
            throw new AppError(429, 'RATE_LIMITED', `访问过于频繁，请 ${Math.max(result.ttlInSeconds, 1)} 秒后再试`);
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', `public, max-age=${PUBLIC_CACHE_SECONDS}`);
        return listPublicParcels(ctx.db, ctx.clock());
      },
    );
  };
