import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EVALUATION_SHEET } from '@pgs/domain';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { apiSender } from '../test/api-sender.ts';

/** A project's whole road: evaluation (R2.1–R2.2), confirmation (R2.4), circulation (R2.5) and counting (R2.6). */
let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ['zn', 'gxq', 'bureau']) cookies[user] = await t.login(user);
});
afterAll(() => t?.close());

const send = apiSender(() => t, cookies);

const fullMarks = Object.fromEntries(DEFAULT_EVALUATION_SHEET.items.map((item) => [item.code, item.maxScore]));
let serial = 0;

/** Reported on 2026-01-02 (the clock set back, then restored), so the stage days of the tests lie after the report (#10.6). */
async function projectAt(status: 'plan_submitted', over: Record<string, unknown> = {}) {
  const today = t.clock();
  t.clock.set(new Date('2026-01-02T02:00:00Z'));
  try {
    return await reportAndMove(status, over);
  } finally {
    t.clock.set(today);
  }
}

async function reportAndMove(status: 'plan_submitted', over: Record<string, unknown>) {
  const created = await send('zn', 'POST', '/projects', {
    name: `智能网联汽车项目${++serial}`,
    platformKey: 'zhenan',
    investorName: `流程测试${serial}有限公司`,
    industryCode: '3612',
    totalInvestment: 60000,
    fixedAssetInvestment: 35000,
    landArea: 100,
    expectedAnnualTax: 3000,
    ...over,
  });
  expect(created.statusCode, created.body).toBe(201);
  let project = created.json();
  for (const to of ['feasible', status]) {
    const moved = await send('zn', 'POST', `/projects/${project.id}/transitions`, { to, version: project.version });
    expect(moved.statusCode, moved.body).toBe(200);
    project = moved.json();
  }
  return project as { id: number; version: number };
}

