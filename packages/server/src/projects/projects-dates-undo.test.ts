import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EVALUATION_SHEET } from '@pgs/domain';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { apiSender } from '../test/api-sender.ts';

/** #10.6 stage dates, issue #9 undo, #10.12 the evaluation's version, D10 circulation visibility. Clock: 2026-11-28. */
let t: TestApp;
const cookies: Record<string, string> = {};

/** Sessions end when idle: after the clock jumps a week, everyone signs in again. */
async function signIn() {
  for (const user of ['zn', 'gxq', 'ojk', 'bureau', 'auditor']) cookies[user] = await t.login(user);
}

beforeAll(async () => {
  t = await createTestApp();
  await signIn();
});
afterAll(() => t?.close());

const send = apiSender(() => t, cookies);
const fullMarks = Object.fromEntries(DEFAULT_EVALUATION_SHEET.items.map((item) => [item.code, item.maxScore]));
let serial = 0;

async function report(over: Record<string, unknown> = {}) {
  serial++;
  const created = await send('zn', 'POST', '/projects', {
    name: `日期测试项目${serial}`,
    platformKey: 'zhenan',
    investorName: `日期测试${serial}有限公司`,
    industryCode: '3491',
    totalInvestment: 60000,
    fixedAssetInvestment: 40000,
    landArea: 100,
    expectedAnnualTax: 5000,
    ...over,
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json<{ id: number; version: number; status: string }>();
}

async function move(
  user: string,
  project: { id: number; version: number },
  to: string,
  extra: Record<string, unknown> = {},
) {
  const moved = await send(user, 'POST', `/projects/${project.id}/transitions`, {
    to,
    version: project.version,
    ...extra,
  });
  expect(moved.statusCode, moved.body).toBe(200);
  return moved.json<{
    id: number;
    version: number;
    status: string;
    trackedOn: string | null;
    history: Array<{ kind: string; actorDisplayName: string }>;
  }>();
}

async function evaluated(project: { id: number; version: number }) {
  let p = await move('zn', project, 'feasible');
  p = await move('zn', p, 'plan_submitted');
  const evaluation = await send('zn', 'POST', `/projects/${p.id}/evaluation`, {
    scores: fullMarks,
    opinion: '同意',
    version: p.version,
  });
  expect(evaluation.statusCode, evaluation.body).toBe(201);
  return move('zn', { id: p.id, version: evaluation.json().projectVersion }, 'evaluated');
}

describe('R2.4/D4 stage dates are bounded (#10.6)', () => {
  it('refuses a date before the report, before the previous stage and in the future with a Chinese 422, writing nothing', async () => {
    const project = await report();
    const cases: Array<[string, string]> = [
      ['2019-06-30', '早于上一阶段的日期 2026-11-28'],
      ['2026-11-27', '早于上一阶段的日期 2026-11-28'],
      ['2026-11-29', '晚于今天'],
    ];
    for (const [effectiveDate, message] of cases) {
      const refused = await send('zn', 'POST', `/projects/${project.id}/transitions`, {
        to: 'feasible',
        version: project.version,
        effectiveDate,
      });
      expect(refused.statusCode, effectiveDate).toBe(422);
      expect(refused.json().error).toMatchObject({ code: 'BAD_STAGE_DATE', message: expect.stringContaining(message) });
    }
    const after = (await send('zn', 'GET', `/projects/${project.id}`)).json();
    expect(after).toMatchObject({ status: 'reported', version: 1 });
    expect(after.history).toHaveLength(1);
    expect((await move('zn', project, 'feasible', { effectiveDate: '2026-11-28' })).status).toBe('feasible');
  });

  it('a tracked date before the report day and a landing dated 2019 are refused; the yearly summary counts by the landing day', async () => {
    const today = t.clock();
    t.clock.set(new Date('2026-03-01T02:00:00Z'));
    let project = await evaluated(await report());
    t.clock.set(today);
    const early = await send('bureau', 'POST', `/projects/${project.id}/transitions`, {
      to: 'tracked',
      version: project.version,
      effectiveDate: '2026-02-28',
    });
    expect(early.statusCode).toBe(422);
    project = await move('bureau', project, 'tracked', { effectiveDate: '2026-03-10' });
    expect(project.trackedOn).toBe('2026-03-10');
    project = await move('zn', project, 'negotiating', { effectiveDate: '2026-04-01' });
    project = await move('zn', project, 'signed', { effectiveDate: '2026-05-01' });
    const landing2019 = await send('zn', 'POST', `/projects/${project.id}/transitions`, {
      to: 'landed',
      version: project.version,
      effectiveDate: '2019-06-30',
    });
    expect(landing2019.statusCode).toBe(422);
    expect(landing2019.json().error.message).toContain('早于上一阶段的日期 2026-05-01');
    const summary2019 = (await send('zn', 'GET', '/platforms/zhenan/investment-summary?year=2019')).json();
    expect(summary2019.projects).toEqual([]);
    await move('zn', project, 'landed', { effectiveDate: '2026-06-30' });
    const summary = (await send('zn', 'GET', '/platforms/zhenan/investment-summary?year=2026')).json();
    expect(summary.projects.map((p: { id: number }) => p.id)).toContain(project.id);
  });
});

describe('undo of a stage move (issue #9): same role, within the window, an audited reverse step', () => {
  it('the role that moved undoes it: back one stage, a new history entry, version raised, audited; a second undo is refused', async () => {
    const reported = await report();
    const moved = await move('zn', reported, 'feasible');
    const auditBefore = (await send('auditor', 'GET', '/audit?action=projects.transition_undo')).json().total as number;
    const undone = await send('zn', 'POST', `/projects/${moved.id}/transitions/undo`, { version: moved.version });
    expect(undone.statusCode, undone.body).toBe(200);
    const body = undone.json();
    expect(body).toMatchObject({ status: 'reported', version: moved.version + 1 });
    expect(body.history.map((e: { kind: string }) => e.kind)).toEqual(['reported', 'transition', 'undo']);
    expect(body.history[2]).toMatchObject({
      fromStatus: 'feasible',
      toStatus: 'reported',
      reason: '撤销“可行性确认”，退回“首报登记”',
      actorDisplayName: expect.not.stringMatching(/^zn$/),
    });
    expect((await send('auditor', 'GET', '/audit?action=projects.transition_undo')).json().total).toBe(auditBefore + 1);
    const again = await send('zn', 'POST', `/projects/${moved.id}/transitions/undo`, { version: body.version });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.message).toContain('没有可撤销的变更');
  });

  it('another role gets 403, a stale version 409, and after the window 422; nothing changes', async () => {
    const project = await evaluated(await report());
    const tracked = await move('bureau', project, 'tracked');
    expect(
      (await send('zn', 'POST', `/projects/${tracked.id}/transitions/undo`, { version: tracked.version })).statusCode,
    ).toBe(403);
    const stale = await send('bureau', 'POST', `/projects/${tracked.id}/transitions/undo`, {
      version: tracked.version - 1,
    });
    expect(stale.statusCode).toBe(409);
    const today = t.clock();
    t.clock.set(new Date(today.getTime() + 7 * 24 * 3600_000 + 60_000));
    await signIn();
    try {
      const late = await send('bureau', 'POST', `/projects/${tracked.id}/transitions/undo`, {
        version: tracked.version,
      });
      expect(late.statusCode).toBe(422);
      expect(late.json().error.message).toContain('超过 7 天');
    } finally {
      t.clock.set(today);
      await signIn();
    }
    expect((await send('bureau', 'GET', `/projects/${tracked.id}`)).json()).toMatchObject({
      status: 'tracked',
      version: tracked.version,
      trackedOn: '2026-11-28',
    });
    const undone = await send('bureau', 'POST', `/projects/${tracked.id}/transitions/undo`, {
      version: tracked.version,
    });
    expect(undone.json()).toMatchObject({ status: 'evaluated', trackedOn: null });
  });

  it('the window is a project setting the bureau edits (0 days: no undo after the moment)', async () => {
    const current = (await send('bureau', 'GET', '/project-settings')).json();
    expect(current.undoWindowDays).toBe(7);
    const saved = await send('bureau', 'PUT', '/project-settings', {
      negotiationWindowDays: current.negotiationWindowDays,
      undoWindowDays: 0,
      evaluationSheet: current.evaluationSheet,
      version: current.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().undoWindowDays).toBe(0);
    const moved = await move('zn', await report(), 'feasible');
    t.clock.advanceMinutes(1);
    const late = await send('zn', 'POST', `/projects/${moved.id}/transitions/undo`, { version: moved.version });
    expect(late.statusCode).toBe(422);
    const back = await send('bureau', 'PUT', '/project-settings', {
      negotiationWindowDays: current.negotiationWindowDays,
      undoWindowDays: 7,
      evaluationSheet: current.evaluationSheet,
      version: saved.json().version,
    });
    expect(back.statusCode).toBe(200);
  });
});

describe('#10.12 the access evaluation takes the version the reviewer saw', () => {
  it('20 simultaneous evaluations of one project: one stored, 19 get 409', async () => {
    let project = await move('zn', await report(), 'feasible');
    project = await move('zn', project, 'plan_submitted');
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        send('zn', 'POST', `/projects/${project.id}/evaluation`, {
          scores: fullMarks,
          opinion: `意见 ${i}`,
          version: project.version,
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, ...Array(19).fill(409)]);
    expect((await send('zn', 'GET', `/projects/${project.id}/evaluations`)).json()).toHaveLength(1);
    expect((await send('zn', 'GET', `/projects/${project.id}`)).json().version).toBe(project.version + 1);
  });
});

describe('D10 after circulation the first-negotiation platform still reads the project', () => {
  it('reads it (page and ledger) with both shares but cannot act; the host acts; a third platform gets 404', async () => {
    const project = await evaluated(await report());
    const tracked = await move('bureau', project, 'tracked');
    const circulated = await send('bureau', 'POST', `/projects/${tracked.id}/circulations`, {
      toPlatformKey: 'hitech',
      firstPlaceShare: 0.3,
      reason: '用地不足',
      version: tracked.version,
    });
    expect(circulated.statusCode, circulated.body).toBe(201);
    const seen = await send('zn', 'GET', `/projects/${tracked.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({
      platformKey: 'hitech',
      reportedPlatformKey: 'zhenan',
      circulation: { fromPlatformKey: 'zhenan', toPlatformKey: 'hitech', firstPlaceShare: 0.3, hostShare: 0.7 },
    });
    const ledger = (await send('zn', 'GET', '/projects?pageSize=500')).json().items as Array<{
      id: number;
      circulation: unknown;
    }>;
    expect(ledger.find((p) => p.id === tracked.id)?.circulation).toMatchObject({ firstPlaceShare: 0.3 });
    const version = seen.json().version;
    expect(
      (await send('zn', 'POST', `/projects/${tracked.id}/transitions`, { to: 'negotiating', version })).statusCode,
    ).toBe(403);
    expect(
      (await send('zn', 'POST', `/projects/${tracked.id}/evaluation`, { scores: fullMarks, opinion: '同意', version }))
        .statusCode,
    ).toBe(403);
    expect((await send('ojk', 'GET', `/projects/${tracked.id}`)).statusCode).toBe(404);
    expect(
      (await send('gxq', 'POST', `/projects/${tracked.id}/transitions`, { to: 'negotiating', version })).statusCode,
    ).toBe(200);
  });
});
