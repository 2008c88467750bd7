import net from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { createTestDatabase } from '../test/test-database.ts';
import { manualClock, sessionCookie, TEST_ADMIN_PASSWORD } from '../test/test-app.ts';
import { prepareDatabase } from '../startup.ts';
import type { Database } from './db.ts';
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../test/test-app.ts';

/**
 * Issue #10.2: every request ends with an answer or a closed connection within a set time, on a real listening
 * server (the limits set small here: 600 ms for ordinary routes, 1.5 s for uploads), and a compressed request body
 * is refused at once with 415 instead of holding the connection.
 */
let database: Database;
let app: FastifyInstance;
let port: number;
let cookies: { eitc: string; drc: string };
let draftId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  const clock = manualClock();
  await prepareDatabase(database.db, { adminPassword: TEST_ADMIN_PASSWORD, demo: true }, clock());
  app = await buildApp({ database, clock, http: { requestTimeoutMs: 600, uploadTimeoutMs: 1500 } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  port = (app.server.address() as net.AddressInfo).port;
  const login = async (username: string) =>
    sessionCookie(
      await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } }),
    );
  cookies = { eitc: await login('eitc'), drc: await login('drc') };
  const draft = await app.inject({
    method: 'POST',
    url: '/api/v1/catalogs/zhenan/versions',
    headers: { cookie: cookies.drc },
    payload: { version: '超时测试草稿' },
  });
  draftId = draft.json().id;
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

type Exchange = { answer: string; closedAfterMs: number };

/**
 * Writes `head` and `body` on a raw socket, then stalls; resolves with what came back once the server closes. No
 * upper time bound is asserted (issue #11: no wall-clock assertion that load can break); a connection the server
 * never closes fails after `giveUpMs`. Lower bounds stay: a timer never fires early, however loaded the machine.
 */
function stalledRequest(head: string, body: Buffer | string, giveUpMs = 10_000): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    const guard = setTimeout(() => {
      socket.destroy();
      reject(new Error(`connection still open after ${giveUpMs} ms; received: ${answer.slice(0, 200)}`));
    }, giveUpMs);
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(guard);
      resolve({ answer, closedAfterMs: performance.now() - started });
    });
    socket.write(head);
    socket.write(body);
  });
}

const multipartHead = (path: string, cookie: string, length: number, extra = '') =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\nContent-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: ${length}\r\n${extra}\r\n`;

describe('issue #10.2: no request hangs', () => {
  it.each([
    ['the enterprise import', () => '/api/v1/enterprise-records/import?year=2025&dryRun=true', () => cookies.eitc],
    ['the catalog import', () => `/api/v1/catalog-versions/${draftId}/import`, () => cookies.drc],
  ])('a gzip upload to %s answers 415 at once and the connection closes', async (_name, path, cookie) => {
    const body = gzipSync(
      Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK\r\n--XyZ--\r\n'),
    );
    // Announce more than is sent: the old code waited for the rest for minutes.
    const { answer } = await stalledRequest(
      multipartHead(path(), cookie(), body.length + 1000, 'Content-Encoding: gzip\r\n'),
      body,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 415/);
    expect(answer).toContain('UNSUPPORTED_MEDIA_TYPE');
    expect(answer).toContain('不接受压缩过的请求内容');
    // "At once": well before the ordinary body deadline (600 ms) could have cut it.
    expect(answer).not.toContain('没有传完');
  });

  it.each(['deflate', 'br', 'x-unknown'])('Content-Encoding %s is refused the same way (inject)', async (encoding) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/projects',
      headers: { cookie: cookies.drc, 'content-type': 'application/json', 'content-encoding': encoding },
      payload: '{}',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.message).toContain(encoding);
  });

  it('Content-Encoding identity is an ordinary body', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/projects',
      headers: { cookie: cookies.drc, 'content-type': 'application/json', 'content-encoding': 'identity' },
      payload: '{}',
    });
    expect(response.statusCode).toBe(400);
  });

  it('a JSON body sent half-way and stalled is cut at the ordinary limit (600 ms) with 408', async () => {
    const head = `POST /api/v1/projects HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookies.drc}\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n`;
    const { answer, closedAfterMs } = await stalledRequest(head, '{"name":"半截');
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toContain('没有传完');
    expect(closedAfterMs).toBeGreaterThanOrEqual(550);
  });

  it('an upload sent half-way and stalled is cut at the upload limit (1.5 s), not the ordinary one', async () => {
    const part =
      '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\nPK';
    const { answer, closedAfterMs } = await stalledRequest(
      multipartHead('/api/v1/enterprise-records/import?year=2025&dryRun=true', cookies.eitc, 100_000),
      part,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeGreaterThanOrEqual(1_400);
  });

  it('headers that never end are cut too', async () => {
    // stalledRequest fails when the server keeps the connection open (10 s): closing it is the assertion.
    const { answer } = await stalledRequest(`GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: `, 'a');
    expect(answer).not.toMatch(/^HTTP\/1\.1 200/);
  });

  it('an ordinary request on the same server still answers', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
    expect(response.status).toBe(200);
  });
});
