import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf } from '@pgs/domain';
import {
  evaluationMethodInputSchema,
  evaluationMethodViewSchema,
  enterpriseResultSchema,
  evaluationResultsFilterSchema,
  evaluationResultsQuerySchema,
  evaluationRunDetailSchema,
  evaluationRunListQuerySchema,
  evaluationRunParamsSchema,
  evaluationRunSummarySchema,
  evaluationYearParamsSchema,
  measureItemSchema,
  measuresFilterSchema,
  measuresQuerySchema,
  rectificationFilterSchema,
  rectificationItemSchema,
  rectificationQuerySchema,
  progressParamsSchema,
  runEvaluationInputSchema,
  runProgressSchema,
  simulationInputSchema,
  simulationSchema,
} from '@pgs/domain';
import type { AppContext } from '../platform/context.ts';
import { actorOf, sendFile } from '../platform/http.ts';
import { getEvaluationMethod, updateEvaluationMethod } from './mu-evaluation-methods.service.ts';
import {
  listMeasures,
  listRectification,
  measuresForExport,
  rectificationForExport,
} from './mu-evaluation-measures.service.ts';
import { getRun, listResults, listRuns, publishRun, resultsForExport } from './mu-evaluation.service.ts';
import { runEvaluation, runProgressOf, simulateEvaluation } from './mu-evaluation-run.service.ts';
import { streamMeasuresWorkbook, streamRectificationWorkbook, streamResultsWorkbook } from './mu-evaluation-xlsx.ts';

const tags = ['evaluations'];

/**
 * §三 yearly ABCD evaluation (R3.2), measures (R3.3) and rectification (R3.4); who may do what is in the services (D17).
 */
