import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditEventSchema, auditQuerySchema, auditVerifySchema, pageOf } from '@pgs/domain';
import type { AppContext } from '../platform/context.ts';
import { actorOf, primed, sendFile } from '../platform/http.ts';
import { datedXlsxName } from '../platform/xlsx-format.ts';
import { auditRows, listAudit, verifyAuditChain } from './audit.service.ts';
import { streamAuditWorkbook } from './audit-xlsx.ts';

const exportQuery = auditQuerySchema.omit({ page: true, pageSize: true });

export const auditRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          summary: '审计日志（审计员）',
          querystring: auditQuerySchema,
          response: { 200: pageOf(auditEventSchema) },
        },
      },
      async (request) => listAudit(ctx.db, actorOf(request), request.query),
    );

    app.get(
      '/audit/verify',
      { schema: { tags: ['audit'], summary: '校验审计日志哈希链', response: { 200: auditVerifySchema } } },
      async (request) => verifyAuditChain(ctx.db, actorOf(request)),
    );

    app.get(
      '/audit/export.xlsx',
      { schema: { tags: ['audit'], summary: '导出审计日志（Excel）', querystring: exportQuery } },
      async (request, reply) => {
        const rows = await primed(auditRows(ctx.db, actorOf(request), request.query));
        return sendFile(reply, {
          buffer: streamAuditWorkbook(rows),
          fileName: datedXlsxName('审计日志', ctx.clock()),
        });
      },
    );
  };
