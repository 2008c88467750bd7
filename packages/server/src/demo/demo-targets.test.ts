import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { ensureDemoProjects } from './demo-projects.ts';
import { ensureDemoTargets } from './demo-targets.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('demo target libraries (npm start in demo mode, issue #13)', () => {
  it('two years of quarters for the three platforms, about 150 enterprises, some linked to demo projects; once', async () => {
    await ensureDemoProjects(t.database.db, t.clock());
    const made = await ensureDemoTargets(t.database.db, t.clock());
    expect(made).toBe(3 * (22 + 7 * 4));
    expect(await ensureDemoTargets(t.database.db, t.clock())).toBe(0);
    const bureau = await t.login('bureau');
    const get = (url: string) =>
      t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: bureau } }).then((r) => r.json());
    const quarters = await get('/targets/quarters?platformKey=zhenan');
    expect(quarters).toHaveLength(8);
    expect(quarters.filter((q: { closed: boolean }) => q.closed)).toHaveLength(7);
    const funnel = await get('/targets/funnel?groupBy=platform');
    expect(funnel.total.targets).toBe(150);
    expect(funnel.total.reported).toBeGreaterThan(5);
    expect(funnel.total.landed).toBeGreaterThan(0);
    const diff = await get(`/targets/diff?platformKey=zhenan&quarter=${quarters[0].quarter}`);
    expect(diff.added).toHaveLength(4);
    expect((await get('/target-channels')).items).toHaveLength(12);
  }, 300_000);
});
