import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CockpitView } from '@pgs/domain';
import { buildRecord, creditCodeFor } from '@pgs/domain/enterprise-records/record-builder.test-support';
import { createSecondApp, createTestApp, type TestApp } from '../test/test-app.ts';
import { makeProject } from '../test/make-project.ts';
import { actorOfUsername } from '../users/users.service.ts';
import type { Actor } from '../platform/actor.ts';
import { cockpitView } from './cockpit.service.ts';
import { GenerationCache } from './cockpit-cache.ts';
import { cookieOf, sendTo, type ApiMethod } from '../test/api-sender.ts';

/**
 * Issue #14: the cockpit's kept answers. One is served again while nothing was written; a committed write in any
 * module the cockpit reads (a project move, a parcel, a target, an enterprise record, an evaluation published) makes
 * the next answer a fresh and right one; a past day is kept apart from today; two servers on one PostgreSQL see each
 * other's writes. The test clock is 2026-11-28.
 */
let t: TestApp;
const cookies: Record<string, string> = {};
let leader: Actor;
let projectId: number;

const send = (app: TestApp, user: string, method: ApiMethod, url: string, payload?: unknown) =>
  sendTo(app, cookieOf(cookies, user), method, url, payload);
const cockpitOf = async (app: TestApp, query = '?year=2026') => {
  const response = await send(app, 'leader', 'GET', `/cockpit${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<CockpitView>();
};
const zhenan = (view: CockpitView) => view.platforms.find((p) => p.platformKey === 'zhenan')!.figures;
const stageCount = (view: CockpitView, status: string) =>
  zhenan(view).pipeline.stages.find((s) => s.status === status)?.count ?? 0;
const kept = () => cockpitView(t.database.db, leader, { year: 2026 }, t.clock());

let serial = 0;
const parcel = () => ({
  code: `CCK-${++serial}`,
  platformKey: 'zhenan',
  area: '4.5',
  plannedUse: '工业用地',
  approvedOn: '2026-06-01',
  approvalDocument: '浙土字〔2026〕3号',
  responsiblePerson: '平台用地负责人',
});
const target = () => ({
  platformKey: 'zhenan',
  quarter: '2026Q4',
  name: `缓存测试目标企业${++serial}`,
  types: ['industry_leader'],
  hqProvince: '上海市',
  hqCity: '上海市',
  industryCode: '3491',
  expectedInvestment: '60000',
  plan: { path: '总部拜访', planning: '一期 50 亩', strategy: '以商招商', tactics: '产业链配套' },
  owner: '王五',
});

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ['leader', 'zn', 'eitc', 'drc']) cookies[user] = await t.login(user);
  leader = (await actorOfUsername(t.database.db, 'leader'))!;
  projectId = (
    await makeProject(t.database.db, {
      platformKey: 'zhenan',
      industryCode: '3670',
      totalInvestment: '800',
      reportedOn: '2026-02-01',
      target: 'reported',
    })
  ).id;
}, 240_000);

afterAll(async () => {
  await t?.close();
});

describe('issue #14 the cockpit answer is kept until a write', () => {
  it('is served again while nothing is written (the same answer, not recomputed)', async () => {
    const first = await kept();
    expect(await kept()).toBe(first);
    // Reads and sign-ins are not writes of the cockpit's data: still the same answer.
    await cockpitOf(t);
    expect(await kept()).toBe(first);
  });

  it('identical requests after a write share one computation', async () => {
    const before = await kept();
    const made = await send(t, 'zn', 'POST', '/parcels', parcel());
    expect(made.statusCode, made.body).toBe(201);
    const [a, b] = await Promise.all([kept(), kept()]);
    expect(a).not.toBe(before);
    expect(b).toBe(a);
    expect(zhenan(a).land.approvedNotSupplied.count).toBe(zhenan(before).land.approvedNotSupplied.count + 1);
  });

  it('a project moved: the next answer shows it', async () => {
    const before = await cockpitOf(t);
    const project = await send(t, 'zn', 'GET', `/projects/${projectId}`);
    const moved = await send(t, 'zn', 'POST', `/projects/${projectId}/transitions`, {
      to: 'feasible',
      version: project.json().version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = await cockpitOf(t);
    expect(stageCount(after, 'reported')).toBe(stageCount(before, 'reported') - 1);
    expect(stageCount(after, 'feasible')).toBe(stageCount(before, 'feasible') + 1);
  });

  it('a parcel supplied: the next answer shows it', async () => {
    const made = await send(t, 'zn', 'POST', '/parcels', parcel());
    const before = await cockpitOf(t);
    const supplied = await send(t, 'zn', 'POST', `/parcels/${made.json().id}/supply`, {
      way: 'transfer',
      contractNo: 'HT-CCK-1',
      contractDate: '2026-11-20',
      landPrice: '100',
      holderName: '温州缓存测试用地有限公司',
      agreedStartOn: '2027-03-01',
      agreedCompletionOn: '2029-03-01',
      version: 1,
    });
    expect(supplied.statusCode, supplied.body).toBe(200);
    const after = zhenan(await cockpitOf(t)).land;
    expect(after.approvedNotSupplied.count).toBe(zhenan(before).land.approvedNotSupplied.count - 1);
    expect(after.supplied).toBe(zhenan(before).land.supplied + 1);
  });

  it('a target added: the next answer counts it', async () => {
    const before = zhenan(await cockpitOf(t)).targets.targets;
    const made = await send(t, 'zn', 'POST', '/targets', target());
    expect(made.statusCode, made.body).toBe(201);
    expect(zhenan(await cockpitOf(t)).targets.targets).toBe(before + 1);
  });

  it('enterprise records written, then an evaluation run and published: recomputed, then the ABCD tile', async () => {
    const before = await kept();
    const records = Array.from({ length: 6 }, (_, i) =>
      buildRecord({ creditCode: creditCodeFor(880_000 + i), name: `缓存测试企业${i}`, platformKey: 'zhenan' }),
    );
    const imported = await send(t, 'eitc', 'POST', '/enterprise-records', { year: 2025, records });
    expect(imported.statusCode, imported.body.slice(0, 300)).toBe(201);
    const afterImport = await kept();
    // Records alone change no figure of the cockpit, but the answer is computed again and equal.
    expect(afterImport).not.toBe(before);
    expect(afterImport).toEqual(before);

    const run = await send(t, 'eitc', 'POST', '/evaluations', { year: 2025 });
    expect(run.statusCode, run.body.slice(0, 300)).toBe(201);
    expect(zhenan(await cockpitOf(t)).abcd).toBeNull(); // a draft is not shown
    const published = await send(t, 'eitc', 'POST', `/evaluations/${run.json().id}/publish`);
    expect(published.statusCode, published.body.slice(0, 300)).toBe(200);
    const abcd = zhenan(await cockpitOf(t)).abcd;
    expect(abcd).toMatchObject({ runId: run.json().id, year: 2025 });
    const counts = abcd!.counts as Record<string, number>;
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(6);
  });

  it('a past day is kept apart from today, and a new day is a new answer', async () => {
    const today = await kept();
    const pastQuery = { year: 2026, asOf: '2026-03-31' };
    const past = await cockpitView(t.database.db, leader, pastQuery, t.clock());
    expect(past.asOf).toBe('2026-03-31');
    expect(past).not.toBe(today);
    expect(await cockpitView(t.database.db, leader, pastQuery, t.clock())).toBe(past);
    expect(await kept()).toBe(today);
    // The project moved today was still reported on 31 March.
    expect(stageCount(past, 'feasible')).toBe(stageCount(today, 'feasible') - 1);

    const start = t.clock();
    t.clock.set(new Date(start.getTime() + 86_400_000));
    try {
      const tomorrow = await kept();
      expect(tomorrow.asOf).toBe('2026-11-29');
      // The past day's notes are the date's too: the 31 March answer asked tomorrow is another one.
      expect(await cockpitView(t.database.db, leader, pastQuery, t.clock())).not.toBe(past);
    } finally {
      t.clock.set(start);
    }
  });

  it('a platform reader gets its own column, not the kept answer of the leader', async () => {
    const zn = (await actorOfUsername(t.database.db, 'zn'))!;
    await kept();
    const own = await cockpitView(t.database.db, zn, { year: 2026 }, t.clock());
    expect(own.platforms.map((p) => p.platformKey)).toEqual(['zhenan']);
    expect(own.city).toBeNull();
  });
});

describe.runIf(process.env.PGS_TEST_DRIVER === 'postgres')('issue #14 two servers on one PostgreSQL', () => {
  it("each server's kept answer gives way to the other's write", async () => {
    const b = await createSecondApp(t);
    try {
      const onB = await cockpitOf(b);
      expect(await cockpitOf(b)).toEqual(onB);
      const made = await send(t, 'zn', 'POST', '/parcels', parcel());
      expect(made.statusCode, made.body).toBe(201);
      const afterA = await cockpitOf(b);
      expect(zhenan(afterA).land.approvedNotSupplied.count).toBe(zhenan(onB).land.approvedNotSupplied.count + 1);

      const onA = await cockpitOf(t);
      const written = await send(b, 'zn', 'POST', '/targets', target());
      expect(written.statusCode, written.body).toBe(201);
      expect(zhenan(await cockpitOf(t)).targets.targets).toBe(zhenan(onA).targets.targets + 1);
    } finally {
      await b.close();
    }
  });
});

describe('the cache itself', () => {
  const deferred = <V>() => {
    let resolve!: (value: V) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<V>((ok, fail) => {
      resolve = ok;
      reject = fail;
    });
    return { promise, resolve, reject };
  };

  it('computes identical misses once, and keeps no failure', async () => {
    const cache = new GenerationCache<string>();
    let calls = 0;
    const first = deferred<string>();
    const compute = () => {
      calls += 1;
      return first.promise;
    };
    const a = cache.get('k', 1, compute);
    const b = cache.get('k', 1, compute);
    first.reject(new Error('database gone'));
    await expect(a).rejects.toThrow('database gone');
    await expect(b).rejects.toThrow('database gone');
    expect(calls).toBe(1);
    expect(cache.size).toBe(0);
    expect(await cache.get('k', 1, () => Promise.resolve('figures'))).toBe('figures');
    expect(await cache.get('k', 1, () => Promise.resolve('again'))).toBe('figures');
    expect(await cache.get('k', 2, () => Promise.resolve('newer'))).toBe('newer');
  });

  it('a slow older generation never replaces a newer answer', async () => {
    const cache = new GenerationCache<string>();
    const slow = deferred<string>();
    const old = cache.get('k', 1, () => slow.promise);
    expect(await cache.get('k', 2, () => Promise.resolve('new'))).toBe('new');
    slow.resolve('old');
    expect(await old).toBe('old');
    expect(await cache.get('k', 2, () => Promise.resolve('recomputed'))).toBe('new');
  });

  it('holds at most its few entries, dropping the least recently used', async () => {
    const cache = new GenerationCache<number>(2);
    await cache.get('a', 1, () => Promise.resolve(1));
    await cache.get('b', 1, () => Promise.resolve(2));
    await cache.get('a', 1, () => Promise.resolve(-1)); // a read: a is now the most recent
    await cache.get('c', 1, () => Promise.resolve(3));
    expect(cache.size).toBe(2);
    expect(await cache.get('a', 1, () => Promise.resolve(-1))).toBe(1);
    expect(await cache.get('b', 1, () => Promise.resolve(22))).toBe(22);
  });
});
