import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  attachmentParamsSchema,
  monthComplianceSchema,
  monthQuerySchema,
  pageOf,
  periodComplianceSchema,
  periodQuerySchema,
  platformKeyParamsSchema,
  tripFilterSchema,
  tripIdParamsSchema,
  tripInputSchema,
  tripListQuerySchema,
  tripUpdateSchema,
  tripWithdrawSchema,
  metParamsSchema,
  metTargetInputSchema,
  tripSchema,
  tripSettingsInputSchema,
  tripSettingsSchema,
} from '@pgs/domain';
import type { AppContext } from '../platform/context.ts';
import { actorOf, primed, sendFile } from '../platform/http.ts';
import { datedXlsxName } from '../platform/xlsx-format.ts';
import { getTrip, listTrips, reportTrip, tripExportRows } from './trips.service.ts';
import { metEnterpriseToTarget, updateTrip, withdrawTrip } from './trip-edits.service.ts';
import { addAttachment, readAttachment, uploadedAttachment } from './trip-attachments.service.ts';
import { getTripSettings, updateTripSettings } from './trip-settings.service.ts';
import { periodCompliance, platformCompliance } from './staffing-compliance.service.ts';
import { streamComplianceWorkbook, streamTripsWorkbook } from './trips-xlsx.ts';

const tags = ['trips'];
const versionQuerySchema = z.object({
  version: z.coerce.number({ error: '请提供外出招商记录的版本号 version' }).int().positive(),
});

/** §二(五) R2.8: outbound trips, the trip settings and staffing compliance (the rosters: staff.routes.ts). */
export const tripRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // ── trips ──
    app.post(
      '/trips',
      {
        schema: {
          tags,
          summary: '报备外出招商（返回后规定天数内为及时报备，逾期标记 late）',
          body: tripInputSchema,
          response: { 201: tripSchema },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return reportTrip(ctx.db, actorOf(request), request.body, ctx.clock());
      },
    );
    app.get(
      '/trips',
      {
        schema: {
          tags,
          summary: '外出招商报备列表（按出发日期倒序）',
          querystring: tripListQuerySchema,
          response: { 200: pageOf(tripSchema) },
        },
      },
      async (request) => listTrips(ctx.db, actorOf(request), request.query),
    );
    app.get(
      '/trips/export.xlsx',
      { schema: { tags, summary: '导出外出招商报备（Excel，筛选条件同列表）', querystring: tripFilterSchema } },
      async (request, reply) => {
        const rows = await primed(tripExportRows(ctx.db, actorOf(request), request.query));
        return sendFile(reply, {
          buffer: streamTripsWorkbook(rows),
          fileName: datedXlsxName('外出招商报备', ctx.clock()),
        });
      },
    );
    app.get(
      '/trips/:id',
      { schema: { tags, summary: '一次外出招商', params: tripIdParamsSchema, response: { 200: tripSchema } } },
      async (request) => getTrip(ctx.db, actorOf(request), request.params.id),
    );
    app.put(
      '/trips/:id',
      {
        schema: {
          tags,
          summary: '修改外出招商报备（带上看到的版本号，过期返回 409；按更正后的返回日期重新判断是否逾期）',
          params: tripIdParamsSchema,
          body: tripUpdateSchema,
          response: { 200: tripSchema },
        },
      },
      async (request) => updateTrip(ctx.db, actorOf(request), request.params.id, request.body, ctx.clock()),
    );
    app.post(
      '/trips/:id/withdraw',
      {
        schema: {
          tags,
          summary: '撤回外出招商报备（须填写原因；撤回后不再计入列表、达标和目标企业）',
          params: tripIdParamsSchema,
          body: tripWithdrawSchema,
          response: { 200: tripSchema },
        },
      },
      async (request) => withdrawTrip(ctx.db, actorOf(request), request.params.id, request.body, ctx.clock()),
    );
    app.post(
      '/trips/:id/met/:seq/target',
      {
        schema: {
          tags,
          summary: '会见的新企业加入目标企业库（状态为接触，季度按出发日期）',
          params: metParamsSchema,
          body: metTargetInputSchema,
          response: { 200: tripSchema },
        },
      },
      async (request) => metEnterpriseToTarget(ctx.db, actorOf(request), request.params, request.body, ctx.clock()),
    );
    app.post(
      '/trips/:id/attachments',
      {
        // The route reads at most the attachment limit itself (413 beyond); the body limit only stops abuse.
        bodyLimit: 8 * 1024 * 1024,
        schema: {
          tags,
          summary: '上传照片或纪要（JPG、PNG、PDF、Word .docx，按文件内容识别，不超过 5 MB）',
          params: tripIdParamsSchema,
          querystring: versionQuerySchema,
          consumes: ['multipart/form-data'],
          response: { 201: tripSchema },
        },
      },
      async (request, reply) => {
        const trip = await addAttachment(
          ctx.db,
          actorOf(request),
          { tripId: request.params.id, version: request.query.version },
          () => uploadedAttachment(request),
          ctx.clock(),
        );
        reply.code(201);
        return trip;
      },
    );
    app.get(
      '/trips/:id/attachments/:attachmentId',
      { schema: { tags, summary: '下载外出招商附件', params: attachmentParamsSchema } },
      async (request, reply) => {
        const file = await readAttachment(ctx.db, actorOf(request), request.params.id, request.params.attachmentId);
        return sendFile(reply, file, file.mime);
      },
    );
    app.get(
      '/trip-settings',
      { schema: { tags, summary: '外出招商报备期限（返回后天数）', response: { 200: tripSettingsSchema } } },
      async (request) => getTripSettings(ctx.db, actorOf(request)),
    );
    app.put(
      '/trip-settings',
      {
        schema: {
          tags,
          summary: '修改外出招商报备期限（市招商局）',
          body: tripSettingsInputSchema,
          response: { 200: tripSettingsSchema },
        },
      },
      async (request) => updateTripSettings(ctx.db, actorOf(request), request.body, ctx.clock()),
    );

    // ── staffing compliance ──
    app.get(
      '/platforms/:key/staffing-compliance',
      {
        schema: {
          tags,
          summary: '平台某月招商力量达标情况（每项指标附所依据的记录）',
          params: platformKeyParamsSchema,
          querystring: monthQuerySchema,
          response: { 200: monthComplianceSchema },
        },
      },
      async (request) => platformCompliance(ctx.db, actorOf(request), request.params.key, request.query.month),
    );
    app.get(
      '/staffing-compliance',
      {
        schema: {
          tags,
          summary: '各平台一个季度或年度的招商力量达标情况（并列对比）',
          querystring: periodQuerySchema,
          response: { 200: periodComplianceSchema },
        },
      },
      async (request) => periodCompliance(ctx.db, actorOf(request), request.query.period, ctx.clock()),
    );
    app.get(
      '/staffing-compliance/export.xlsx',
      { schema: { tags, summary: '导出招商力量达标情况（Excel）', querystring: periodQuerySchema } },
      async (request, reply) => {
        const result = await periodCompliance(ctx.db, actorOf(request), request.query.period, ctx.clock());
        const rows = (async function* () {
          for (const platform of result.platforms) yield* platform.months;
        })();
        return sendFile(reply, {
          buffer: streamComplianceWorkbook(rows),
          fileName: datedXlsxName(`招商力量达标-${request.query.period}`, ctx.clock()),
        });
      },
    );
  };
