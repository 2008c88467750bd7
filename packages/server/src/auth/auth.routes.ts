import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeOwnPasswordSchema, loginSchema, userSchema } from '@pgs/domain';
import type { AppContext } from '../platform/context.ts';
import { actorOf, SESSION_COOKIE } from '../platform/http.ts';
import { noContentResponse } from '../platform/openapi-responses.ts';
import { changeOwnPassword, userById, publicUser } from '../users/users.service.ts';
import { login, logout } from './auth.service.ts';
import { notFound } from '../platform/errors.ts';
import { loginRateLimit } from './login-rate-limit.ts';
import { hashToken } from './session-token.ts';

const userEnvelope = z.object({ user: userSchema });
/** Routes a user whose password is temporary may still use (#10.11): everything else answers 403 until changed. */
const PASSWORD_CHANGE_ALLOWED = { passwordChangeAllowed: true };
const maybeUserEnvelope = z.object({ user: userSchema.nullable() });

export const authRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/auth/login',
      {
        config: { public: true },
        preHandler: loginRateLimit(app, ctx.auth.loginRateLimit),
        schema: { tags: ['auth'], summary: '登录', body: loginSchema, response: { 200: userEnvelope } },
      },
      async (request, reply) => {
        const { token, user } = await login(
          ctx.db,
          ctx.auth,
          request.body.username,
          request.body.password,
          ctx.clock(),
        );
        reply.setCookie(SESSION_COOKIE, token, {
          httpOnly: true,
          sameSite: 'strict',
          path: '/',
          secure: ctx.secureCookie,
        });
        return { user };
      },
    );

    app.post(
      '/auth/logout',
      { config: PASSWORD_CHANGE_ALLOWED, schema: { tags: ['auth'], summary: '退出登录', response: noContentResponse } },
      async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        if (token) await logout(ctx.db, actorOf(request), token, ctx.clock());
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send();
      },
    );

    // A visitor who never signed in (no session cookie) gets 200 {user:null}, so the login page loads without a 401;
    // a session cookie that is expired or revoked is still 401, as before.
    app.get(
      '/auth/me',
      {
        config: { ...PASSWORD_CHANGE_ALLOWED, sessionOptional: true },
        schema: { tags: ['auth'], summary: '当前用户（未登录时 user 为 null）', response: { 200: maybeUserEnvelope } },
      },
      async (request) => {
        if (!request.actor) return { user: null };
        const actor = actorOf(request);
        const row = actor.id ? await userById(ctx.db, actor.id) : undefined;
        if (!row) throw notFound('用户不存在');
        return { user: { ...publicUser(row), mustChangePassword: row.mustChangePassword } };
      },
    );

    app.post(
      '/auth/password',
      {
        config: PASSWORD_CHANGE_ALLOWED,
        schema: {
          tags: ['auth'],
          summary: '修改本人密码（结束本人的其他会话）',
          body: changeOwnPasswordSchema,
          response: noContentResponse,
        },
      },
      async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        await changeOwnPassword(
          ctx.db,
          actorOf(request),
          {
            currentPassword: request.body.currentPassword,
            newPassword: request.body.newPassword,
            keepSessionTokenHash: token ? hashToken(token) : null,
          },
          ctx.clock(),
        );
        return reply.code(204).send();
      },
    );
  };
