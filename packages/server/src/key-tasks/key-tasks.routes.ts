import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  calendarDaySchema,
  completionQuerySchema,
  completionSchema,
  keyTaskDeleteSchema,
  keyTaskDetailSchema,
  keyTaskFilterSchema,
  keyTaskIdParamsSchema,
  keyTaskImportQuerySchema,
  keyTaskImportReportSchema,
  keyTaskInputSchema,
  keyTaskListQuerySchema,
  keyTaskSchema,
  keyTaskUpdateSchema,
  keyTaskYearSchema,
  pageOf,
  progressInputSchema,
} from '@pgs/domain';
import type { AppContext } from '../platform/context.ts';
import { actorOf, BULK_LIMIT_BYTES, sendFile, uploadedFile } from '../platform/http.ts';
import { noContentResponse } from '../platform/openapi-responses.ts';
import { requirePermission } from '../platform/actor.ts';
import { getKeyTask, keyTaskCompletion, keyTasksForExport, listKeyTasks } from './key-tasks-ledger.service.ts';
import { createKeyTask, deleteKeyTask, reportKeyTaskProgress, updateKeyTask } from './key-task-writes.service.ts';
import { importKeyTasks } from './key-task-import.service.ts';
import { keyTaskTemplate, streamKeyTasksWorkbook } from './key-task-workbooks.ts';

const tags = ['key-tasks'];

/** R4.4 key-task list (附件1 任务安排表, 年度重点攻坚任务清单): the drc keeps it, the responsible users report monthly. */
export const keyTaskRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/key-tasks',
      {
        schema: {
          tags,
          summary: '年度重点任务清单（状态与逾期按 asOf 当日计算，默认今天；平台只见涉及本平台的任务及本平台部分）',
          querystring: keyTaskListQuerySchema,
          response: { 200: pageOf(keyTaskSchema) },
        },
      },
      async (request) => listKeyTasks(ctx.db, actorOf(request), request.query, ctx.clock()),
    );

    app.get(
      '/key-tasks/export.xlsx',
      { schema: { tags, summary: '导出年度重点任务清单（Excel，筛选条件同清单）', querystring: keyTaskFilterSchema } },
      async (request, reply) => {
        const tasks = await keyTasksForExport(ctx.db, actorOf(request), request.query, ctx.clock());
        return sendFile(reply, {
          buffer: streamKeyTasksWorkbook(request.query.year, tasks),
          fileName: `${request.query.year}年重点任务清单.xlsx`,
        });
      },
    );

    app.get(
      '/key-tasks/template.xlsx',
      {
        schema: {
          tags,
          summary: '重点任务导入模板（Excel，市发改委）',
          querystring: z.object({ year: keyTaskYearSchema }),
        },
      },
      async (request, reply) => {
        requirePermission(actorOf(request), 'keyTasks.edit');
        return sendFile(reply, {
          buffer: await keyTaskTemplate(request.query.year),
          fileName: `${request.query.year}年重点任务导入模板.xlsx`,
        });
      },
    );

    app.post(
      '/key-tasks/import',
      {
        bodyLimit: BULK_LIMIT_BYTES,
        schema: {
          tags,
          summary:
            '从 Excel 导入重点任务（市发改委）：dryRun=true 只检查并列出每处问题；dryRun=false 无问题时全部写入，有问题返回 422 且不写入',
          querystring: keyTaskImportQuerySchema,
          consumes: ['multipart/form-data'],
          response: { 200: keyTaskImportReportSchema },
        },
      },
      async (request) =>
        importKeyTasks(ctx.db, actorOf(request), () => uploadedFile(request), request.query, ctx.clock()),
    );

    app.get(
      '/key-tasks/completion',
      {
        schema: {
          tags,
          summary: '各平台重点任务完成率（年度考核读取；按 asOf 当日计算）',
          querystring: completionQuerySchema,
          response: { 200: completionSchema },
        },
      },
      async (request) =>
        keyTaskCompletion(ctx.db, actorOf(request), request.query.year, request.query.asOf, ctx.clock()),
    );

    app.post(
      '/key-tasks',
      {
        schema: {
          tags,
          summary: '新增重点任务（市发改委）',
          body: keyTaskInputSchema,
          response: { 201: keyTaskDetailSchema },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return createKeyTask(ctx.db, actorOf(request), request.body, ctx.clock());
      },
    );

    app.get(
      '/key-tasks/:id',
      {
        schema: {
          tags,
          summary: '重点任务及其各月进展',
          params: keyTaskIdParamsSchema,
          querystring: z.object({ asOf: calendarDaySchema.optional() }),
          response: { 200: keyTaskDetailSchema },
        },
      },
      async (request) => getKeyTask(ctx.db, actorOf(request), request.params.id, request.query.asOf, ctx.clock()),
    );

    app.put(
      '/key-tasks/:id',
      {
        schema: {
          tags,
          summary: '修改重点任务（市发改委；version 过期返回 409）',
          params: keyTaskIdParamsSchema,
          body: keyTaskUpdateSchema,
          response: { 200: keyTaskDetailSchema },
        },
      },
      async (request) => updateKeyTask(ctx.db, actorOf(request), request.params.id, request.body, ctx.clock()),
    );

    app.delete(
      '/key-tasks/:id',
      {
        schema: {
          tags,
          summary: '删除重点任务及其进展（市发改委；version 过期返回 409）',
          params: keyTaskIdParamsSchema,
          querystring: keyTaskDeleteSchema,
          response: noContentResponse,
        },
      },
      async (request, reply) => {
        await deleteKeyTask(ctx.db, actorOf(request), request.params.id, request.query.version, ctx.clock());
        return reply.code(204).send();
      },
    );

    app.post(
      '/key-tasks/:id/progress',
      {
        schema: {
          tags,
          summary: '报送月度进展（累计完成值；平台报本平台部分，牵头部门报全部；同月再报带 version 修改）',
          params: keyTaskIdParamsSchema,
          body: progressInputSchema,
          response: { 200: keyTaskDetailSchema },
        },
      },
      async (request) => reportKeyTaskProgress(ctx.db, actorOf(request), request.params.id, request.body, ctx.clock()),
    );
  };
