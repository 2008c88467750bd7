import { TEST_ADMIN_PASSWORD } from '../test/test-constants.ts';
import http from 'node:http';
import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import type { Database } from '../platform/db.ts';
import { prepareDatabase } from '../startup.ts';
import { routeDeadlines } from '../platform/request-deadlines.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../demo/demo-users.ts';
import { countAllRows } from '../test/table-counts.ts';
import { buildRequest, MUTATIONS, operationsOf, type OpenApi } from './fuzz-operations.ts';
import { seededRandom } from './fuzz-values.ts';
import { login, send } from './fuzz-http.ts';
import { judgeErrorBody, diffCounts, stalledBody } from './fuzz-judge.ts';

/**
 * The fuzz suite (issue #10, "How we will know"): reads the OpenAPI document of a server listening on 127.0.0.1 and
 * sends malformed variants of every operation as every role, one request at a time. A run fails on any 5xx, any
 * answer slower than its route's limit, any refused request that wrote a row (every table counted before and after),
 * and any error answer that is not the `{error:{code,message}}` body or shows a stack trace, SQL or a file path.
 */
/** The same as the test databases' admin, so the fuzz runs on a copy of the run's template as on a fresh database. */
export const FUZZ_ADMIN_PASSWORD = TEST_ADMIN_PASSWORD;
/** Small limits keep stalled bodies quick to test; the judge allows this much beyond a route's limit. */
export const FUZZ_DEADLINES = { requestTimeoutMs: 3_000, uploadTimeoutMs: 10_000 };
const GRACE_MS = 1_500;
/** A refused login is audited by design (issue #10.4): the only rows a refusal may add. */
const REFUSAL_MAY_WRITE: Record<string, readonly string[]> = {
  'POST /api/v1/auth/login': ['audit_events', 'login_failures'],
};

export type Failure = {
  reason: string;
  mutation: string;
  role: string;
  method: string;
  url: string;
  status: number;
  ms: number;
  body: string;
};
export type FuzzFigures = {
  seed: number;
  driver: string;
  requests: number;
  operations: number;
  byStatus: Record<string, number>;
  byMutation: Record<string, number>;
  slowest: Array<{ ms: number; method: string; url: string; status: number }>;
  slowBodies: { sent: number; cutWithinLimit: number };
  failures: Failure[];
  elapsedMs: number;
};

export type FuzzTarget = { app: FastifyInstance; database: Database; port: number; close(): Promise<void> };

/** PGS on its own database, prepared as `npm start` prepares it (demo data included), listening on 127.0.0.1 only. */
export async function startFuzzTarget(database: Database, options: { demoProjects: boolean }): Promise<FuzzTarget> {
  await prepareDatabase(
    database.db,
    { adminPassword: FUZZ_ADMIN_PASSWORD, demo: true, demoProjects: options.demoProjects },
    new Date(),
  );
  const app = await buildApp({ database, http: FUZZ_DEADLINES });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as net.AddressInfo;
  return { app, database, port, close: async () => app.close() };
}

