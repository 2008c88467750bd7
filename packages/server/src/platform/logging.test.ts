import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildApp } from '../app.ts';
import type { Database } from './db.ts';
import { createLogger } from './log.ts';
import { createTestDatabase } from '../test/test-database.ts';
import { DEMO_PASSWORD, manualClock, sessionCookie } from '../test/test-app.ts';
import type { FastifyInstance } from 'fastify';

/** Errors are logged (issue #11): every 5xx and every failed long job leaves a JSON line with the request and the user. */
type Line = {
  level: number;
  msg: string;
  reqId?: string;
  user?: string;
  job?: string;
  err?: { message?: string };
  progress?: { phase?: string; message?: string };
};

const lines: Line[] = [];
const stream = { write: (line: string) => void lines.push(JSON.parse(line) as Line) };
let database: Database;
let app: FastifyInstance;
let quietApp: FastifyInstance | undefined;
let eitc: string;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp({ database, clock: manualClock(), log: createLogger({ logRequests: false, stream }) });
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'eitc', password: DEMO_PASSWORD },
  });
  eitc = sessionCookie(login);
});

afterAll(async () => {
  await app.close();
  await quietApp?.close();
  await database.close();
});

const WARN = 40;
const ERROR = 50;

describe('the server log (pino JSON)', () => {
  it('logs nothing for a request that goes well, unless PGS_LOG=1', async () => {
    lines.length = 0;
    expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
    expect(lines).toEqual([]);
    const requestLines: Line[] = [];
    quietApp = await buildApp({
      database,
      clock: manualClock(),
      log: createLogger({
        logRequests: true,
        stream: { write: (line: string) => void requestLines.push(JSON.parse(line) as Line) },
      }),
    });
    await quietApp.inject({ method: 'GET', url: '/api/v1/health' });
    expect(requestLines.map((line) => line.msg)).toEqual(['incoming request', 'request completed']);
  });

  it('logs a failed evaluation run as a warning, with its reason, the request id and the user', async () => {
    lines.length = 0;
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/evaluations',
      headers: { cookie: eitc },
      payload: { year: 2031 },
    });
    expect(response.statusCode).toBe(422);
    const failed = lines.find((line) => line.job === 'evaluation');
    expect(failed).toMatchObject({
      level: WARN,
      msg: 'evaluation failed',
      user: 'eitc',
      progress: { phase: 'failed' },
    });
    expect(failed?.progress?.message).toBeTruthy();
    expect(failed?.reqId).toBeTruthy();
  });

  it('logs every 5xx as an error with the request id, the user and the cause, and answers without internals', async () => {
    lines.length = 0;
    // A fault the server cannot turn into a 4xx: the table the list reads is gone.
    await database.db.execute(
      sql.raw('DROP TABLE evaluation_rectification, evaluation_results, evaluation_runs CASCADE'),
    );
    const response = await app.inject({ method: 'GET', url: '/api/v1/evaluations', headers: { cookie: eitc } });
    expect(response.statusCode).toBe(500);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('INTERNAL');
    expect(response.body).not.toContain('evaluation_runs');
    const [logged, ...more] = lines.filter((line) => line.level >= ERROR);
    expect(more).toEqual([]);
    expect(logged).toMatchObject({ msg: 'unexpected error', user: 'eitc' });
    expect(logged?.reqId).toBeTruthy();
    expect(logged?.err?.message).toContain('evaluation_runs');
  });
});
