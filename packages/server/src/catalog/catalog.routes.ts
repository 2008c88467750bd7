import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  catalogDiffSchema,
  catalogItemInputSchema,
  catalogItemSchema,
  catalogItemUpdateSchema,
  catalogOverviewSchema,
  catalogSchema,
  catalogVersionSummarySchema,
  classifyQuerySchema,
  classifyResultSchema,
  createDraftSchema,
  importReportSchema,
  itemParamsSchema,
  platformParamsSchema,
  publishSchema,
  versionIdParamsSchema,
} from '@pgs/domain';
import type { AppContext } from '../platform/context.ts';
import { actorOf, BULK_LIMIT_BYTES, sendFile, uploadedFile } from '../platform/http.ts';
import { noContentResponse } from '../platform/openapi-responses.ts';
import { catalogInForce, catalogOverview, classify, getVersion, listVersions } from './catalog.service.ts';
import {
  addItem,
  createDraft,
  deleteDraft,
  deleteItem,
  diffDraft,
  publishDraft,
  updateItem,
} from './catalog-drafts.service.ts';
import { catalogImportTemplate, exportCatalogVersion, importCatalogDraft } from './catalog-excel.service.ts';

const tags = ['catalog'];

export const catalogRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/catalogs',
      { schema: { tags, summary: '各平台现行目录概览', response: { 200: catalogOverviewSchema } } },
      async (request) => catalogOverview(ctx.db, actorOf(request), ctx.clock()),
    );

    app.get(
      '/catalogs/import-template.xlsx',
      { schema: { tags, summary: '目录导入模板（Excel）' } },
      async (request, reply) => sendFile(reply, await catalogImportTemplate(actorOf(request))),
    );

    app.get(
      '/catalogs/:platformKey',
      {
        schema: {
          tags,
          summary: '平台现行产业准入目录',
          params: platformParamsSchema,
          response: { 200: catalogSchema },
        },
      },
      async (request) => catalogInForce(ctx.db, actorOf(request), request.params.platformKey, ctx.clock()),
    );

    app.get(
      '/catalogs/:platformKey/classify',
      {
        schema: {
          tags,
          summary: '行业归类查询（R1.1–R1.5）',
          params: platformParamsSchema,
          querystring: classifyQuerySchema,
          response: { 200: classifyResultSchema },
        },
      },
      async (request) => classify(ctx.db, actorOf(request), request.params.platformKey, request.query, ctx.clock()),
    );

    app.get(
      '/catalogs/:platformKey/versions',
      {
        schema: {
          tags,
          summary: '目录版本列表',
          params: platformParamsSchema,
          response: { 200: z.array(catalogVersionSummarySchema) },
        },
      },
      async (request) => listVersions(ctx.db, actorOf(request), request.params.platformKey, ctx.clock()),
    );

    app.post(
      '/catalogs/:platformKey/versions',
      {
        schema: {
          tags,
          summary: '新建目录草稿（发改委）',
          params: platformParamsSchema,
          body: createDraftSchema,
          response: { 201: catalogSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await createDraft(ctx.db, actorOf(request), request.params.platformKey, request.body, ctx.clock())),
    );

    app.get(
      '/catalog-versions/:versionId',
      { schema: { tags, summary: '目录版本详情', params: versionIdParamsSchema, response: { 200: catalogSchema } } },
      async (request) => getVersion(ctx.db, actorOf(request), request.params.versionId, ctx.clock()),
    );

    app.delete(
      '/catalog-versions/:versionId',
      { schema: { tags, summary: '删除草稿（发改委）', params: versionIdParamsSchema, response: noContentResponse } },
      async (request, reply) => {
        await deleteDraft(ctx.db, actorOf(request), request.params.versionId, ctx.clock());
        return reply.code(204).send();
      },
    );

    app.post(
      '/catalog-versions/:versionId/items',
      {
        schema: {
          tags,
          summary: '新增目录条目（发改委）',
          params: versionIdParamsSchema,
          body: catalogItemInputSchema,
          response: { 201: catalogItemSchema },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await addItem(ctx.db, actorOf(request), request.params.versionId, request.body, ctx.clock())),
    );

    app.put(
      '/catalog-versions/:versionId/items/:itemId',
      {
        schema: {
          tags,
          summary: '修改目录条目（发改委）',
          params: itemParamsSchema,
          body: catalogItemUpdateSchema,
          response: { 200: catalogItemSchema },
        },
      },
      async (request) =>
        updateItem(
          ctx.db,
          actorOf(request),
          request.params.versionId,
          request.params.itemId,
          request.body,
          ctx.clock(),
        ),
    );

    app.delete(
      '/catalog-versions/:versionId/items/:itemId',
      {
        schema: {
          tags,
          summary: '删除目录条目（发改委）',
          params: itemParamsSchema,
          querystring: z.object({ revision: z.coerce.number({ error: '缺少条目版本号 revision' }).int().positive() }),
          response: noContentResponse,
        },
      },
      async (request, reply) => {
        await deleteItem(
          ctx.db,
          actorOf(request),
          request.params.versionId,
          request.params.itemId,
          request.query.revision,
          ctx.clock(),
        );
        return reply.code(204).send();
      },
    );

    app.get(
      '/catalog-versions/:versionId/diff',
      {
        schema: {
          tags,
          summary: '草稿与现行版本对比',
          params: versionIdParamsSchema,
          response: { 200: catalogDiffSchema },
        },
      },
      async (request) => diffDraft(ctx.db, actorOf(request), request.params.versionId, ctx.clock()),
    );

    app.post(
      '/catalog-versions/:versionId/publish',
      {
        schema: {
          tags,
          summary: '发布目录（发改委）',
          params: versionIdParamsSchema,
          body: publishSchema,
          response: { 200: catalogVersionSummarySchema },
        },
      },
      async (request) =>
        publishDraft(
          ctx.db,
          actorOf(request),
          request.params.versionId,
          request.body,
          ctx.clock(),
          ctx.catalogHorizonMonths,
        ),
    );

    app.get(
      '/catalog-versions/:versionId/export.xlsx',
      { schema: { tags, summary: '导出目录（Excel）', params: versionIdParamsSchema } },
      async (request, reply) =>
        sendFile(reply, await exportCatalogVersion(ctx.db, actorOf(request), request.params.versionId, ctx.clock())),
    );

    app.post(
      '/catalog-versions/:versionId/import',
      {
        bodyLimit: BULK_LIMIT_BYTES,
        schema: {
          tags,
          summary: '从 Excel 导入草稿条目（全部成功或全部不写入）',
          params: versionIdParamsSchema,
          consumes: ['multipart/form-data'],
          response: { 200: importReportSchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const report = await importCatalogDraft(
          ctx.db,
          actor,
          request.params.versionId,
          () => uploadedFile(request),
          ctx.clock(),
        );
        return { imported: report.imported, errors: report.errors };
      },
    );
  };
