import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  monthQuerySchema,
  pageOf,
  platformKeyParamsSchema,
  staffIdParamsSchema,
  staffInputSchema,
  staffListQuerySchema,
  staffMonthParamsSchema,
  staffSchema,
  staffUpdateSchema,
  timeDeclarationInputSchema,
  timeDeclarationSchema,
  timeSheetSchema,
} from '@pgs/domain';
import type { AppContext } from '../platform/context.ts';
import { actorOf, sendFile } from '../platform/http.ts';
import { datedXlsxName } from '../platform/xlsx-format.ts';
import { addStaff, declareTime, listStaff, rosterRows, timeSheet, updateStaff } from './staff.service.ts';
import { streamRosterWorkbook } from './trips-xlsx.ts';
import { platformLabel } from './trips-scope.ts';

const tags = ['trips'];

/** §二(五) R2.8: each platform's roster and its staff's monthly time declarations. */
export const staffRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // ── roster ──
    app.get(
      '/platforms/:key/staff',
      {
        schema: {
          tags,
          summary: '平台招商人员名册（主要负责人在前；month 只列该月在册人员）',
          params: platformKeyParamsSchema,
          querystring: staffListQuerySchema,
          response: { 200: pageOf(staffSchema) },
        },
      },
      async (request) => listStaff(ctx.db, actorOf(request), request.params.key, request.query),
    );
    app.get(
      '/platforms/:key/staff/export.xlsx',
      { schema: { tags, summary: '导出平台招商人员名册（Excel）', params: platformKeyParamsSchema } },
      async (request, reply) => {
        const rows = await rosterRows(ctx.db, actorOf(request), request.params.key);
        return sendFile(reply, {
          buffer: streamRosterWorkbook(
            (async function* () {
              yield* rows;
            })(),
          ),
          fileName: datedXlsxName(`${platformLabel(request.params.key)}-招商人员名册`, ctx.clock()),
        });
      },
    );
    app.post(
      '/platforms/:key/staff',
      {
        schema: {
          tags,
          summary: '名册新增人员（平台管委会，只能是本平台）',
          params: platformKeyParamsSchema,
          body: staffInputSchema,
          response: { 201: staffSchema },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return addStaff(ctx.db, actorOf(request), request.params.key, request.body, ctx.clock());
      },
    );
    app.put(
      '/staff/:id',
      {
        schema: {
          tags,
          summary: '修改名册人员（带上看到的版本号，过期返回 409）',
          params: staffIdParamsSchema,
          body: staffUpdateSchema,
          response: { 200: staffSchema },
        },
      },
      async (request) => updateStaff(ctx.db, actorOf(request), request.params.id, request.body, ctx.clock()),
    );

    // ── monthly time declarations ──
    app.get(
      '/platforms/:key/time',
      {
        schema: {
          tags,
          summary: '某月招商工作天数申报表（该月在册人员及其申报天数、该月工作日数）',
          params: platformKeyParamsSchema,
          querystring: monthQuerySchema,
          response: { 200: timeSheetSchema },
        },
      },
      async (request) => timeSheet(ctx.db, actorOf(request), request.params.key, request.query.month),
    );
    app.put(
      '/staff/:id/time/:month',
      {
        schema: {
          tags,
          summary: '申报或更正某人某月的招商工作天数（更正时带上看到的版本号）',
          params: staffMonthParamsSchema,
          body: timeDeclarationInputSchema,
          response: { 200: timeDeclarationSchema },
        },
      },
      async (request) =>
        declareTime(
          ctx.db,
          actorOf(request),
          { staffId: request.params.id, month: request.params.month },
          request.body,
          ctx.clock(),
        ),
    );
  };
