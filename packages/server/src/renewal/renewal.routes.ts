import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  candidateListSchema,
  candidatesQuerySchema,
  closeRenewalCaseSchema,
  consequencesQuerySchema,
  consequencesSchema,
  createRenewalCaseSchema,
  industryProfileSchema,
  overdueListSchema,
  overdueQuerySchema,
  platformName,
  profileParamsSchema,
  profileQuerySchema,
  profileRowsQuerySchema,
  profileRowsSchema,
  recordStepSchema,
  renewalCaseDetailSchema,
  renewalCaseListSchema,
  renewalCaseParamsSchema,
  renewalFilterSchema,
  renewalListQuerySchema,
} from '@pgs/domain';
import { z } from 'zod';
import type { AppContext } from '../platform/context.ts';
import { actorOf, primed, sendFile } from '../platform/http.ts';
import { datedXlsxName } from '../platform/xlsx-format.ts';
import { createRenewalCase } from './renewal-create.service.ts';
import {
  getRenewalCase,
  listRenewalCases,
  overdueRenewalCases,
  recordRenewalStep,
  renewalCaseRows,
  withdrawRenewalCase,
} from './renewal.service.ts';
import { catalogConsequenceList, renewalCandidateList } from './renewal-finder.service.ts';
import { platformIndustryProfile, profileEnterprises } from './industry-profile.service.ts';
import { profileWorkbook, streamCaseWorkbook } from './renewal-xlsx.ts';

const tags = ['renewal'];

/** §三 renewal (R3.5, R1.6): the cases on their tracks, the overdue list, the finders; §三(一) the industry profile. */
export const renewalRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/renewal-cases',
      {
        schema: {
          tags,
          summary: '存量更新案件（淘汰落后、过剩产能清理、僵尸企业出清、搬迁处置、技术改造）',
          querystring: renewalListQuerySchema,
          response: { 200: renewalCaseListSchema },
        },
      },
      async (request) => listRenewalCases(ctx.db, actorOf(request), request.query, ctx.clock()),
    );

    app.get(
      '/renewal-cases/export.xlsx',
      { schema: { tags, summary: '导出存量更新案件（Excel，筛选条件同列表）', querystring: renewalFilterSchema } },
      async (request, reply) => {
        const rows = await primed(renewalCaseRows(ctx.db, actorOf(request), request.query, ctx.clock()));
        return sendFile(reply, {
          buffer: streamCaseWorkbook(rows),
          fileName: datedXlsxName('存量更新案件', ctx.clock()),
        });
      },
    );

    app.post(
      '/renewal-cases',
      {
        schema: {
          tags,
          summary: '新建存量更新案件（责任部门、责任人、完成期限）',
          body: createRenewalCaseSchema,
          response: { 201: renewalCaseDetailSchema },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return createRenewalCase(ctx.db, actorOf(request), request.body, ctx.clock());
      },
    );

    app.get(
      '/renewal-cases/overdue',
      {
        schema: {
          tags,
          summary: '逾期案件（按平台和责任部门；截至 asOf，默认今天）',
          querystring: overdueQuerySchema,
          response: { 200: overdueListSchema },
        },
      },
      async (request) => overdueRenewalCases(ctx.db, actorOf(request), request.query, ctx.clock()),
    );

    app.get(
      '/renewal-cases/candidates',
      {
        schema: {
          tags,
          summary: '尚未立案的淘汰落后、停产僵尸和产能严重过剩行业企业',
          querystring: candidatesQuerySchema,
          response: { 200: candidateListSchema },
        },
      },
      async (request) => renewalCandidateList(ctx.db, actorOf(request), request.query),
    );

    app.get(
      '/renewal-cases/catalog-consequences',
      {
        schema: {
          tags,
          summary: '现行准入目录下的淘汰类、限制类现有企业，及新版目录使类别变化的企业',
          querystring: consequencesQuerySchema,
          response: { 200: consequencesSchema },
        },
      },
      async (request) => catalogConsequenceList(ctx.db, actorOf(request), request.query, ctx.clock()),
    );

    app.get(
      '/renewal-cases/:id',
      {
        schema: {
          tags,
          summary: '存量更新案件详情（步骤时间线）',
          params: renewalCaseParamsSchema,
          querystring: z.object({ asOf: overdueQuerySchema.shape.asOf }),
          response: { 200: renewalCaseDetailSchema },
        },
      },
      async (request) => getRenewalCase(ctx.db, actorOf(request), request.params.id, ctx.clock(), request.query.asOf),
    );

    app.post(
      '/renewal-cases/:id/steps',
      {
        schema: {
          tags,
          summary: '登记案件的下一步进展（最后一步即完成或出清）',
          params: renewalCaseParamsSchema,
          body: recordStepSchema,
          response: { 200: renewalCaseDetailSchema },
        },
      },
      async (request) => recordRenewalStep(ctx.db, actorOf(request), request.params.id, request.body, ctx.clock()),
    );

    app.post(
      '/renewal-cases/:id/close',
      {
        schema: {
          tags,
          summary: '撤销案件（写明原因）',
          params: renewalCaseParamsSchema,
          body: closeRenewalCaseSchema,
          response: { 200: renewalCaseDetailSchema },
        },
      },
      async (request) => withdrawRenewalCase(ctx.db, actorOf(request), request.params.id, request.body, ctx.clock()),
    );

    app.get(
      '/industry-profiles/:platformKey',
      {
        schema: {
          tags,
          summary: '平台产业概况：现有产业总量及比重、招引方向、未来发展空间',
          params: profileParamsSchema,
          querystring: profileQuerySchema,
          response: { 200: industryProfileSchema },
        },
      },
      async (request) =>
        platformIndustryProfile(ctx.db, actorOf(request), request.params.platformKey, request.query, ctx.clock()),
    );

    app.get(
      '/industry-profiles/:platformKey/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出平台产业概况（Excel）',
          params: profileParamsSchema,
          querystring: profileQuerySchema,
        },
      },
      async (request, reply) => {
        const { platformKey } = request.params;
        const profile = await platformIndustryProfile(
          ctx.db,
          actorOf(request),
          platformKey,
          request.query,
          ctx.clock(),
        );
        return sendFile(reply, {
          buffer: profileWorkbook(profile),
          fileName: `${platformName(platformKey)}产业概况-${profile.year ?? '无数据'}年度.xlsx`,
        });
      },
    );

    app.get(
      '/industry-profiles/:platformKey/enterprises',
      {
        schema: {
          tags,
          summary: '产业概况中一个数字背后的企业',
          params: profileParamsSchema,
          querystring: profileRowsQuerySchema,
          response: { 200: profileRowsSchema },
        },
      },
      async (request) =>
        profileEnterprises(ctx.db, actorOf(request), request.params.platformKey, request.query, ctx.clock()),
    );
  };
