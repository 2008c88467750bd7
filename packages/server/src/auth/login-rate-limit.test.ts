import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUTH_SETTINGS } from '../platform/auth-settings.ts';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../test/test-app.ts';

/** #10.8: sign-ins are limited per client address and per login name (settings; small here to test them). */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ auth: { loginRateLimit: { perAddress: 8, perName: 3, windowSeconds: 60 } } });
});
afterAll(() => t.close());

const login = (username: string, remoteAddress: string, password = 'Wrong-Pass-2026') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress });

describe('#10.8 login rate limits', () => {
  it('the defaults', () => {
    expect(DEFAULT_AUTH_SETTINGS.loginRateLimit).toEqual({ perAddress: 100, perName: 10, windowSeconds: 60 });
  });

  it('per name: the 4th attempt on one name within the window is 429 in Chinese, from any address', async () => {
    const statuses = [];
    for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4'])
      statuses.push((await login('leader', address)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await login('Leader', '10.0.0.5', DEMO_PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(limited.json().error.message).toMatch(/^登录尝试过于频繁，请 \d+ 秒后再试$/);
  });

  it('per address: the 9th attempt from one address is 429, whatever the names; another address still signs in', async () => {
    const statuses = [];
    for (let i = 0; i < 9; i += 1) statuses.push((await login(`name${i}`, '10.0.1.1')).statusCode);
    expect(statuses.slice(0, 8).every((s) => s === 401)).toBe(true);
    expect(statuses[8]).toBe(429);
    expect((await login('drc', '10.0.1.2', DEMO_PASSWORD)).statusCode).toBe(200);
  });
});
