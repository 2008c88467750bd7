import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentView } from '@pgs/domain';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { ensureDemoProjects } from './demo-projects.ts';
import { ensureDemoEnterprises } from './demo-enterprises.ts';
import { ensureDemoEvaluation } from './demo-evaluations.ts';
import { ensureDemoAssessments } from './demo-assessments.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await ensureDemoProjects(t.database.db, t.clock());
  await ensureDemoEnterprises(t.database.db, t.clock());
  await ensureDemoEvaluation(t.database.db, t.clock());
}, 300_000);
afterAll(() => t?.close());

describe('demo assessments (npm start in demo mode, R4.2–R4.3)', () => {
  it('two published years, one platform warned two years last and interviewed; once only', async () => {
    expect(await ensureDemoAssessments(t.database.db, t.clock())).toBe(2);
    expect(await ensureDemoAssessments(t.database.db, t.clock())).toBe(0);
    const leader = await t.login('leader');
    const get = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: leader } });
    const list = (await get('/assessments')).json();
    expect(list.items.map((a: { year: number; status: string }) => [a.year, a.status])).toEqual([
      [2025, 'published'],
      [2024, 'published'],
    ]);
    const y2025 = (await get(`/assessments/${list.items[0].id}`)).json<AssessmentView>();
    const warned = y2025.platforms.filter((p) => p.warnings.some((w) => w.kind === 'last_two_years'));
    expect(warned).toHaveLength(1);
    expect(warned[0]!.rank).toBe(3);
    const interviews = (await get('/assessment-interviews')).json();
    expect(interviews.items).toMatchObject([{ platformKey: warned[0]!.platformKey, year: 2025 }]);
    const milestones = (await get('/assessment-milestones?year=2026&quarter=4')).json();
    const states = new Set(
      milestones.items.flatMap((p: AssessmentView['platforms'][number] & { milestones: { state: string }[] }) =>
        p.milestones.map((m) => m.state),
      ),
    );
    expect([...states]).toEqual(expect.arrayContaining(['on_time', 'late', 'at_risk']));
  });
});
