import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import { authenticate } from './auth.service.ts';
import type { AppContext } from '../platform/context.ts';
import { unauthorized } from '../platform/errors.ts';
import { SESSION_COOKIE } from '../platform/http.ts';

/**
 * Issue #10.9: the API documentation (/api/docs, its JSON and YAML) lists every route and field, so by default only a
 * signed-in user may read it; PGS_PUBLIC_API_DOCS=1 opens it. The swagger-ui library's own static assets stay public.
 */
export function apiDocsGuard(context: () => AppContext, isPublic: boolean): onRequestHookHandler {
  const guard = async (request: FastifyRequest) => {
    if (isPublic) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw unauthorized('请先登录系统，再查看 API 文档');
    const ctx = context();
    request.actor = await authenticate(ctx.db, ctx.auth, token, ctx.clock());
  };
  // swagger-ui types its hooks in the callback form, so the guard's refusal reaches Fastify through `done`.
  return (request, _reply, done) => {
    guard(request).then(
      () => {
        done();
      },
      (error: unknown) => {
        done(error instanceof Error ? error : new Error(String(error)));
      },
    );
  };
}
