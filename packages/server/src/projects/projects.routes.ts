import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageOf, projectDetailSchema, projectIdParamsSchema, projectListQuerySchema, projectSchema, reportProjectSchema, transitionSchema } from '@pgs/domain';
import type { AppContext } from '../platform/context.ts';
import { actorOf } from '../platform/http.ts';
import { getProject, listProjects, reportProject, transitionProject } from './projects.service.ts';

const tags = ['projects'];

/** §二 investment projects: first report (R2.3), ledger, project page with history, pipeline moves (R2.4). */
export const projectRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.post('/projects', { schema: { tags, summary: '首报登记（R2.3）', body: reportProjectSchema, response: { 201: projectDetailSchema } } }, async (request, reply) => {
    reply.code(201);
    return reportProject(ctx.db, actorOf(request), request.body, ctx.clock());
  });

  app.get('/projects', { schema: { tags, summary: '招商项目台账', querystring: projectListQuerySchema, response: { 200: pageOf(projectSchema) } } }, async (request) =>
    listProjects(ctx.db, actorOf(request), request.query, ctx.clock()),
  );

  app.get('/projects/:id', { schema: { tags, summary: '项目详情与全部历史', params: projectIdParamsSchema, response: { 200: projectDetailSchema } } }, async (request) =>
    getProject(ctx.db, actorOf(request), request.params.id, ctx.clock()),
  );

  app.post('/projects/:id/transitions', { schema: { tags, summary: '推进或终止项目（R2.4；version 过期返回 409）', params: projectIdParamsSchema, body: transitionSchema, response: { 200: projectDetailSchema } } }, async (request) =>
    transitionProject(ctx.db, actorOf(request), request.params.id, request.body, ctx.clock()),
  );
};
