import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  industryCodeSchema,
  industryDetailSchema,
  industryImportResultSchema,
  industryListQuerySchema,
  industrySchema,
  pageOf,
  PLATFORM_KEYS,
} from '@pgs/domain';
import type { AppContext } from '../platform/context.ts';
import { actorOf, uploadedCsv } from '../platform/http.ts';
import { getIndustry, importIndustryTable, listIndustries, listPlatforms } from './reference.service.ts';

const platformSchema = z.object({
  key: z.enum(PLATFORM_KEYS),
  name: z.string(),
  shortName: z.string(),
  leadingIndustries: z.array(z.string()),
  supportingServices: z.array(z.string()),
});

export const referenceRoutes =
  (ctx: AppContext, deps: { codesInUse: () => Promise<string[]> }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/platforms',
      { schema: { tags: ['reference'], summary: '三大平台', response: { 200: z.array(platformSchema) } } },
      async (request) => {
        actorOf(request);
        return listPlatforms(ctx.db);
      },
    );

    app.get(
      '/industries',
      {
        schema: {
          tags: ['reference'],
          summary: 'GB/T 4754-2017 行业分类查询',
          querystring: industryListQuerySchema,
          response: { 200: pageOf(industrySchema) },
        },
      },
      async (request) => listIndustries(ctx.db, actorOf(request), request.query),
    );

    app.get(
      '/industries/:code',
      {
        schema: {
          tags: ['reference'],
          summary: '行业代码详情（含上级）',
          params: z.object({ code: industryCodeSchema }),
          response: { 200: industryDetailSchema },
        },
      },
      async (request) => getIndustry(ctx.db, actorOf(request), request.params.code.toUpperCase()),
    );

    app.post(
      '/industries/import',
      {
        bodyLimit: 64 * 1024 * 1024,
        schema: {
          tags: ['reference'],
          summary: '导入官方行业分类表（CSV：code,name；管理员）',
          consumes: ['multipart/form-data', 'text/csv'],
          response: { 200: industryImportResultSchema },
        },
      },
      async (request) => {
        return importIndustryTable(ctx.db, actorOf(request), () => uploadedCsv(request), deps, ctx.clock());
      },
    );
  };