export async function runFuzz(
  target: FuzzTarget,
  options: { seed: number; requests: number; slowBodies: number; log?: (line: string) => void },
): Promise<FuzzFigures> {
  const started = performance.now();
  const random = seededRandom(options.seed);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const { port, app, database } = target;
  const sessions: Record<string, string | undefined> = { anonymous: undefined };
  for (const user of DEMO_USERS) sessions[user.username] = await login(port, agent, user.username, DEMO_PASSWORD);
  sessions.admin = await login(port, agent, 'admin', FUZZ_ADMIN_PASSWORD);
  const document = JSON.parse(
    (
      await send(
        port,
        agent,
        { mutation: 'baseline', method: 'GET', url: '/api/docs/json', headers: {} },
        sessions.admin,
      )
    ).body,
  ) as OpenApi;
  const operations = operationsOf(document).filter((op) => op.path.startsWith('/api/v1/'));
  const limits = routeDeadlines(app);
  // Users routes act on a spare account, so a request that happens to succeed cannot lock the fuzz's own roles out.
  const spare = await send(
    port,
    agent,
    {
      mutation: 'baseline',
      method: 'POST',
      url: '/api/v1/users',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'fuzz-spare',
        password: 'Fuzz-Spare-Pass-2026!',
        displayName: '模糊测试备用',
        role: 'leader',
      }),
    },
    sessions.admin,
  );
  const spareId = spare.status === 201 ? String((JSON.parse(spare.body) as { id: number }).id) : '999';

  const figures: FuzzFigures = {
    seed: options.seed,
    driver: target.database.driver,
    requests: 0,
    operations: operations.length,
    byStatus: {},
    byMutation: {},
    slowest: [],
    slowBodies: { sent: 0, cutWithinLimit: 0 },
    failures: [],
    elapsedMs: 0,
  };
  const roles = Object.keys(sessions);
  let counts = await countAllRows(database.db);
  for (let i = 0; i < options.requests; i++) {
    const operation =
      operations[i % operations.length === 0 && i < operations.length ? i : random.int(operations.length)]!;
    const mutation = random.pick(MUTATIONS);
    let role = random.pick(roles);
    // Logging out would end a role's session for the rest of the run: only the anonymous client tries it.
    if (operation.path === '/api/v1/auth/logout') role = 'anonymous';
    const request = buildRequest(operation, mutation, random);
    if (operation.path.startsWith('/api/v1/users/{id}') && mutation !== 'oddId')
      request.url = request.url.replace(/^\/api\/v1\/users\/[^/?]+/, `/api/v1/users/${spareId}`);
    let answer = await send(port, agent, request, sessions[role]);
    // A keep-alive socket the server closed after its previous answer (Connection: close) is retried once, fresh.
    if (answer.status === 0 && /socket hang up|ECONNRESET/.test(answer.body))
      answer = await send(port, agent, request, sessions[role]);
    figures.requests += 1;
    figures.byStatus[answer.status] = (figures.byStatus[answer.status] ?? 0) + 1;
    figures.byMutation[mutation] = (figures.byMutation[mutation] ?? 0) + 1;
    figures.slowest.push({
      ms: Math.round(answer.ms),
      method: request.method,
      url: request.url.slice(0, 120),
      status: answer.status,
    });
    if (figures.slowest.length > 20) figures.slowest = figures.slowest.sort((a, b) => b.ms - a.ms).slice(0, 5);

    const key = `${operation.method} ${operation.route}`;
    const limit = limits.get(key) ?? FUZZ_DEADLINES.requestTimeoutMs;
    const fail = (reason: string) =>
      figures.failures.push({
        reason,
        mutation,
        role,
        method: request.method,
        url: request.url.slice(0, 200),
        status: answer.status,
        ms: Math.round(answer.ms),
        body: answer.body.slice(0, 300),
      });
    if (answer.status === 0) fail(`no answer: ${answer.body}`);
    if (answer.status >= 500) fail('5xx');
    if (answer.ms > limit + GRACE_MS) fail(`slower than the route's limit (${limit} ms)`);
    const bodyProblem = judgeErrorBody(answer, request.url);
    if (bodyProblem) fail(bodyProblem);
    const after = await countAllRows(database.db);
    if (answer.status >= 400) {
      const written = diffCounts(counts, after, REFUSAL_MAY_WRITE[key] ?? []);
      if (written.length > 0) fail(`refused request wrote rows: ${written.join(', ')}`);
    }
    counts = after;
    if (options.log && (i + 1) % 1000 === 0)
      options.log(
        `  ${i + 1} requests, ${figures.failures.length} failures, ${Math.round((performance.now() - started) / 1000)} s`,
      );
  }

  const withBodies = operations.filter(
    (op) => ['POST', 'PUT', 'PATCH'].includes(op.method) && op.path !== '/api/v1/auth/logout',
  );
  for (let i = 0; i < options.slowBodies; i++) {
    const operation = random.pick(withBodies);
    const role = random.pick(roles);
    const limit = limits.get(`${operation.method} ${operation.route}`) ?? FUZZ_DEADLINES.requestTimeoutMs;
    const result = await stalledBody(port, operation, sessions[role], random);
    figures.slowBodies.sent += 1;
    figures.requests += 1;
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(result.detail)?.[1] ?? 0);
    figures.byStatus[status] = (figures.byStatus[status] ?? 0) + 1;
    figures.byMutation.slowBody = (figures.byMutation.slowBody ?? 0) + 1;
    if (result.ok && result.ms <= limit + GRACE_MS) figures.slowBodies.cutWithinLimit += 1;
    else
      figures.failures.push({
        reason: `stalled body not cut within ${limit} ms`,
        mutation: 'slowBody',
        role,
        method: operation.method,
        url: operation.path,
        status,
        ms: Math.round(result.ms),
        body: result.detail,
      });
    const after = await countAllRows(database.db);
    const written = diffCounts(counts, after, []);
    if (written.length > 0)
      figures.failures.push({
        reason: `stalled request wrote rows: ${written.join(', ')}`,
        mutation: 'slowBody',
        role,
        method: operation.method,
        url: operation.path,
        status,
        ms: Math.round(result.ms),
        body: '',
      });
    counts = after;
  }
  agent.destroy();
  figures.slowest = figures.slowest.sort((a, b) => b.ms - a.ms).slice(0, 5);
  figures.elapsedMs = Math.round(performance.now() - started);
  return figures;
}

/** The figures as the note and the console show them. */
export function formatFigures(figures: FuzzFigures): string {
  const lines = [
    `fuzz seed ${figures.seed} on ${figures.driver}: ${figures.requests} requests over ${figures.operations} operations in ${(figures.elapsedMs / 1000).toFixed(1)} s`,
    `  by status: ${Object.entries(figures.byStatus)
      .sort()
      .map(([status, n]) => `${status}×${n}`)
      .join('  ')}`,
    `  by case:   ${Object.entries(figures.byMutation)
      .sort()
      .map(([name, n]) => `${name}×${n}`)
      .join('  ')}`,
    `  stalled bodies cut within their limit: ${figures.slowBodies.cutWithinLimit} / ${figures.slowBodies.sent}`,
    `  slowest: ${figures.slowest.map((s) => `${s.ms} ms ${s.method} ${s.url} → ${s.status}`).join(' | ')}`,
    `  failures: ${figures.failures.length}`,
    ...figures.failures
      .slice(0, 30)
      .map(
        (f) =>
          `    ${f.reason} — ${f.role} ${f.method} ${f.url} [${f.mutation}] → ${f.status} in ${f.ms} ms: ${f.body}`,
      ),
  ];
  return lines.join('\n');
}
