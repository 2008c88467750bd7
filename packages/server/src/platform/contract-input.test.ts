import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_BASES, DEFAULT_EVALUATION_SHEET } from '@pgs/domain';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { countAllRows } from '../test/table-counts.ts';

/**
 * Issue #10.3, #10.6, #10.7, #10.12 at the HTTP edge: ill-formed text and odd ids are 400 with the field named and
 * nothing written; database data errors that get through are a 4xx, not a 500; the catalog's effective date and the
 * evaluation sheet's reviewer and date are bounded; draft counts are for the drc only.
 */
let t: TestApp;
const cookies: Record<string, string> = {};
let projectId: number;
let draftId: number;
let draftRevision: number;
let userId: number;

beforeAll(async () => {
  t = await createTestApp();
  // A route that lets a database data error through, to prove the error handler's mapping (added before ready).
  t.app.get('/api/v1/test-only/data-error/:kind', { config: { public: true } }, async (request) => {
    const kind = (request.params as { kind: string }).kind;
    if (kind === 'integer') await t.database.db.execute(sql`select ${'abc'}::integer`);
    if (kind === 'jsonb') await t.database.db.execute(sql`select ${'{"a":"\\ud800"}'}::jsonb`);
    if (kind === 'nul') await t.database.db.execute(sql`select ${'a\u0000b'}::text`);
    if (kind === 'range') await t.database.db.execute(sql`select ${'99999999999'}::integer`);
    return { ok: true };
  });
  for (const user of ['zn', 'drc', 'admin', 'leader', 'eitc', 'bureau']) cookies[user] = await t.login(user);
  const project = await send('zn', 'POST', '/projects', {
    name: '契约测试项目',
    platformKey: 'zhenan',
    investorName: '契约测试有限公司',
    industryCode: '3612',
    totalInvestment: 60000,
    fixedAssetInvestment: 35001,
    landArea: 100,
    expectedAnnualTax: 3100,
  });
  expect(project.statusCode, project.body).toBe(201);
  projectId = project.json().id;
  let version = project.json().version;
  for (const to of ['feasible', 'plan_submitted']) {
    const moved = await send('zn', 'POST', `/projects/${projectId}/transitions`, { to, version });
    expect(moved.statusCode, moved.body).toBe(200);
    version = moved.json().version;
  }
  const draft = await send('drc', 'POST', '/catalogs/zhenan/versions', { version: '契约测试草稿' });
  draftId = draft.json().id;
  draftRevision = draft.json().revision;
  const method = (await send('eitc', 'GET', '/evaluation-methods/2025')).json();
  eitcMethod = {
    method: method.method,
    measures: method.measures,
    rectification: method.rectification,
    version: method.version,
  };
  userId = (await send('admin', 'GET', '/users'))
    .json()
    .items.find((u: { username: string }) => u.username === 'leader').id;
});
afterAll(() => t?.close());

