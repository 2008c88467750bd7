import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createUserSchema, pageOf, resetPasswordSchema, updateUserSchema, userIdParamsSchema, userSchema } from '@pgs/domain';
import type { AppContext } from '../platform/context.ts';
import { actorOf } from '../platform/http.ts';
import { noContentResponse } from '../platform/openapi-responses.ts';
import { createUser, listUsersPage, resetPassword, updateUser } from './users.service.ts';

const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const usersRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.get('/users', { schema: { tags: ['users'], summary: '用户列表（管理员）', querystring: pageQuery, response: { 200: pageOf(userSchema) } } }, async (request) =>
    listUsersPage(ctx.db, actorOf(request), request.query.page, request.query.pageSize),
  );

  app.post('/users', { schema: { tags: ['users'], summary: '新建用户（管理员）', body: createUserSchema, response: { 201: userSchema } } }, async (request, reply) => {
    const user = await createUser(ctx.db, actorOf(request), request.body, ctx.clock());
    return reply.code(201).send(user);
  });

  app.patch('/users/:id', { schema: { tags: ['users'], summary: '修改用户（管理员）', params: userIdParamsSchema, body: updateUserSchema, response: { 200: userSchema } } }, async (request) =>
    updateUser(ctx.db, actorOf(request), request.params.id, request.body, ctx.clock()),
  );

  app.post('/users/:id/password', { schema: { tags: ['users'], summary: '重置密码并解锁（管理员）', params: userIdParamsSchema, body: resetPasswordSchema, response: noContentResponse } }, async (request, reply) => {
    await resetPassword(ctx.db, actorOf(request), request.params.id, request.body.password, ctx.clock());
    return reply.code(204).send();
  });
};
