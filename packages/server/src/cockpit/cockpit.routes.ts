import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { cockpitQuerySchema, cockpitViewSchema } from '@pgs/domain';
import type { AppContext } from '../platform/context.ts';
import { actorOf, sendFile } from '../platform/http.ts';
import { cockpitView } from './cockpit.service.ts';
import { cockpitWorkbook } from './cockpit-xlsx.ts';

const tags = ['cockpit'];

/** 驾驶舱 (issue #14): the leadership group's one-page view of the three platforms, and its Excel export. */
export const cockpitRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/cockpit',
      {
        schema: {
          tags,
          summary:
            '领导驾驶舱：三平台及全市的招商、落地、亩均评价、土地清理、存量更新、精准招商、招商力量、考核与重点任务指标（截至 asOf，默认今天；平台用户只见本平台）',
          querystring: cockpitQuerySchema,
          response: { 200: cockpitViewSchema },
        },
      },
      async (request) => cockpitView(ctx.db, actorOf(request), request.query, ctx.clock()),
    );

    app.get(
      '/cockpit/export.xlsx',
      { schema: { tags, summary: '导出驾驶舱指标（Excel，每项指标附说明）', querystring: cockpitQuerySchema } },
      async (request, reply) => {
        const view = await cockpitView(ctx.db, actorOf(request), request.query, ctx.clock());
        return sendFile(reply, {
          buffer: await cockpitWorkbook(view),
          fileName: `${view.year}年驾驶舱指标（截至${view.asOf}）.xlsx`,
        });
      },
    );
  };