function send(user: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { cookie: cookies[user]! },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

const fullMarks = Object.fromEntries(DEFAULT_EVALUATION_SHEET.items.map((item) => [item.code, item.maxScore]));
const LONE = '\ud800';
const BASIS = CATALOG_BASES[0];
let eitcMethod: { method: Record<string, unknown> } & Record<string, unknown>;

describe('issue #10.7: path ids are plain positive decimal integers', () => {
  const odd = ['%201', '0x10', '1e1', '01', '-1', '1.0', '+1', '1%20', '0', '99999999999999999'];
  it.each(odd)('GET /projects/%s → 400', async (id) => {
    const response = await send('zn', 'GET', `/projects/${id}`);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.message).toContain('项目编号');
  });

  it.each(odd)('PATCH /users/%s (the fuzz that reset the admin) → 400, nothing written', async (id) => {
    const before = await countAllRows(t.database.db);
    const response = await send('admin', 'PATCH', `/users/${id}`, {
      displayName: '改名',
      role: 'leader',
      platformKey: null,
      disabled: true,
      version: 1,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(await countAllRows(t.database.db)).toEqual(before);
  });

  it.each(['%201', '0x10', '01'])('DELETE /catalog-versions/%s → 400 and the draft stays', async (id) => {
    const response = await send('drc', 'DELETE', `/catalog-versions/${id}`);
    expect(response.statusCode).toBe(400);
    expect((await send('drc', 'GET', `/catalog-versions/${draftId}`)).statusCode).toBe(200);
  });

  it.each([
    '/evaluations/0x1',
    `/catalog-versions/${draftId}/items/0x1`,
    '/evaluation-methods/%202025',
    '/evaluation-methods/2025.0',
  ])('%s → 400', async (url) => {
    const response = await send(
      'eitc',
      url.includes('items') ? 'DELETE' : 'GET',
      url.includes('items') ? `${url}?revision=1` : url,
    );
    expect(response.statusCode, response.body).toBe(400);
  });

  it('a plain id still works', async () => {
    expect((await send('zn', 'GET', `/projects/${projectId}`)).statusCode).toBe(200);
    expect(
      (
        await send('admin', 'PATCH', `/users/${userId}`, {
          displayName: '领导小组',
          role: 'leader',
          platformKey: null,
          disabled: false,
          version: 999,
        })
      ).statusCode,
    ).toBe(409);
  });
});

describe('issue #10.3: ill-formed text is refused at the contract with the field named', () => {
  const base = {
    platformKey: 'zhenan',
    industryCode: '3612',
    totalInvestment: 60000,
    fixedAssetInvestment: 35001,
    landArea: 100,
    expectedAnnualTax: 3100,
  };
  const cases: Array<[string, string, 'POST' | 'PUT' | 'PATCH', () => string, () => unknown, string]> = [
    [
      'project name',
      'zn',
      'POST',
      () => '/projects',
      () => ({ ...base, name: `坏${LONE}`, investorName: '甲公司' }),
      '项目名称',
    ],
    [
      'investor',
      'zn',
      'POST',
      () => '/projects',
      () => ({ ...base, name: '项目甲', investorName: `乙${LONE}公司` }),
      '投资方名称',
    ],
    [
      'description',
      'zn',
      'POST',
      () => '/projects',
      () => ({ ...base, name: '项目乙', investorName: '丙公司', description: `简介${LONE}` }),
      '项目简介',
    ],
    [
      'NUL in a project name',
      'zn',
      'POST',
      () => '/projects',
      () => ({ ...base, name: '项目\u0000丙', investorName: '丁公司' }),
      '项目名称',
    ],
    [
      'evaluation opinion',
      'zn',
      'POST',
      () => `/projects/${projectId}/evaluation`,
      () => ({ scores: fullMarks, opinion: `同意${LONE}` }),
      '书面评审意见',
    ],
    [
      'evaluation panel',
      'zn',
      'POST',
      () => `/projects/${projectId}/evaluation`,
      () => ({ scores: fullMarks, opinion: '同意', panel: [`张${LONE}`] }),
      '评审组成员',
    ],
    [
      'a transition reason',
      'zn',
      'POST',
      () => `/projects/${projectId}/transitions`,
      () => ({ to: 'lost', version: 1, reason: `原因${LONE}` }),
      '原因',
    ],
    [
      'a circulation reason',
      'bureau',
      'POST',
      () => `/projects/${projectId}/circulations`,
      () => ({ toPlatformKey: 'hitech', reason: `流转${LONE}` }),
      '流转原因',
    ],
    [
      'a catalog note',
      'drc',
      'POST',
      () => `/catalog-versions/${draftId}/items`,
      () => ({ category: 'encouraged', industryCode: '3612', basis: BASIS, note: `备注${LONE}` }),
      '备注',
    ],
    [
      'a catalog keyword',
      'drc',
      'POST',
      () => `/catalog-versions/${draftId}/items`,
      () => ({ category: 'encouraged', industryCode: '3612', basis: BASIS, keywords: [`词${LONE}`] }),
      '关键词',
    ],
    [
      'a catalog version name',
      'drc',
      'POST',
      () => '/catalogs/zhenan/versions',
      () => ({ version: `${LONE}年本` }),
      '版本名称',
    ],
    [
      'a user name',
      'admin',
      'PATCH',
      () => `/users/${userId}`,
      () => ({ displayName: `领导${LONE}`, role: 'leader', platformKey: null, disabled: false, version: 1 }),
      '姓名',
    ],
    [
      'the evaluation sheet name (settings)',
      'bureau',
      'PUT',
      () => '/project-settings',
      () => ({
        negotiationWindowDays: 90,
        evaluationSheet: { ...DEFAULT_EVALUATION_SHEET, name: `评分表${LONE}` },
        version: 1,
      }),
      '评分表名称',
    ],
    [
      'an evaluation method name (settings)',
      'eitc',
      'PUT',
      () => '/evaluation-methods/2025',
      () => ({ ...eitcMethod, method: { ...eitcMethod.method, name: `办法${LONE}` } }),
      '评价办法名称',
    ],
  ];
  it.each(cases)('%s → 400 naming the field, nothing written', async (_name, user, method, url, payload, field) => {
    const before = await countAllRows(t.database.db);
    const response = await send(user, method, url(), payload());
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.message).toContain(field);
    expect(await countAllRows(t.database.db)).toEqual(before);
  });

  it('an enterprise record with a lone surrogate in its name → 4xx naming the field, not stored as U+FFFD', async () => {
    const before = await countAllRows(t.database.db);
    const record = {
      creditCode: '91330300MA2HXXXX0X',
      name: `企业${LONE}`,
      platformKey: null,
      kind: 'industrial',
      scale: 'above',
      producing: true,
    };
    const response = await send('eitc', 'POST', '/enterprise-records', { year: 2025, records: [record] });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.body).toContain('企业名称');
    expect(await countAllRows(t.database.db)).toEqual(before);
  });

  it('a search with a lone surrogate → 400, not a 500', async () => {
    for (const url of [`/projects?q=${encodeURIComponent('a')}%ED%A0%80`, `/projects?q=\\ud800`]) {
      const response = await send('zn', 'GET', url);
      expect(response.statusCode).toBeLessThan(500);
    }
  });
});

