import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  platformName,
  projectFilterSchema,
  circulationInputSchema,
  circulationResultSchema,
  evaluationInputSchema,
  evaluationResultSchema,
  investmentSummaryQuerySchema,
  investmentSummarySchema,
  projectEvaluationRecordSchema,
  projectSettingsInputSchema,
  projectSettingsSchema,
  platformParamsSchema,
  projectDetailSchema,
  projectIdParamsSchema,
  projectListQuerySchema,
  projectPageSchema,
  reportProjectSchema,
  transitionSchema,
  undoTransitionSchema,
} from '@pgs/domain';
import type { AppContext } from '../platform/context.ts';
import { actorOf, primed, sendFile } from '../platform/http.ts';
import { datedXlsxName } from '../platform/xlsx-format.ts';
import { streamLedgerWorkbook, summaryWorkbook } from './projects-xlsx.ts';
import {
  getProject,
  ledgerRows,
  listProjectsAnswer,
  reportProject,
  transitionProject,
  undoTransition,
} from './projects.service.ts';
import { z } from 'zod';
import { evaluateProject, listProjectEvaluations } from './access-evaluation.service.ts';
import { getProjectSettings, updateProjectSettings } from './project-settings.service.ts';
import { circulateProject, platformInvestmentSummary } from './project-circulation.service.ts';

const tags = ['projects'];

/** §二 investment projects: first report (R2.3), ledger, project page with history, pipeline moves (R2.4). */
export const projectRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/projects',
      {
        schema: {
          tags,
          summary: '首报登记（R2.3）',
          body: reportProjectSchema,
          response: { 201: projectDetailSchema },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return reportProject(ctx.db, actorOf(request), request.body, ctx.clock());
      },
    );

    app.get(
      '/projects',
      {
        schema: {
          tags,
          summary: '招商项目台账',
          querystring: projectListQuerySchema,
          response: { 200: projectPageSchema },
        },
      },
      async (request) => listProjectsAnswer(ctx.db, actorOf(request), request.query, ctx.clock()),
    );

    app.get(
      '/projects/export.xlsx',
      { schema: { tags, summary: '导出招商项目台账（Excel，筛选条件同台账）', querystring: projectFilterSchema } },
      async (request, reply) => {
        const rows = await primed(ledgerRows(ctx.db, actorOf(request), request.query, ctx.clock()));
        return sendFile(reply, {
          buffer: streamLedgerWorkbook(rows),
          fileName: datedXlsxName('招商项目台账', ctx.clock()),
        });
      },
    );

    app.get(
      '/projects/:id',
      {
        schema: {
          tags,
          summary: '项目详情与全部历史',
          params: projectIdParamsSchema,
          response: { 200: projectDetailSchema },
        },
      },
      async (request) => getProject(ctx.db, actorOf(request), request.params.id, ctx.clock()),
    );

    app.post(
      '/projects/:id/transitions',
      {
        schema: {
          tags,
          summary: '推进或终止项目（R2.4；version 过期返回 409）',
          params: projectIdParamsSchema,
          body: transitionSchema,
          response: { 200: projectDetailSchema },
        },
      },
      async (request) => transitionProject(ctx.db, actorOf(request), request.params.id, request.body, ctx.clock()),
    );

    app.post(
      '/projects/:id/transitions/undo',
      {
        schema: {
          tags,
          summary: '撤销最近一次阶段变更（同一角色、撤销期限内；version 过期返回 409）',
          params: projectIdParamsSchema,
          body: undoTransitionSchema,
          response: { 200: projectDetailSchema },
        },
      },
      async (request) => undoTransition(ctx.db, actorOf(request), request.params.id, request.body, ctx.clock()),
    );

    app.post(
      '/projects/:id/evaluation',
      {
        schema: {
          tags,
          summary: '准入评估：评分表与书面评审意见（R2.1–R2.2）',
          params: projectIdParamsSchema,
          body: evaluationInputSchema,
          response: { 201: evaluationResultSchema },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return evaluateProject(ctx.db, actorOf(request), request.params.id, request.body, ctx.clock());
      },
    );

    app.get(
      '/projects/:id/evaluations',
      {
        schema: {
          tags,
          summary: '项目的全部准入评估（含当时的评分表）',
          params: projectIdParamsSchema,
          response: { 200: z.array(projectEvaluationRecordSchema) },
        },
      },
      async (request) => listProjectEvaluations(ctx.db, actorOf(request), request.params.id),
    );

    app.get(
      '/project-settings',
      { schema: { tags, summary: '招商项目设置：洽谈期限与评估评分表', response: { 200: projectSettingsSchema } } },
      async (request) => getProjectSettings(ctx.db, actorOf(request)),
    );

    app.put(
      '/project-settings',
      {
        schema: {
          tags,
          summary: '修改招商项目设置（市招商局；version 过期返回 409）',
          body: projectSettingsInputSchema,
          response: { 200: projectSettingsSchema },
        },
      },
      async (request) => updateProjectSettings(ctx.db, actorOf(request), request.body, ctx.clock()),
    );

    app.post(
      '/projects/:id/circulations',
      {
        schema: {
          tags,
          summary: '项目流转（市招商局；R2.5）',
          params: projectIdParamsSchema,
          body: circulationInputSchema,
          response: { 201: circulationResultSchema },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return circulateProject(ctx.db, actorOf(request), request.params.id, request.body, ctx.clock());
      },
    );

    app.get(
      '/platforms/:platformKey/investment-summary.xlsx',
      {
        schema: {
          tags,
          summary: '导出平台年度招商引资完成情况（Excel）',
          params: platformParamsSchema,
          querystring: investmentSummaryQuerySchema,
        },
      },
      async (request, reply) => {
        const summary = await platformInvestmentSummary(
          ctx.db,
          actorOf(request),
          request.params.platformKey,
          request.query.year,
        );
        return sendFile(reply, {
          buffer: summaryWorkbook(summary),
          fileName: `年度招商完成情况-${platformName(request.params.platformKey)}-${request.query.year}.xlsx`,
        });
      },
    );

    app.get(
      '/platforms/:platformKey/investment-summary',
      {
        schema: {
          tags,
          summary: '平台年度招商引资完成情况（R2.5–R2.6）',
          params: platformParamsSchema,
          querystring: investmentSummaryQuerySchema,
          response: { 200: investmentSummarySchema },
        },
      },
      async (request) =>
        platformInvestmentSummary(ctx.db, actorOf(request), request.params.platformKey, request.query.year),
    );
  };