describe('R2.1–R2.2 access evaluation', () => {
  it('exactly 350 万元/亩 and 30 万元/亩 tax fails with every reason; the bureau cannot confirm it', async () => {
    const project = await projectAt('plan_submitted');
    const evaluation = await send('zn', 'POST', `/projects/${project.id}/evaluation`, {
      scores: fullMarks,
      opinion: '投资强度未高于标准',
      reviewer: '别人的名字',
      panel: ['张工'],
      version: project.version,
    });
    expect(evaluation.statusCode, evaluation.body).toBe(201);
    // Issue #10.6: the client's `reviewer` is ignored; the signed-in user signs, the panel is named beside them.
    expect(evaluation.json()).toMatchObject({
      passes: false,
      investmentIntensity: '350.00',
      taxPerMu: '30.00',
      sheetTotal: 100,
      reviewer: expect.stringMatching(/^[^别]+（评审组：张工）$/),
    });
    expect(evaluation.json().reasons.join('')).toContain('未高于 350 万元/亩');
    const evaluated = await send('zn', 'POST', `/projects/${project.id}/transitions`, {
      to: 'evaluated',
      version: evaluation.json().projectVersion,
    });
    expect(evaluated.statusCode, evaluated.body).toBe(200);
    const tracked = await send('bureau', 'POST', `/projects/${project.id}/transitions`, {
      to: 'tracked',
      version: evaluated.json().version,
    });
    expect(tracked.statusCode).toBe(422);
    expect(tracked.json().error.message).toContain('未通过');
  });

  it('a refused sheet names each bad item and writes nothing', async () => {
    const project = await projectAt('plan_submitted');
    const response = await send('zn', 'POST', `/projects/${project.id}/evaluation`, {
      scores: { ...fullMarks, energy: 99 },
      opinion: '意见',
      version: project.version,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([{ message: '“能耗水平”的得分应在 0–8 之间，实为 99' }]);
    expect((await send('zn', 'GET', `/projects/${project.id}`)).json().version).toBe(project.version);
  });

  it('cannot evaluate before the plan is in', async () => {
    const created = (
      await send('zn', 'POST', '/projects', {
        name: '早评项目',
        platformKey: 'zhenan',
        investorName: '早评有限公司',
        industryCode: '3612',
        totalInvestment: 1,
        fixedAssetInvestment: 1,
        expectedAnnualTax: 0,
      })
    ).json();
    expect(
      (
        await send('zn', 'POST', `/projects/${created.id}/evaluation`, {
          scores: fullMarks,
          opinion: '意见',
          version: created.version,
        })
      ).statusCode,
    ).toBe(422);
  });
});

describe('from evaluation to landing, circulation and the yearly count', () => {
  it('passes at 350.01 万元/亩, is confirmed by the bureau, circulates 0.3/0.7, lands, and counts on both sides', async () => {
    // 3491 工业机器人 is encouraged on 浙南 and 高新区, not on 瓯江口.
    const project = await projectAt('plan_submitted', {
      fixedAssetInvestment: 35001,
      industryCode: '3491',
      name: '工业机器人项目',
    });
    const evaluation = (
      await send('zn', 'POST', `/projects/${project.id}/evaluation`, {
        scores: fullMarks,
        opinion: '同意准入',
        version: project.version,
      })
    ).json();
    expect(evaluation.passes).toBe(true);
    let version = (
      await send('zn', 'POST', `/projects/${project.id}/transitions`, {
        to: 'evaluated',
        version: evaluation.projectVersion,
        effectiveDate: '2026-01-04',
      })
    ).json().version;
    const tracked = await send('bureau', 'POST', `/projects/${project.id}/transitions`, {
      to: 'tracked',
      version,
      effectiveDate: '2026-01-05',
    });
    expect(tracked.json()).toMatchObject({
      status: 'tracked',
      trackedOn: '2026-01-05',
      negotiationDeadline: '2026-07-04',
      overdue: true,
    });
    version = tracked.json().version;

    // Circulation: only the bureau; only where the project is encouraged; shares exact.
    expect(
      (
        await send('zn', 'POST', `/projects/${project.id}/circulations`, {
          toPlatformKey: 'hitech',
          reason: '用地不足',
        })
      ).statusCode,
    ).toBe(403);
    const refused = await send('bureau', 'POST', `/projects/${project.id}/circulations`, {
      toPlatformKey: 'hitech',
      firstPlaceShare: 0,
      reason: '用地不足',
    });
    expect(refused.statusCode).toBe(400);
    const notEncouraged = await send('bureau', 'POST', `/projects/${project.id}/circulations`, {
      toPlatformKey: 'oujiangkou',
      firstPlaceShare: 0.3,
      reason: '浙南用地指标不足',
      version,
    });
    expect(notEncouraged.statusCode).toBe(422);
    expect(notEncouraged.json().error.message).toContain('不在目标平台产业准入指导目录鼓励类中');
    const hitech = await send('bureau', 'POST', `/projects/${project.id}/circulations`, {
      toPlatformKey: 'hitech',
      firstPlaceShare: 0.3,
      reason: '浙南用地指标不足，高新区可承接',
      version,
    });
    expect(hitech.statusCode, hitech.body).toBe(201);
    expect(hitech.json()).toEqual({
      fromPlatformKey: 'zhenan',
      toPlatformKey: 'hitech',
      firstPlaceShare: 0.3,
      hostShare: 0.7,
      projectVersion: version + 1,
    });
    expect(
      (
        await send('bureau', 'POST', `/projects/${project.id}/circulations`, {
          toPlatformKey: 'zhenan',
          reason: '再流转',
        })
      ).statusCode,
    ).toBe(422);

    const host = 'hitech';
    const hostUser = 'gxq';
    version = hitech.json().projectVersion;
    for (const to of ['negotiating', 'signed', 'landed']) {
      const step = await send(hostUser, 'POST', `/projects/${project.id}/transitions`, {
        to,
        version,
        effectiveDate: '2026-09-30',
      });
      expect(step.statusCode, step.body).toBe(200);
      version = step.json().version;
    }
    // D10: the first place still reads the project (with its share) and counts that share.
    const first = (await send('zn', 'GET', '/platforms/zhenan/investment-summary?year=2026')).json();
    expect(first.projects).toEqual([expect.objectContaining({ id: project.id, credit: 0.3, counted: true })]);
    const hostSummary = (await send('bureau', 'GET', `/platforms/${host}/investment-summary?year=2026`)).json();
    expect(hostSummary.projects).toEqual([expect.objectContaining({ id: project.id, credit: 0.7, counted: true })]);
    expect(hostSummary.totalCredit + first.totalCredit).toBe(1);
    expect((await send('zn', 'GET', `/platforms/${host}/investment-summary?year=2026`)).statusCode).toBe(403);
    expect((await send('bureau', 'GET', '/platforms/zhenan/investment-summary?year=20x6')).statusCode).toBe(400);

    const history = (await send('bureau', 'GET', `/projects/${project.id}`)).json().history as Array<{
      version: number;
      kind: string;
    }>;
    expect(history.map((e) => e.version)).toEqual(history.map((_, i) => i + 1));
    expect(history.map((e) => e.kind)).toContain('circulation');
  });
});