describe('issue #10.3: database data errors that get through are 400 with a Chinese message', () => {
  it.each(['integer', 'jsonb', 'nul', 'range'])('%s', async (kind) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/test-only/data-error/${kind}` });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('issue #10.6: a catalog takes effect from today (2026-11-28 on the test clock) to one year ahead', () => {
  it.each([
    ['9999-12-31', '太远'],
    ['2019-01-01', '早于今天'],
    ['2026-11-27', '早于今天'],
    ['2027-11-29', '最晚可设为 2027-11-28'],
  ])('%s → 422 (%s)', async (effectiveDate, words) => {
    const response = await send('drc', 'POST', `/catalog-versions/${draftId}/publish`, {
      effectiveDate,
      revision: draftRevision,
    });
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().error.code).toBe('EFFECTIVE_DATE_OUT_OF_RANGE');
    expect(response.json().error.message).toContain(words);
  });

  it('the last day of the horizon is accepted', async () => {
    const draft = (await send('drc', 'POST', '/catalogs/hitech/versions', { version: '一年后生效' })).json();
    const response = await send('drc', 'POST', `/catalog-versions/${draft.id}/publish`, {
      effectiveDate: '2027-11-28',
      revision: draft.revision,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().effectiveDate).toBe('2027-11-28');
  });
});

describe('issue #10.6: the evaluation sheet is signed by the signed-in user, dated between the report and today', () => {
  // Each evaluation carries the project version the user saw (issue #10.12).
  const projectVersion = async (): Promise<number> =>
    (await send('zn', 'GET', `/projects/${projectId}`)).json().version;
  it.each([
    ['2026-11-29', '晚于今天'],
    ['2019-06-30', '早于项目首报日期'],
  ])('reviewedOn %s → 400 (%s), nothing written', async (reviewedOn, words) => {
    const before = await countAllRows(t.database.db);
    const response = await send('zn', 'POST', `/projects/${projectId}/evaluation`, {
      scores: fullMarks,
      opinion: '同意',
      reviewedOn,
      version: await projectVersion(),
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.message).toContain(words);
    expect(await countAllRows(t.database.db)).toEqual(before);
  });

  it('a reviewer sent by the client is not recorded; a panel is recorded beside the user', async () => {
    const me = (await send('zn', 'GET', '/auth/me')).json().user.displayName;
    const alone = await send('zn', 'POST', `/projects/${projectId}/evaluation`, {
      scores: fullMarks,
      opinion: '同意',
      reviewer: '市长',
      reviewedOn: '2026-11-28',
      version: await projectVersion(),
    });
    expect(alone.statusCode, alone.body).toBe(201);
    expect(alone.json()).toMatchObject({ reviewer: me, reviewedOn: '2026-11-28' });
    const panel = await send('zn', 'POST', `/projects/${projectId}/evaluation`, {
      scores: fullMarks,
      opinion: '同意',
      panel: ['张工', '李工'],
      version: await projectVersion(),
    });
    expect(panel.json().reviewer).toBe(`${me}（评审组：张工、李工）`);
    const stored = (await send('zn', 'GET', `/projects/${projectId}/evaluations`)).json();
    expect(stored.map((e: { reviewer: string }) => e.reviewer)).not.toContain('市长');
  });
});

describe('issue #10.12: draft counts only for the roles that edit drafts', () => {
  it('the drc sees how many drafts each platform has', async () => {
    const overview = (await send('drc', 'GET', '/catalogs')).json();
    expect(overview.find((p: { platformKey: string }) => p.platformKey === 'zhenan').drafts).toBeGreaterThanOrEqual(1);
  });
  it.each(['zn', 'leader', 'eitc', 'bureau', 'admin'])('%s does not', async (user) => {
    const overview = (await send(user, 'GET', '/catalogs')).json();
    expect(overview).toHaveLength(3);
    for (const platform of overview) expect(platform).not.toHaveProperty('drafts');
  });
});
