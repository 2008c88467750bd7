import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditEventSchema, auditQuerySchema, auditVerifySchema, pageOf, shanghaiDay } from '@pgs/domain';
import type { AppContext } from '../platform/context.ts';
import { actorOf, sendFile } from '../platform/http.ts';
import { auditRows, listAudit, verifyAuditChain } from './audit.service.ts';
import { streamAuditWorkbook } from './audit-xlsx.ts';

const exportQuery = auditQuerySchema.omit({ page: true, pageSize: true });

export const auditRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.get('/audit', { schema: { tags: ['audit'], summary: '审计日志（审计员）', querystring: auditQuerySchema, response: { 200: pageOf(auditEventSchema) } } }, async (request) =>
    listAudit(ctx.db, actorOf(request), request.query),
  );

  app.get('/audit/verify', { schema: { tags: ['audit'], summary: '校验审计日志哈希链', response: { 200: auditVerifySchema } } }, async (request) =>
    verifyAuditChain(ctx.db, actorOf(request)),
  );

  app.get('/audit/export.xlsx', { schema: { tags: ['audit'], summary: '导出审计日志（Excel）', querystring: exportQuery } }, async (request, reply) => {
    const rows = auditRows(ctx.db, actorOf(request), request.query);
    // Checks the permission before the first byte is sent, so a refusal is a proper 403.
    const first = await rows.next();
    async function* all() {
      if (!first.done) yield first.value;
      yield* rows;
    }
    return sendFile(reply, { buffer: streamAuditWorkbook(all()), fileName: `审计日志-${shanghaiDay(ctx.clock())}.xlsx` });
  });
};
