import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assessmentIdParamsSchema,
  assessmentListQuerySchema,
  assessmentSummarySchema,
  assessmentViewSchema,
  assessmentYearParamsSchema,
  createAssessmentSchema,
  figureRowSchema,
  figureRowsParamsSchema,
  figureRowsExportQuerySchema,
  figureRowsQuerySchema,
  interviewInputSchema,
  interviewListQuerySchema,
  interviewViewSchema,
  keyProjectSchema,
  milestoneInputSchema,
  milestoneListQuerySchema,
  milestoneParamsSchema,
  pageOf,
  rubricInputSchema,
  rubricViewSchema,
} from '@pgs/domain';
import type { AppContext } from '../platform/context.ts';
import { actorOf, sendFile } from '../platform/http.ts';
import { getRubric, updateRubric } from './rubrics.service.ts';
import {
  assessmentForCircular,
  createAssessment,
  getAssessment,
  listAssessments,
  publishAssessment,
} from './assessment.service.ts';
import { interviewsForExport, listInterviews, recordInterview } from './interviews.service.ts';
import { interviewsWorkbook, milestonesWorkbook } from './interviews-milestones-xlsx.ts';
import { listKeyProjects, updateMilestones } from './milestones.service.ts';
import { circularDocx } from './circular-docx.ts';
import { scoresWorkbook } from './scores-xlsx.ts';
import { figureRows, figureRowsForExport } from './figure-rows.service.ts';
import { streamFigureRowsWorkbook } from './figure-rows-xlsx.ts';

const tags = ['assessment'];
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const docxResponse = {
  200: {
    description: 'Word 文档（.docx）',
    content: { [DOCX_MIME]: { schema: z.string().meta({ format: 'binary' }) } },
  },
};

