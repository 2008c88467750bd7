import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { createTestApp, manualClock, TEST_ADMIN_PASSWORD, type TestApp } from '../test/test-app.ts';
import { createTestDatabase } from '../test/test-database.ts';
import { DEMO_PASSWORD } from '../test/test-app.ts';
import { countAllRows } from '../test/table-counts.ts';
import { prepareDatabase } from '../startup.ts';
import type { Database } from './db.ts';

/**
 * Issue #10.9 (security headers, no-store, API docs behind sign-in, cross-origin writes, text/plain, trusted proxy
 * and the cookie's Secure flag) and issue #9 (hashed assets immutable, index.html no-cache).
 */
let t: TestApp;
let drc: string;
let webRoot: string;
let proxied: { app: FastifyInstance; database: Database };

beforeAll(async () => {
  t = await createTestApp();
  drc = await t.login('drc');
  webRoot = mkdtempSync(path.join(os.tmpdir(), 'pgs-web-'));
  mkdirSync(path.join(webRoot, 'assets'));
  writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(path.join(webRoot, 'assets', 'index-3f9a1c.js'), 'console.log(1)');
  const database = await createTestDatabase();
  await prepareDatabase(database.db, { adminPassword: TEST_ADMIN_PASSWORD, demo: true }, manualClock()());
  proxied = {
    app: await buildApp({
      database,
      clock: manualClock(),
      webRoot,
      http: { trustProxy: ['127.0.0.1'], publicApiDocs: true },
    }),
    database,
  };
});
afterAll(async () => {
  await t?.close();
  await proxied?.app.close();
  await proxied?.database.close();
  rmSync(webRoot, { recursive: true, force: true });
});

const login = (app: FastifyInstance, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers,
    payload: { username: 'drc', password: DEMO_PASSWORD },
  });

