import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { calendarInputSchema, calendarSchema, calendarYearsSchema, yearParamsSchema } from '@pgs/domain';
import type { AppContext } from '../platform/context.ts';
import { actorOf } from '../platform/http.ts';
import { getCalendar, listCalendarYears, saveCalendar } from './calendar.service.ts';

const tags = ['calendar'];

/** The national holiday calendar per year (working days for R2.8 and the assessment's public notice). */
export const calendarRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/calendar',
      { schema: { tags, summary: '已录入节假日安排的年度', response: { 200: calendarYearsSchema } } },
      async (request) => listCalendarYears(ctx.db, actorOf(request)),
    );
    app.get(
      '/calendar/:year',
      {
        schema: {
          tags,
          summary: '一个年度的节假日安排与各月工作日数',
          params: yearParamsSchema,
          response: { 200: calendarSchema },
        },
      },
      async (request) => getCalendar(ctx.db, actorOf(request), request.params.year),
    );
    app.put(
      '/calendar/:year',
      {
        schema: {
          tags,
          summary: '录入或修改一个年度的节假日安排（按国务院办公厅通知；修改时带上看到的版本号）',
          params: yearParamsSchema,
          body: calendarInputSchema,
          response: { 200: calendarSchema },
        },
      },
      async (request) => saveCalendar(ctx.db, actorOf(request), request.params.year, request.body, ctx.clock()),
    );
  };
