import type { FastifyRequest } from 'fastify';
import { authenticate } from './auth.service.ts';
import type { AppContext } from '../platform/context.ts';
import { unauthorized } from '../platform/errors.ts';
import { SESSION_COOKIE } from '../platform/http.ts';

/**
 * Issue #10.9: the API documentation (/api/docs, its JSON and YAML) lists every route and field, so by default only a
 * signed-in user may read it; PGS_PUBLIC_API_DOCS=1 opens it. The swagger-ui library's own static assets stay public.
 */
export function apiDocsGuard(context: () => AppContext, isPublic: boolean) {
  return async (request: FastifyRequest) => {
    if (isPublic) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw unauthorized('请先登录系统，再查看 API 文档');
    const ctx = context();
    request.actor = await authenticate(ctx.db, ctx.auth, token, ctx.clock());
  };
}