describe('issue #10.9: security headers on every answer', () => {
  it.each(['/api/v1/health', '/api/v1/catalogs', '/', '/assets/index-3f9a1c.js', '/api/v1/nowhere'])(
    '%s',
    async (url) => {
      const response = await proxied.app.inject({ url, headers: { cookie: drc } });
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("'unsafe-eval'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('same-origin');
      expect(response.headers['strict-transport-security']).toContain('max-age=31536000');
    },
  );
});

describe('issue #10.9: API answers are never cached', () => {
  it.each([
    ['JSON', '/api/v1/catalogs'],
    ['an export', '/api/v1/catalogs/import-template.xlsx'],
    ['an error', '/api/v1/projects/abc'],
  ])('%s: Cache-Control no-store', async (_what, url) => {
    const response = await t.app.inject({ url, headers: { cookie: drc } });
    expect(response.headers['cache-control']).toBe('no-store');
  });
});

describe('issue #9: built assets are immutable for a year, index.html is revalidated', () => {
  it('hashed assets', async () => {
    const response = await proxied.app.inject({ url: '/assets/index-3f9a1c.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });
  it.each(['/', '/index.html', '/projects/12'])('%s → index.html with no-cache', async (url) => {
    const response = await proxied.app.inject({ url });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('id="root"');
    expect(response.headers['cache-control']).toBe('no-cache');
  });
});

describe('issue #15: the built files are served by one wildcard route; what is not there falls through as before', () => {
  it.each(['/assets/missing-0000.js', '/.hidden', '/projects/12/edit'])('GET %s → index.html', async (url) => {
    const response = await proxied.app.inject({ url });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('id="root"');
  });
  it.each([
    ['GET', '/api/v1/nowhere'],
    ['GET', '/api/v1/auth/login'],
    ['POST', '/assets/index-3f9a1c.js'],
  ] as const)('%s %s → the API not-found answer', async (method, url) => {
    const response = await proxied.app.inject({ method, url, headers: { cookie: drc } });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: `接口不存在：${method} ${url}` } });
  });
  it('a path leaving the web root is refused', async () => {
    const response = await proxied.app.inject({ url: '/assets/..%2F..%2Fpackage.json' });
    expect(response.body).not.toContain('"name"');
  });
});

describe('issue #10.9: the API documentation needs a signed-in user unless PGS_PUBLIC_API_DOCS=1', () => {
  it.each(['/api/docs', '/api/docs/json', '/api/docs/yaml'])(
    '%s → 401 without a session, 200 with one',
    async (url) => {
      expect((await t.app.inject({ url })).statusCode).toBe(401);
      expect((await t.app.inject({ url, headers: { cookie: 'pgs_session=forged' } })).statusCode).toBe(401);
      expect((await t.app.inject({ url, headers: { cookie: drc } })).statusCode).toBe(200);
    },
  );
  it('opened by the setting', async () => {
    expect((await proxied.app.inject({ url: '/api/docs/json' })).statusCode).toBe(200);
  });
});

describe('issue #10.9: state-changing requests from another site are refused', () => {
  const draft = { version: '跨站草稿' };
  it.each([
    ['another origin', { origin: 'http://evil.example' }],
    ['the same host on another port', { origin: 'http://localhost:81' }],
    ['https for an http server', { origin: 'https://localhost:80' }],
    ['origin null (sandboxed frame)', { origin: 'null' }],
    ['no Origin but Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['no Origin but Sec-Fetch-Site same-site', { 'sec-fetch-site': 'same-site' }],
  ])('%s → 403, nothing written', async (_what, headers) => {
    const before = await countAllRows(t.database.db);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalogs/zhenan/versions',
      headers: { cookie: drc, ...headers },
      payload: draft,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toContain('其他网站');
    expect(await countAllRows(t.database.db)).toEqual(before);
  });

  it('a cross-site multipart publish is refused too', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalog-versions/1/publish',
      headers: { cookie: drc, origin: 'http://evil.example', 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="effectiveDate"\r\n\r\n2027-01-01\r\n--x--\r\n',
    });
    expect(response.statusCode).toBe(403);
  });

  it('the same origin, and a request without Origin (a script), pass', async () => {
    const same = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalogs/zhenan/versions',
      headers: { cookie: drc, origin: 'http://localhost:80', host: 'localhost:80', 'sec-fetch-site': 'same-origin' },
      payload: { version: '同源草稿' },
    });
    expect(same.statusCode, same.body).toBe(201);
    const script = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalogs/zhenan/versions',
      headers: { cookie: drc },
      payload: { version: '脚本草稿' },
    });
    expect(script.statusCode).toBe(201);
  });

  it('reads from another origin are not refused (GET changes nothing)', async () => {
    expect(
      (await t.app.inject({ url: '/api/v1/catalogs', headers: { cookie: drc, origin: 'http://evil.example' } }))
        .statusCode,
    ).toBe(200);
  });

  it('behind a trusted proxy the public origin is the forwarded one', async () => {
    const headers = {
      origin: 'https://pgs.example.gov.cn',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'pgs.example.gov.cn',
    };
    expect((await login(proxied.app, headers)).statusCode).toBe(200);
    expect((await login(t.app, headers)).statusCode).toBe(403);
  });
});

describe('issue #10.9: text/plain bodies are refused', () => {
  it('415 before the body is parsed', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: '{"username":"drc","password":"x"}',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.message).toContain('text/plain');
  });
});

describe('issue #10.9: the session cookie is Secure when the request came over HTTPS', () => {
  const secure = (response: { cookies: Array<{ name: string; secure?: boolean }> }) =>
    response.cookies.find((c) => c.name === 'pgs_session')?.secure === true;
  it('X-Forwarded-Proto https through a trusted proxy → Secure', async () => {
    expect(secure(await login(proxied.app, { 'x-forwarded-proto': 'https' }))).toBe(true);
    expect(secure(await login(proxied.app))).toBe(false);
  });
  it('the same header from an untrusted client is ignored', async () => {
    expect(secure(await login(t.app, { 'x-forwarded-proto': 'https' }))).toBe(false);
  });
  it('PGS_SECURE_COOKIE=1 makes it Secure always', async () => {
    const database = await createTestDatabase();
    await prepareDatabase(database.db, { adminPassword: TEST_ADMIN_PASSWORD, demo: true }, manualClock()());
    const app = await buildApp({ database, clock: manualClock(), secureCookie: true });
    try {
      expect(secure(await login(app))).toBe(true);
    } finally {
      await app.close();
      await database.close();
    }
  });
});
