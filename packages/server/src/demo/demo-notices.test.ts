import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { ensureDemoEnterprises } from './demo-enterprises.ts';
import { ensureDemoEvaluation } from './demo-evaluations.ts';
import { ensureDemoKeyTasks } from './demo-key-tasks.ts';
import { ensureDemoNotice } from './demo-notices.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await ensureDemoEnterprises(t.database.db, t.clock());
  await ensureDemoEvaluation(t.database.db, t.clock());
});
afterAll(() => t?.close());

describe('demo key tasks and public notice (npm start in demo mode, R4.4, R3.2)', () => {
  it('R4.4 a key-task list for the current year with progress, once', async () => {
    expect(await ensureDemoKeyTasks(t.database.db, t.clock())).toBe(5);
    expect(await ensureDemoKeyTasks(t.database.db, t.clock())).toBe(0);
    const leader = await t.login('leader');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/key-tasks?year=2026', headers: { cookie: leader } });
    const statuses = list.json().items.map((task: { status: string }) => task.status);
    // As of 2026-11-28: the 06-30 task with 高新区 at 85 % is overdue, the catalog revision done, the others running.
    expect(statuses).toEqual(expect.arrayContaining(['overdue', 'done', 'in_progress', 'not_started']));
  });

  it('R3.2 one public notice of the demo mu-evaluation with one objection answered, once', async () => {
    const id = await ensureDemoNotice(t.database.db, t.clock());
    expect(id).not.toBeNull();
    expect(await ensureDemoNotice(t.database.db, t.clock())).toBeNull();
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/public/notices' });
    // By the national holiday calendar: Saturday 11-28 is a rest day; Monday 11-30 to Friday 12-04 are the five.
    expect(list.json().items).toMatchObject([
      { id, title: '2024年度亩均效益综合评价结果公示', status: 'open', startDay: '2026-11-28', endDay: '2026-12-04' },
    ]);
    const eitc = await t.login('eitc');
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/notices/${id}`, headers: { cookie: eitc } });
    expect(detail.json()).toMatchObject({ objections: 1, unanswered: 0 });
  });
});
