import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { ensureDemoLand } from './demo-land.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('demo parcels (issue #12)', () => {
  it('about 80 parcels on the three platforms, every state, some idle, one extended, one recovered, some public; once', async () => {
    const made = await ensureDemoLand(t.database.db, t.clock());
    expect(made).toBeGreaterThanOrEqual(78);
    const cookie = await t.login('eitc');
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/v1/parcels?pageSize=500', headers: { cookie } })
    ).json<{ items: Array<{ state: string; platformKey: string; isPublic: boolean; clock: { status: string } }> }>();
    expect(new Set(list.items.map((p) => p.state))).toEqual(
      new Set(['approved', 'supplied', 'started', 'completed', 'vacated', 'reused', 'recovered']),
    );
    expect(new Set(list.items.map((p) => p.platformKey)).size).toBe(3);
    expect(list.items.filter((p) => p.clock.status === 'idle').length).toBeGreaterThanOrEqual(3);
    expect(list.items.filter((p) => p.clock.status === 'recovery').length).toBeGreaterThanOrEqual(1);
    expect(list.items.filter((p) => p.isPublic).length).toBeGreaterThanOrEqual(6);
    const publicPage = await t.app.inject({ method: 'GET', url: '/api/v1/public/parcels' });
    expect(publicPage.json().total).toBe(list.items.filter((p) => p.isPublic).length);
    expect(await ensureDemoLand(t.database.db, t.clock())).toBe(0);
  });
});
