import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASIS_CATEGORY, CATALOG_2018, PROJECT_STATUSES, type PlatformKey } from '@pgs/domain';
import { DEMO_PROJECTS } from './demo-projects-data.ts';
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
    const list = (query: string) =>
      t.app
        .inject({ method: 'GET', url: `/api/v1/projects?${query}`, headers: { cookie: bureau } })
        .then((r) => r.json());
    expect((await list('pageSize=1')).total).toBe(61);
    for (const status of PROJECT_STATUSES.filter((s) => s !== 'rejected'))
      expect((await list(`status=${status}&pageSize=1`)).total, status).toBeGreaterThan(0);
    expect((await list('overdue=true&pageSize=1')).total).toBeGreaterThan(0);
    const all = (await list('pageSize=500')).items as Array<{
      firstReport: boolean;
      reportedPlatformKey: string;
      platformKey: string;
      landedOn: string | null;
    }>;
    expect(all.filter((p) => !p.firstReport)).toHaveLength(1);
    expect(all.filter((p) => p.reportedPlatformKey !== p.platformKey)).toHaveLength(1);
    const summary = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/platforms/zhenan/investment-summary?year=2026',
        headers: { cookie: bureau },
      })
    ).json();
    expect(summary.totalCredit).toBeGreaterThan(0);
    expect(await ensureDemoProjects(t.database.db, t.clock())).toBe(0);
  }, 120_000);

  it('spreads registration days over the year, every stage day between the report and today, codes fitting the names', async () => {
    const bureau = await t.login('bureau');
    const all = (
      await t.app.inject({ method: 'GET', url: '/api/v1/projects?pageSize=500', headers: { cookie: bureau } })
    ).json().items as Array<{ id: number; reportedAt: string }>;
    expect(new Set(all.map((p) => p.reportedAt.slice(0, 10))).size).toBeGreaterThan(30);
    const today = '2026-11-28';
    for (const { id } of all.slice(0, 20)) {
      const detail = (
        await t.app.inject({ method: 'GET', url: `/api/v1/projects/${id}`, headers: { cookie: bureau } })
      ).json();
      const days = detail.history
        .filter((e: { kind: string }) => e.kind !== 'evaluation')
        .map((e: { effectiveDate: string }) => e.effectiveDate);
      expect([...days].sort(), `project ${id}`).toEqual(days);
      expect(days.every((d: string) => d <= today)).toBe(true);
    }
  });

  it.each(Object.keys(DEMO_PROJECTS) as PlatformKey[])(
    'every demo industry code of %s is encouraged in its 2018 catalog without keywords (D11)',
    (platformKey) => {
      for (const demo of DEMO_PROJECTS[platformKey]) {
        const item = CATALOG_2018[platformKey].find(
          (i) => i.industryCode === demo.industryCode && i.keywords.length === 0,
        );
        expect(item && BASIS_CATEGORY[item.basis], `${demo.name} ${demo.industryCode}`).toBe('encouraged');
      }
    },
  );
});