export const muEvaluationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/evaluation-methods/:year',
      {
        schema: {
          tags,
          summary: '年度亩均评价办法（未保存时为默认值，第 1 版）',
          params: evaluationYearParamsSchema,
          response: { 200: evaluationMethodViewSchema },
        },
      },
      async (request) => getEvaluationMethod(ctx.db, actorOf(request), request.params.year),
    );

    app.put(
      '/evaluation-methods/:year',
      {
        schema: {
          tags,
          summary: '修改年度评价办法、差别化措施标准与整治设置（市经信委；version 过期返回 409）',
          params: evaluationYearParamsSchema,
          body: evaluationMethodInputSchema,
          response: { 200: evaluationMethodViewSchema },
        },
      },
      async (request) =>
        updateEvaluationMethod(ctx.db, actorOf(request), request.params.year, request.body, ctx.clock()),
    );

    app.post(
      '/evaluations',
      {
        schema: {
          tags,
          summary: '运行年度亩均效益综合评价（市经信委；R3.2）',
          body: runEvaluationInputSchema,
          response: { 201: evaluationRunSummarySchema },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const summary = await runEvaluation(ctx.db, actor, request.body, ctx.clock(), {
          onProgress: ctx.progress.reporter('evaluation', request.body.progressKey, actor.username, request.log),
        });
        reply.code(201);
        return summary;
      },
    );

    app.get(
      '/evaluations/progress/:key',
      {
        schema: {
          tags,
          summary: '评价运行进度（运行者本人凭运行时给出的进度编号查询）',
          params: progressParamsSchema,
          response: { 200: runProgressSchema },
        },
      },
      async (request) => runProgressOf(ctx.progress, actorOf(request), request.params.key),
    );

    app.get(
      '/evaluations',
      {
        schema: {
          tags,
          summary: '评价列表（平台及其他部门只见已发布的评价，D17）',
          querystring: evaluationRunListQuerySchema,
          response: { 200: pageOf(evaluationRunSummarySchema) },
        },
      },
      async (request) => listRuns(ctx.db, actorOf(request), request.query),
    );

    app.post(
      '/evaluations/simulate',
      {
        schema: {
          tags,
          summary: '模拟其他权重或分档线：与本年度评价办法相比有多少企业等级变化（不保存）',
          body: simulationInputSchema,
          response: { 200: simulationSchema },
        },
      },
      async (request) => simulateEvaluation(ctx.db, actorOf(request), request.body),
    );

    app.get(
      '/evaluations/:id',
      {
        schema: {
          tags,
          summary: '评价概况：各平台 D 类占比、评价组基准值与所用评价办法',
          params: evaluationRunParamsSchema,
          response: { 200: evaluationRunDetailSchema },
        },
      },
      async (request) => getRun(ctx.db, actorOf(request), request.params.id),
    );

    app.post(
      '/evaluations/:id/publish',
      {
        schema: {
          tags,
          summary: '发布评价结果（市经信委；同年度已发布的评价被替代）',
          params: evaluationRunParamsSchema,
          response: { 200: evaluationRunSummarySchema },
        },
      },
      async (request) => publishRun(ctx.db, actorOf(request), request.params.id, ctx.clock()),
    );

    app.get(
      '/evaluations/:id/results',
      {
        schema: {
          tags,
          summary: '评价结果：等级、得分、排名、百分位及各项指标',
          params: evaluationRunParamsSchema,
          querystring: evaluationResultsQuerySchema,
          response: { 200: pageOf(enterpriseResultSchema) },
        },
      },
      async (request) => listResults(ctx.db, actorOf(request), request.params.id, request.query),
    );

    app.get(
      '/evaluations/:id/results/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出评价结果（Excel，每个评价组一张表，筛选条件同列表）',
          params: evaluationRunParamsSchema,
          querystring: evaluationResultsFilterSchema,
        },
      },
      async (request, reply) => {
        const { run, sets, rows } = await resultsForExport(ctx.db, actorOf(request), request.params.id, request.query);
        return sendFile(reply, {
          buffer: streamResultsWorkbook(run, sets, rows),
          fileName: `${run.year}年亩均效益综合评价结果-第${run.id}次.xlsx`,
        });
      },
    );

    app.get(
      '/evaluations/:id/measures',
      {
        schema: {
          tags,
          summary: 'C、D 类企业差别化资源要素措施及年度金额（R3.3）',
          params: evaluationRunParamsSchema,
          querystring: measuresQuerySchema,
          response: { 200: pageOf(measureItemSchema) },
        },
      },
      async (request) => listMeasures(ctx.db, actorOf(request), request.params.id, request.query),
    );

    app.get(
      '/evaluations/:id/measures/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出差别化措施清单（Excel）',
          params: evaluationRunParamsSchema,
          querystring: measuresFilterSchema,
        },
      },
      async (request, reply) => {
        const { year, rows } = await measuresForExport(ctx.db, actorOf(request), request.params.id, request.query);
        return sendFile(reply, {
          buffer: streamMeasuresWorkbook(rows),
          fileName: `${year}年C、D类企业差别化措施清单.xlsx`,
        });
      },
    );

    app.get(
      '/evaluations/:id/rectification',
      {
        schema: {
          tags,
          summary: '亩均税收整治名单：帮扶、税收评估或整治（R3.4，D16）',
          params: evaluationRunParamsSchema,
          querystring: rectificationQuerySchema,
          response: { 200: pageOf(rectificationItemSchema) },
        },
      },
      async (request) => listRectification(ctx.db, actorOf(request), request.params.id, request.query),
    );

    app.get(
      '/evaluations/:id/rectification/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出亩均税收整治名单（Excel）',
          params: evaluationRunParamsSchema,
          querystring: rectificationFilterSchema,
        },
      },
      async (request, reply) => {
        const { year, rows } = await rectificationForExport(ctx.db, actorOf(request), request.params.id, request.query);
        return sendFile(reply, {
          buffer: streamRectificationWorkbook(rows),
          fileName: `${year}年亩均税收整治名单.xlsx`,
        });
      },
    );
  };
