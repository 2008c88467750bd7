import { ProgressBoard } from './platform/progress-board.ts';
import { SharedProgress } from './platform/shared-progress.ts';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  type onRequestHookHandler,
} from 'fastify';
import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { serializerCompiler } from './platform/response-serializer.ts';
import { z } from 'zod';
import type { Database } from './platform/db.ts';
import { systemClock, type Clock } from './platform/actor.ts';
import type { AppContext } from './platform/context.ts';
import { clientErrorHandler, frameworkErrors, installErrorHandler } from './platform/error-handler.ts';
import { installRequestContext } from './platform/request-context.ts';
import { createLogger, type Logger } from './platform/log.ts';
import { SESSION_COOKIE } from './platform/http.ts';
import { unauthorized } from './platform/errors.ts';
import { authenticate } from './auth/auth.service.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { authSettings, type AuthSettings } from './platform/auth-settings.ts';
import { usersRoutes } from './users/users.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { referenceRoutes } from './reference/reference.routes.ts';
import { catalogRoutes } from './catalog/catalog.routes.ts';
import { projectRoutes } from './projects/projects.routes.ts';
import { enterpriseRoutes } from './enterprises/enterprises.routes.ts';
import { muEvaluationRoutes } from './mu-evaluation/mu-evaluation.routes.ts';
import { landRoutes } from './land/parcels.routes.ts';
import { parcelMoveRoutes } from './land/parcel-moves.routes.ts';
import { renewalRoutes } from './renewal/renewal.routes.ts';
import { assessmentRoutes } from './assessment/assessment.routes.ts';
import { keyTaskRoutes } from './key-tasks/key-tasks.routes.ts';
import { cockpitRoutes } from './cockpit/cockpit.routes.ts';
import {
  DEFAULT_NOTICE_OPTIONS,
  noticeRoutes,
  publicNoticeRoutes,
  type NoticeOptions,
} from './notices/notices.routes.ts';
import { targetRoutes } from './targets/targets.routes.ts';
import { targetChannelRoutes } from './targets/target-channels.routes.ts';
import { calendarRoutes } from './calendar/calendar.routes.ts';
import { tripRoutes } from './trips/trips.routes.ts';
import { staffRoutes } from './trips/staff.routes.ts';
import { industryCodesInUse } from './catalog/catalog.service.ts';
import { DEFAULT_HTTP_SETTINGS, type HttpSettings } from './platform/config.ts';
import { installRequestDeadlines, serverTimeouts } from './platform/request-deadlines.ts';
import { trustProxyOption } from './platform/trust-proxy.ts';
import { installHttpSecurity } from './platform/http-security.ts';
import { installXlsxResponses, openApiTransform } from './platform/openapi-responses.ts';
import { apiDocsGuard } from './auth/api-docs-guard.ts';
import { staticCacheHeaders } from './platform/static-cache.ts';
import { listenForChanges } from './platform/change-listener.ts';
import { installUploads } from './platform/uploads.ts';

// Validation messages in Chinese for the people who read them (zod's built-in zh-CN locale).
z.config(z.locales.zhCN());

export type AppOptions = {
  database: Database;
  clock?: Clock;
  /** The built web app (packages/web/dist); not served when null or missing. */
  webRoot?: string | null;
  secureCookie?: boolean;
  /** Timeouts, trusted proxy, API docs access, catalog horizon (issue #10); defaults as in DEFAULT_HTTP_SETTINGS. */
  http?: Partial<HttpSettings>;
  /** Session lifetime, session cap, login rate limits; defaults in auth/auth-settings.ts. */
  auth?: Partial<AuthSettings>;
  /** The server's logger (platform/log.ts); without one, warnings and errors go to stdout as JSON. */
  log?: Logger;
  /** The public notice's working-day calendar and objection rate limit (notices/notices.routes.ts). */
  notices?: Partial<NoticeOptions>;
};

/** What a route says about sessions (auth.service.ts and `sessionOptional` for GET /auth/me). */
type SessionRouteSettings = { public?: boolean; sessionOptional?: boolean; passwordChangeAllowed?: boolean };
/** Each route handler's session check, so the HEAD route Fastify adds beside a GET does not get a second one. */
const sessionChecks = new WeakMap<object, onRequestHookHandler>();

/** Adds fields to every later line of the request's log: pino's `setBindings`, or a child for another logger. */
function addToLog(request: FastifyRequest, bindings: Record<string, string>) {
  const log: FastifyBaseLogger & { setBindings?: (bindings: Record<string, string>) => void } = request.log;
  if (log.setBindings) log.setBindings(bindings);
  else request.log = log.child(bindings);
}

