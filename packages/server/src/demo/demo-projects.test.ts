import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_STATUSES } from '@pgs/domain';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { ensureDemoProjects } from './demo-projects.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('demo ledger (npm start in demo mode)', () => {
  it('makes about 60 projects through the services: every stage, a duplicate, overdue ones and a circulation; once', async () => {
    const made = await ensureDemoProjects(t.database.db, t.clock());
    expect(made).toBe(61);
    const bureau = await t.login('bureau');
    const list = (query: string) => t.app.inject({ method: 'GET', url: `/api/v1/projects?${query}`, headers: { cookie: bureau } }).then((r) => r.json());
    expect((await list('pageSize=1')).total).toBe(61);
    for (const status of PROJECT_STATUSES.filter((s) => s !== 'rejected')) expect((await list(`status=${status}&pageSize=1`)).total, status).toBeGreaterThan(0);
    expect((await list('overdue=true&pageSize=1')).total).toBeGreaterThan(0);
    const all = (await list('pageSize=500')).items as Array<{ firstReport: boolean; reportedPlatformKey: string; platformKey: string; landedOn: string | null }>;
    expect(all.filter((p) => !p.firstReport)).toHaveLength(1);
    expect(all.filter((p) => p.reportedPlatformKey !== p.platformKey)).toHaveLength(1);
    const summary = (await t.app.inject({ method: 'GET', url: '/api/v1/platforms/zhenan/investment-summary?year=2026', headers: { cookie: bureau } })).json();
    expect(summary.totalCredit).toBeGreaterThan(0);
    expect(await ensureDemoProjects(t.database.db, t.clock())).toBe(0);
  });
});