/** §四 the platforms' yearly assessment (R4.2–R4.3); who may do what is in the services. */
export const assessmentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/assessment-rubrics/:year',
      {
        schema: {
          tags,
          summary: '年度平台考核实施办法（未保存时为默认办法，第 1 版）',
          params: assessmentYearParamsSchema,
          response: { 200: rubricViewSchema },
        },
      },
      async (request) => getRubric(ctx.db, actorOf(request), request.params.year),
    );

    app.put(
      '/assessment-rubrics/:year',
      {
        schema: {
          tags,
          summary: '修改年度平台考核实施办法（市发改委；version 过期返回 409）',
          params: assessmentYearParamsSchema,
          body: rubricInputSchema,
          response: { 200: rubricViewSchema },
        },
      },
      async (request) => updateRubric(ctx.db, actorOf(request), request.params.year, request.body, ctx.clock()),
    );

    app.get(
      '/assessments',
      {
        schema: {
          tags,
          summary: '平台年度考核列表（平台及各委办只见已发布的）',
          querystring: assessmentListQuerySchema,
          response: { 200: pageOf(assessmentSummarySchema) },
        },
      },
      async (request) => listAssessments(ctx.db, actorOf(request), request.query),
    );

    app.post(
      '/assessments',
      {
        schema: {
          tags,
          summary: '按年度和截止日期计算平台考核（市发改委）；simulate 为 true 时只模拟、不保存，可带另一套办法',
          body: createAssessmentSchema,
          response: { 200: assessmentViewSchema, 201: assessmentViewSchema },
        },
      },
      async (request, reply) => {
        const view = await createAssessment(ctx.db, actorOf(request), request.body, ctx.clock());
        return reply.code(view.id === null ? 200 : 201).send(view);
      },
    );

    app.get(
      '/assessments/:id',
      {
        schema: {
          tags,
          summary: '一次平台考核的结果',
          params: assessmentIdParamsSchema,
          response: { 200: assessmentViewSchema },
        },
      },
      async (request) => getAssessment(ctx.db, actorOf(request), request.params.id),
    );

    app.get(
      '/assessments/:id/figures/:source/rows',
      {
        schema: {
          tags,
          summary: '考核完成值的明细（按平台分页；平台只能查看本平台的）',
          params: figureRowsParamsSchema,
          querystring: figureRowsQuerySchema,
          response: { 200: pageOf(figureRowSchema) },
        },
      },
      async (request) => figureRows(ctx.db, actorOf(request), request.params.id, request.params.source, request.query),
    );

    app.get(
      '/assessments/:id/figures/:source/rows.xlsx',
      {
        schema: {
          tags,
          summary: '导出考核完成值的明细（Excel，全部记录；平台只能导出本平台的）',
          params: figureRowsParamsSchema,
          querystring: figureRowsExportQuerySchema,
        },
      },
      async (request, reply) => {
        const { params, query } = request;
        const { title, rows } = await figureRowsForExport(
          ctx.db,
          actorOf(request),
          params.id,
          params.source,
          query.platformKey,
        );
        return sendFile(reply, { buffer: streamFigureRowsWorkbook(rows), fileName: `${title}.xlsx` });
      },
    );

    app.post(
      '/assessments/:id/publish',
      {
        schema: {
          tags,
          summary: '发布考核结果（市发改委；已发布返回 409，发布后不再变更）',
          params: assessmentIdParamsSchema,
          response: { 200: assessmentViewSchema },
        },
      },
      async (request) => publishAssessment(ctx.db, actorOf(request), request.params.id, ctx.clock()),
    );

    app.get(
      '/assessments/:id/circular.docx',
      {
        schema: {
          tags,
          summary: '考核结果通报（Word，按党政机关公文格式）',
          params: assessmentIdParamsSchema,
          produces: [DOCX_MIME],
          response: docxResponse,
        },
      },
      async (request, reply) => {
        const view = await assessmentForCircular(ctx.db, actorOf(request), request.params.id);
        return sendFile(
          reply,
          { buffer: await circularDocx(view), fileName: `${view.year}年度平台考核结果通报.docx` },
          DOCX_MIME,
        );
      },
    );

    app.get(
      '/assessments/:id/scores.xlsx',
      { schema: { tags, summary: '考核得分表（Excel）', params: assessmentIdParamsSchema } },
      async (request, reply) => {
        const view = await getAssessment(ctx.db, actorOf(request), request.params.id);
        return sendFile(reply, { buffer: await scoresWorkbook(view), fileName: `${view.year}年度平台考核得分表.xlsx` });
      },
    );

    app.get(
      '/assessment-interviews',
      {
        schema: {
          tags,
          summary: '约谈记录（平台只见本平台的）',
          querystring: interviewListQuerySchema,
          response: { 200: pageOf(interviewViewSchema) },
        },
      },
      async (request) => listInterviews(ctx.db, actorOf(request), request.query, ctx.clock()),
    );

    app.get(
      '/assessment-interviews/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出约谈记录（Excel；平台只含本平台的）',
          querystring: interviewListQuerySchema.omit({ page: true, pageSize: true }),
        },
      },
      async (request, reply) => {
        const items = await interviewsForExport(ctx.db, actorOf(request), request.query, ctx.clock());
        return sendFile(reply, { buffer: await interviewsWorkbook(items), fileName: '约谈记录.xlsx' });
      },
    );

    app.post(
      '/assessment-interviews',
      {
        schema: {
          tags,
          summary: '记录约谈（市发改委）：日期、参加人员、纪要、整改期限',
          body: interviewInputSchema,
          response: { 201: interviewViewSchema },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await recordInterview(ctx.db, actorOf(request), request.body, ctx.clock())),
    );

    app.get(
      '/assessment-milestones',
      {
        schema: {
          tags,
          summary: '重点项目节点按季度判定（按期、滞后、有滞后风险）',
          querystring: milestoneListQuerySchema,
          response: { 200: pageOf(keyProjectSchema) },
        },
      },
      async (request) => listKeyProjects(ctx.db, actorOf(request), request.query, ctx.clock()),
    );

    app.get(
      '/assessment-milestones/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出重点项目节点（Excel；按季度判定，可只导出滞后项目）',
          querystring: milestoneListQuerySchema,
        },
      },
      async (request, reply) => {
        const { items } = await listKeyProjects(ctx.db, actorOf(request), request.query, ctx.clock());
        const title = `${request.query.year}年第${request.query.quarter}季度重点项目节点`;
        return sendFile(reply, { buffer: await milestonesWorkbook(items, title), fileName: `${title}.xlsx` });
      },
    );

    app.put(
      '/assessment-milestones/:projectId',
      {
        schema: {
          tags,
          summary: '修改重点项目的节点计划与责任单位（市发改委或本平台；version 过期返回 409）',
          params: milestoneParamsSchema,
          body: milestoneInputSchema,
          response: { 200: keyProjectSchema },
        },
      },
      async (request) =>
        updateMilestones(ctx.db, actorOf(request), request.params.projectId, request.body, ctx.clock()),
    );
  };
