import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  creditCodeParamsSchema,
  enterpriseDetailSchema,
  enterpriseFilterSchema,
  enterpriseImportQuerySchema,
  enterpriseImportReportSchema,
  enterpriseImportResultSchema,
  enterpriseListQuerySchema,
  enterpriseListSchema,
  enterpriseRecordsBodySchema,
  enterpriseYearsSchema,
  importProgressSchema,
  progressParamsSchema,
} from '@pgs/domain';
import type { AppContext } from '../platform/context.ts';
import { actorOf, BULK_LIMIT_BYTES, sendFile, uploadedFile } from '../platform/http.ts';
import { streamEnterpriseWorkbook } from './enterprise-records-export.ts';
import { enterpriseExport, enterpriseYears, getEnterprise, listEnterprises } from './enterprise-records.service.ts';
import {
  enterpriseTemplate,
  importEnterpriseRecords,
  importEnterpriseWorkbook,
  importProgressOf,
} from './enterprise-import.service.ts';

const tags = ['enterprises'];

/** §三 base database (R3.1): yearly enterprise records, their import and the sub-database lists. */
export const enterpriseRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // D19: the bulk routes take up to 64 MB (100 000 records are about 40 MB of JSON); the body schema checks only the
    // shape, so bad records are a 422 listing every bad cell, not a 400 for the first.
    app.post(
      '/enterprise-records',
      {
        bodyLimit: BULK_LIMIT_BYTES,
        schema: {
          tags,
          summary: '导入一个年度的企业数据（全部成功或全部不写入；按信用代码和年度更新）',
          body: enterpriseRecordsBodySchema,
          response: { 201: enterpriseImportResultSchema },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return importEnterpriseRecords(ctx.db, actorOf(request), request.body, ctx.clock());
      },
    );

    app.get(
      '/enterprise-records/template.xlsx',
      { schema: { tags, summary: '企业年度数据导入模板（Excel）' } },
      async (request, reply) => sendFile(reply, await enterpriseTemplate(actorOf(request))),
    );

    app.post(
      '/enterprise-records/import',
      {
        bodyLimit: BULK_LIMIT_BYTES,
        schema: {
          tags,
          summary:
            '从 Excel 导入企业年度数据：dryRun=true 只检查并列出每个错误单元格；dryRun=false 无错误时全部写入，有错误返回 422',
          querystring: enterpriseImportQuerySchema,
          consumes: ['multipart/form-data'],
          response: { 200: enterpriseImportReportSchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const onProgress = ctx.progress.reporter('import', request.query.progressKey, actor.username, request.log);
        return importEnterpriseWorkbook(
          ctx.db,
          actor,
          request.query,
          () => uploadedFile(request),
          ctx.clock(),
          onProgress,
        );
      },
    );

    app.get(
      '/enterprise-records/import/progress/:key',
      {
        schema: {
          tags,
          summary: 'Excel 导入在服务器端的进度（导入者本人凭上传时给出的进度编号查询）',
          params: progressParamsSchema,
          response: { 200: importProgressSchema },
        },
      },
      async (request) => importProgressOf(ctx.progress, actorOf(request), request.params.key),
    );

    app.get(
      '/enterprise-records/years',
      { schema: { tags, summary: '有企业数据的年度及条数（年度选择）', response: { 200: enterpriseYearsSchema } } },
      async (request) => enterpriseYears(ctx.db, actorOf(request)),
    );

    app.get(
      '/enterprises',
      {
        schema: {
          tags,
          summary: '企业数据库与淘汰落后、停产僵尸、低效产出子库（R3.1）',
          querystring: enterpriseListQuerySchema,
          response: { 200: enterpriseListSchema },
        },
      },
      async (request) => listEnterprises(ctx.db, actorOf(request), request.query),
    );

    app.get(
      '/enterprises/export.xlsx',
      {
        schema: { tags, summary: '导出企业数据库或子库（Excel，筛选条件同列表）', querystring: enterpriseFilterSchema },
      },
      async (request, reply) => {
        const { rows, fileName } = await enterpriseExport(ctx.db, actorOf(request), request.query, ctx.clock());
        return sendFile(reply, { buffer: streamEnterpriseWorkbook(rows), fileName });
      },
    );

    app.get(
      '/enterprises/:creditCode',
      {
        schema: {
          tags,
          summary: '企业历年数据（按年度升序）',
          params: creditCodeParamsSchema,
          response: { 200: enterpriseDetailSchema },
        },
      },
      async (request) => getEnterprise(ctx.db, actorOf(request), request.params.creditCode),
    );
  };