/** Builds the whole application without listening, so tests drive it with `app.inject()` (fastify/demo). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const http: HttpSettings = { ...DEFAULT_HTTP_SETTINGS, ...options.http };
  const logger: FastifyBaseLogger = options.log ?? createLogger({ logRequests: false });
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: 1024 * 1024,
    trustProxy: trustProxyOption(http.trustProxy),
    frameworkErrors,
    clientErrorHandler,
    ...serverTimeouts(http),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installRequestContext(app);
  app.decorateRequest('actor', null);
  // Issue #10.2 / #10.9: every route's time limit (set as routes are added), security headers, origin and body checks.
  installRequestDeadlines(app, http);
  installXlsxResponses(app);
  await installHttpSecurity(app);

  // The session cookie is Secure when PGS_SECURE_COOKIE=1, and otherwise whenever the request came over HTTPS
  // (X-Forwarded-Proto through a trusted proxy): @fastify/cookie's 'auto' reads request.protocol.
  const ctx: AppContext = {
    db: options.database.db,
    driver: options.database.driver,
    clock: options.clock ?? systemClock,
    secureCookie: options.secureCookie ? true : 'auto',
    // Issue #15: on PostgreSQL the progress of imports and runs is also in the database, for every server process.
    progress: new ProgressBoard(
      Date.now,
      options.database.driver === 'postgres' ? new SharedProgress(options.database.db, logger) : undefined,
    ),
    catalogHorizonMonths: http.catalogHorizonMonths,
    auth: authSettings(options.auth),
  };

  // Issue #15: the session and catalog caches hear of changes made by other processes on the same database.
  const stopListening = await listenForChanges(options.database);
  app.addHook('onClose', stopListening);

  await app.register(cookie);
  // Answers only: request bodies announcing any encoding are refused before they are read (http-security.ts), so the
  // per-request decompression hook would never have work to do.
  await app.register(compress, { global: true, globalDecompression: false, threshold: 2048 });
  await installUploads(app);
  // Issue #10.9: no route reads plain text; without a parser such a body is a 415.
  app.removeContentTypeParser('text/plain');
  // Only the routes that ask for it are limited (the login: per address and per name, auth/login-rate-limit.ts).
  await app.register(rateLimit, { global: false });
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 64 * 1024 * 1024 }, (_request, body, done) => {
    done(null, body);
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'PGS 平台产业管理引导系统 API',
        version: '1.0.0',
        description: '温州市级三大功能性平台产业管理引导机制（温政办〔2018〕107号）',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: openApiTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiHooks: { onRequest: apiDocsGuard(() => ctx, http.publicApiDocs) },
  });

  await app.register(
    async (api) => {
      // Every API route needs a session unless it says it is public (login, health). The check is given to each route
      // as it is added, with the route's own settings, rather than run for every route to read them on each request
      // (issue #15: Fastify builds `request.routeOptions` anew on every read). It runs before the route's other
      // onRequest hooks, as an instance hook of this plugin did.
      api.addHook('onRoute', (route) => {
        const config: SessionRouteSettings = route.config ?? {};
        if (config.public) return;
        const hooks = route.onRequest === undefined ? [] : [route.onRequest].flat();
        if (hooks.some((hook) => hook === sessionChecks.get(route.handler))) return; // the HEAD twin of a GET route
        const check: onRequestHookHandler = (request, _reply, done) => {
          const token = request.cookies[SESSION_COOKIE];
          if (!token) {
            // `sessionOptional` (GET /auth/me): a visitor without any session cookie is an answer, not an error.
            done(config.sessionOptional ? undefined : unauthorized());
            return;
          }
          authenticate(ctx.db, ctx.auth, token, ctx.clock(), config).then((actor) => {
            request.actor = actor;
            // Every line logged for this request names who made it (the request id is already there: `reqId`), on
            // the request's own logger (Fastify makes one per request) rather than a second child made per request.
            addToLog(request, { user: actor.username });
            done();
          }, done);
        };
        sessionChecks.set(route.handler, check);
        route.onRequest = [check, ...hooks];
      });
      api.get(
        '/health',
        {
          config: { public: true },
          schema: {
            tags: ['platform'],
            summary: '健康检查',
            response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
          },
        },
        async () => {
          await ctx.db.execute('select 1');
          return { status: 'ok' as const, database: ctx.driver };
        },
      );
      await api.register(authRoutes(ctx));
      await api.register(usersRoutes(ctx));
      await api.register(auditRoutes(ctx));
      await api.register(referenceRoutes(ctx, { codesInUse: () => industryCodesInUse(ctx.db) }));
      await api.register(catalogRoutes(ctx));
      await api.register(projectRoutes(ctx));
      await api.register(enterpriseRoutes(ctx));
      await api.register(muEvaluationRoutes(ctx));
      await api.register(landRoutes(ctx));
      await api.register(parcelMoveRoutes(ctx));
      await api.register(renewalRoutes(ctx));
      await api.register(assessmentRoutes(ctx));
      await api.register(keyTaskRoutes(ctx));
      await api.register(cockpitRoutes(ctx));
      const noticeOptions: NoticeOptions = { ...DEFAULT_NOTICE_OPTIONS, ...options.notices };
      await api.register(noticeRoutes(ctx, noticeOptions));
      await api.register(publicNoticeRoutes(ctx, noticeOptions));
      await api.register(targetRoutes(ctx));
      await api.register(targetChannelRoutes(ctx));
      await api.register(calendarRoutes(ctx));
      await api.register(tripRoutes(ctx));
      await api.register(staffRoutes(ctx));
    },
    { prefix: '/api/v1' },
  );

  const webRoot =
    options.webRoot && existsSync(path.join(options.webRoot, 'index.html')) ? path.resolve(options.webRoot) : null;
  if (webRoot)
    await app.register(fastifyStatic, {
      root: webRoot,
      // One `/*` route that looks the file up when asked, not a route per built file: `wildcard: false` globbed the
      // ~280 built files and registered two routes for each at every start (issue #15, ≈ 8 % of a warm start). A file
      // that is not there goes to the not-found handler below, as a path without a route did.
      wildcard: true,
      cacheControl: false,
      setHeaders: staticCacheHeaders,
    });
  app.setNotFoundHandler((request, reply) => {
    if (webRoot && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply
      .code(404)
      .send({ error: { code: 'NOT_FOUND', message: `接口不存在：${request.method} ${request.url.split('?')[0]}` } });
  });
  return app;
}
