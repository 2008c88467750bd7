import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EVALUATION_SHEET } from '@pgs/domain';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { apiSender } from '../test/api-sender.ts';

/** Issue #3: the negotiation window (default 180 days) and the evaluation sheet are the bureau's settings. */
let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ['zn', 'bureau', 'auditor']) cookies[user] = await t.login(user);
});
afterAll(() => t?.close());

const send = apiSender(() => t, cookies);

/** Settings changes in the audit trail, as the auditor reads them. */
const auditCount = async () =>
  (await send('auditor', 'GET', '/audit?action=projects.settings_update')).json().total as number;

/** Reported and tracked on 2026-06-01 (clock set back, then restored): stage days lie between the report and today (#10.6). */
async function trackedProject(name: string) {
  const today = t.clock();
  t.clock.set(new Date('2026-06-01T02:00:00Z'));
  try {
    return await reportAndTrack(name);
  } finally {
    t.clock.set(today);
  }
}

async function reportAndTrack(name: string) {
  let project = (
    await send('zn', 'POST', '/projects', {
      name,
      platformKey: 'zhenan',
      investorName: `${name}投资有限公司`,
      industryCode: '3612',
      totalInvestment: 60000,
      fixedAssetInvestment: 40000,
      landArea: 100,
      expectedAnnualTax: 5000,
    })
  ).json();
  for (const to of ['feasible', 'plan_submitted'])
    project = (
      await send('zn', 'POST', `/projects/${project.id}/transitions`, { to, version: project.version })
    ).json();
  const fullMarks = Object.fromEntries(DEFAULT_EVALUATION_SHEET.items.map((item) => [item.code, item.maxScore]));
  const evaluation = (
    await send('zn', 'POST', `/projects/${project.id}/evaluation`, {
      scores: fullMarks,
      opinion: '同意',
      version: project.version,
    })
  ).json();
  project = (
    await send('zn', 'POST', `/projects/${project.id}/transitions`, {
      to: 'evaluated',
      version: evaluation.projectVersion,
    })
  ).json();
  const tracked = await send('bureau', 'POST', `/projects/${project.id}/transitions`, {
    to: 'tracked',
    version: project.version,
    effectiveDate: '2026-06-01',
  });
  expect(tracked.statusCode, tracked.body).toBe(200);
  return tracked.json();
}

describe('project settings', () => {
  it('starts from the defaults, version 1, never saved', async () => {
    const settings = await send('zn', 'GET', '/project-settings');
    expect(settings.json()).toMatchObject({ negotiationWindowDays: 180, version: 1, updatedAt: null, updatedBy: null });
    expect(settings.json().evaluationSheet.items).toHaveLength(DEFAULT_EVALUATION_SHEET.items.length);
  });

  it('a window change re-dates open negotiations and the overdue filter (tracked 2026-06-01, today 2026-11-28)', async () => {
    const project = await trackedProject('窗口测试项目');
    expect(project).toMatchObject({ negotiationDeadline: '2026-11-28', overdue: false });
    const saved = await send('bureau', 'PUT', '/project-settings', {
      negotiationWindowDays: 179,
      evaluationSheet: DEFAULT_EVALUATION_SHEET,
      version: 1,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ negotiationWindowDays: 179, version: 2, updatedBy: 'bureau' });
    const after = (await send('zn', 'GET', `/projects/${project.id}`)).json();
    expect(after).toMatchObject({ negotiationDeadline: '2026-11-27', overdue: true });
    const overdueIds = (await send('zn', 'GET', '/projects?overdue=true'))
      .json()
      .items.map((item: { id: number }) => item.id);
    expect(overdueIds).toContain(project.id);
  });

  it('a stale version gets 409 and changes nothing; two saves of one version: one 200, one 409', async () => {
    const current = (await send('bureau', 'GET', '/project-settings')).json();
    const before = await auditCount();
    const stale = await send('bureau', 'PUT', '/project-settings', {
      negotiationWindowDays: 90,
      evaluationSheet: DEFAULT_EVALUATION_SHEET,
      version: current.version - 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe('招商项目设置已被他人修改，请刷新后重试');
    const both = await Promise.all(
      [120, 150].map((days) =>
        send('bureau', 'PUT', '/project-settings', {
          negotiationWindowDays: days,
          evaluationSheet: DEFAULT_EVALUATION_SHEET,
          version: current.version,
        }),
      ),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await auditCount()).toBe(before + 1);
  });

  it('refuses a sheet without a dimension (400, Chinese) and a platform user (403), writing nothing', async () => {
    const current = (await send('bureau', 'GET', '/project-settings')).json();
    const before = await auditCount();
    const noTech = {
      ...DEFAULT_EVALUATION_SHEET,
      items: DEFAULT_EVALUATION_SHEET.items.filter((item) => item.dimension !== 'technology'),
    };
    const bad = await send('bureau', 'PUT', '/project-settings', {
      negotiationWindowDays: 180,
      evaluationSheet: noTech,
      version: current.version,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('评分表缺少“科技含量”维度的评分项');
    const platform = await send('zn', 'PUT', '/project-settings', {
      negotiationWindowDays: 180,
      evaluationSheet: DEFAULT_EVALUATION_SHEET,
      version: current.version,
    });
    expect(platform.statusCode).toBe(403);
    expect(await auditCount()).toBe(before);
    expect((await send('bureau', 'GET', '/project-settings')).json().version).toBe(current.version);
  });

  it('a new sheet scores the next evaluation; the evaluation keeps the sheet it was scored on', async () => {
    const current = (await send('bureau', 'GET', '/project-settings')).json();
    const sheet = { ...DEFAULT_EVALUATION_SHEET, name: '2027 评分表', passMark: 50 };
    expect(
      (
        await send('bureau', 'PUT', '/project-settings', {
          negotiationWindowDays: 180,
          evaluationSheet: sheet,
          version: current.version,
        })
      ).statusCode,
    ).toBe(200);
    let project = (
      await send('zn', 'POST', '/projects', {
        name: '评分表测试项目',
        platformKey: 'zhenan',
        investorName: '评分表测试有限公司',
        industryCode: '3612',
        totalInvestment: 60000,
        fixedAssetInvestment: 40000,
        expectedAnnualTax: 5000,
      })
    ).json();
    for (const to of ['feasible', 'plan_submitted'])
      project = (
        await send('zn', 'POST', `/projects/${project.id}/transitions`, { to, version: project.version })
      ).json();
    const scores = Object.fromEntries(sheet.items.map((item) => [item.code, item.maxScore / 2]));
    const evaluation = await send('zn', 'POST', `/projects/${project.id}/evaluation`, {
      scores,
      opinion: '无独立用地，按评分表',
      version: project.version,
    });
    expect(evaluation.json()).toMatchObject({ passes: true, sheetTotal: 50, passMark: 50, landless: true });
    const records = (await send('zn', 'GET', `/projects/${project.id}/evaluations`)).json();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      total: 50,
      passes: true,
      opinion: '无独立用地，按评分表',
      sheet: { name: '2027 评分表', passMark: 50 },
    });
  });
});
