import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_EVALUATION_METHOD,
  DEFAULT_MEASURE_SETTINGS,
  DEFAULT_RECTIFICATION_SETTINGS,
  type EnterpriseRecord,
  type RunProgress,
} from '@pgs/domain';
import { buildRecord, creditCodeFor } from '@pgs/domain/enterprise-records/record-builder.test-support';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { actorOfUsername } from '../users/users.service.ts';
import { runEvaluation } from './mu-evaluation-run.service.ts';
import { expectEveryAuditActionNamed } from '../test/audit-names.ts';
import { apiSender } from '../test/api-sender.ts';

/**
 * Issue #4 end to end on a data set whose classes are computed by hand (R3.2, D15–D17): run, D push, results,
 * publish and who sees what, measures (R3.3), simulation, the results workbook; and a 10 000-enterprise run.
 *
 * 2025: 20 规上 industrial enterprises alike but for their tax, 10 亩 each — 10 outside the platforms (城区企业i,
 * tax 10, 30 … 190 万元) and 10 in 浙南 (浙南企业i, tax 20, 40 … 200) — plus two class T: a utility in 浙南 (4411
 * 电力供应) and a newcomer registered 2024-06-01 (< 2 years).
 *   Every other indicator equals its set mean, so each scores exactly its weight: 20 + 20 + 10 + 10 + 10 = 70.
 *   亩均税收 benchmark = mean of tax/10 over the 20 evaluated = 10.5 万元/亩 (the utility's tax does not count);
 *   its score = min(45, (tax/10) / 10.5 × 30) = min(45, tax / 3.5), so the total is 70 + min(45, tax / 3.5).
 *   Tax ≥ 157.5 hits the cap: 160 … 200 tie at 115, rank 1 (five enterprises; ties share the better class, D15).
 *   Cuts of 20 enterprises: A to rank ⌊0.2×20⌋ = 4, B to 12, C to 19, D rank 20. So A 5 (the tie), B ranks 6–12
 *   (7), C ranks 13–19 (7), D rank 20 (城区企业0, tax 10) → city D share 1/20 = 5 %.
 *   浙南 has 10 evaluated, none D under the base cuts; target city + 5 pp = 10 % = 1 enterprise: its worst,
 *   浙南企业0 (tax 20, rank 19, C), moves to D → 浙南 D share 10 %, exactly 5 pp above: the rule holds.
 *   Final: A 5, B 7, C 6, D 2, T 2; 浙南 A 3 (160, 180, 200), B 3, C 3, D 1, T 1.
 */
let t: TestApp;
const cookies: Record<string, string> = {};
const YEAR = 2025;

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ['eitc', 'zn', 'gxq', 'leader', 'auditor']) cookies[user] = await t.login(user);
});
afterAll(() => t?.close());

const send = apiSender(() => t, cookies);

const auditCount = async (action: string) =>
  (await send('auditor', 'GET', `/audit?action=${action}&pageSize=1`)).json().total as number;

const city = (i: number) => creditCodeFor(1000 + i);
const zn = (i: number) => creditCodeFor(2000 + i);
const UTILITY = creditCodeFor(3000);
const NEWCOMER = creditCodeFor(3001);

function scenario(): EnterpriseRecord[] {
  const records: EnterpriseRecord[] = [];
  for (let i = 0; i < 10; i += 1) {
    records.push(
      buildRecord({ creditCode: city(i), name: `城区企业${i}`, platformKey: null, tax: String(10 * (2 * i + 1)) }),
    );
    records.push(
      buildRecord({ creditCode: zn(i), name: `浙南企业${i}`, platformKey: 'zhenan', tax: String(20 * (i + 1)) }),
    );
  }
  // R3.3 amounts below: distinct electricity for the C and the D enterprise (规上 scoring does not use electricity).
  records.find((r) => r.creditCode === city(1))!.electricityKwh = '1234567';
  records.find((r) => r.creditCode === city(0))!.electricityKwh = '2000000';
  records.push(
    buildRecord({
      creditCode: UTILITY,
      name: '浙南供电企业',
      platformKey: 'zhenan',
      industryCode: '4411',
      tax: '1000',
    }),
  );
  records.push(
    buildRecord({ creditCode: NEWCOMER, name: '新注册企业', platformKey: null, registeredOn: '2024-06-01' }),
  );
  return records;
}

async function importYear(year: number, records: readonly EnterpriseRecord[]) {
  const response = await send('eitc', 'POST', '/enterprise-records', { year, records });
  expect(response.statusCode, response.body.slice(0, 500)).toBe(201);
}

async function runYear(year: number) {
  const response = await send('eitc', 'POST', '/evaluations', { year });
  expect(response.statusCode, response.body.slice(0, 500)).toBe(201);
  return response.json();
}

/** R3.3 amounts the eitc sets for 2025: a water price so the water surcharge has an amount, and energy-quota cuts. */
const MEASURES = { ...DEFAULT_MEASURE_SETTINGS, waterBasePriceYuanPerTon: 4, energyQuotaCutPercent: { C: 10, D: 20 } };

let runId: number;

describe('run (R3.2) on the hand-made year', () => {
  it("answers 201 with the classes, the city share and each platform's D share and verdict, audited once", async () => {
    await importYear(YEAR, scenario());
    const saved = await send('eitc', 'PUT', `/evaluation-methods/${YEAR}`, {
      method: DEFAULT_EVALUATION_METHOD,
      measures: MEASURES,
      rectification: DEFAULT_RECTIFICATION_SETTINGS,
      version: 1,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const audits = await auditCount('evaluations.run');
    const run = await runYear(YEAR);
    runId = run.id;
    expect(run).toMatchObject({
      year: YEAR,
      status: 'draft',
      cityDShare: 0.05,
      counts: { A: 5, B: 7, C: 6, D: 2, T: 2 },
      total: 22,
      createdBy: 'eitc',
      publishedAt: null,
    });
    const byKey = Object.fromEntries(run.platforms.map((p: { platformKey: string }) => [p.platformKey, p]));
    expect(byKey.zhenan).toMatchObject({
      evaluated: 10,
      baseDShare: 0,
      dShare: 0.1,
      targetDShare: 0.1,
      movedToD: 1,
      ruleHolds: true,
      counts: { A: 3, B: 3, C: 3, D: 1, T: 1 },
    });
    expect(byKey.zhenan.reason).toContain('符合要求');
    expect(byKey.oujiangkou).toMatchObject({
      evaluated: 0,
      ruleHolds: false,
      reason: '平台无参评企业，无法计算 D 类占比',
    });
    expect(await auditCount('evaluations.run')).toBe(audits + 1);
  });

  it('explains every number: indicators with value, benchmark and score; rank, percentile and the rule of the class', async () => {
    const top = (await send('eitc', 'GET', `/evaluations/${runId}/results?q=${encodeURIComponent('浙南企业9')}`)).json()
      .items[0];
    expect(top).toMatchObject({
      creditCode: zn(9),
      class: 'A',
      baseClass: 'A',
      score: 115,
      rank: 1,
      percentile: 0.05,
      setSize: 20,
      set: 'industrial_above',
      setLabel: '规上工业企业',
      excludedReason: null,
    });
    expect(top.indicators[0]).toEqual({
      code: 'tax_per_mu',
      label: '亩均税收',
      unit: '万元/亩',
      value: 20,
      benchmark: 10.5,
      score: 45,
    });
    expect(top.classRule).toContain('与 4 家企业同分');

    const pushed = (
      await send('eitc', 'GET', `/evaluations/${runId}/results?q=${encodeURIComponent('浙南企业0')}`)
    ).json().items[0];
    // 70 + 20 / 3.5 = 75.714286 (scores are rounded to 1e-6)
    expect(pushed).toMatchObject({ class: 'D', baseClass: 'C', rank: 19, percentile: 0.95, score: 75.714286 });
    expect(pushed.classRule).toContain('平台 D 类占比须高于全市 5 个百分点（目标 10%）');

    const utility = (
      await send('eitc', 'GET', `/evaluations/${runId}/results?q=${encodeURIComponent('浙南供电企业')}`)
    ).json().items[0];
    expect(utility).toMatchObject({ class: 'T', score: null, rank: null, percentile: null });
    expect(utility.excludedReason).toContain('公用事业企业');
    // The T enterprise's figure is shown against the set's benchmark, without a score.
    expect(utility.indicators[0]).toMatchObject({ value: 100, benchmark: 10.5, score: null });

    const detail = (await send('eitc', 'GET', `/evaluations/${runId}`)).json();
    expect(detail.sets[0]).toMatchObject({ set: 'industrial_above', evaluated: 20, excluded: 2 });
    expect(detail.sets[0].indicators[0]).toEqual({
      code: 'tax_per_mu',
      label: '亩均税收',
      unit: '万元/亩',
      weight: 30,
      cap: 45,
      benchmarkMode: 'mean',
      benchmark: 10.5,
    });
    expect(detail.measures).toEqual(MEASURES);
    expect(detail.method.cuts).toEqual({ A: 0.2, B: 0.6, C: 0.95 });
  });

  it('pages and filters results ordered by set then rank (T last)', async () => {
    const first = (await send('eitc', 'GET', `/evaluations/${runId}/results?platformKey=zhenan&pageSize=4`)).json();
    expect(first).toMatchObject({ total: 11, page: 1, pageSize: 4 });
    expect(first.items.map((r: { rank: number }) => r.rank)).toEqual([1, 1, 1, 7]);
    expect(first.items.slice(0, 3).map((r: { creditCode: string }) => r.creditCode)).toEqual(
      [zn(7), zn(8), zn(9)].sort(),
    );
    const last = (
      await send('eitc', 'GET', `/evaluations/${runId}/results?platformKey=zhenan&pageSize=4&page=3`)
    ).json();
    expect(last.items.map((r: { creditCode: string }) => r.creditCode)).toEqual([zn(1), zn(0), UTILITY]);
    const d = (await send('eitc', 'GET', `/evaluations/${runId}/results?class=D`)).json();
    expect(d.items.map((r: { creditCode: string }) => r.creditCode).sort()).toEqual([city(0), zn(0)].sort());
    expect((await send('eitc', 'GET', `/evaluations/${runId}/results?platformKey=none`)).json().total).toBe(11);
    expect((await send('eitc', 'GET', `/evaluations/${runId}/results?set=service`)).json()).toMatchObject({
      items: [],
      total: 0,
    });
    expect(
      (await send('eitc', 'GET', `/evaluations/${runId}/results?q=${city(3).slice(0, 17)}`)).json().items[0].creditCode,
    ).toBe(city(3));
  });
});

describe('publish and who sees what (D17)', () => {
  it('a draft is invisible to platforms and other departments (404, not listed); the eitc sees it', async () => {
    for (const user of ['zn', 'leader']) {
      expect((await send(user, 'GET', `/evaluations/${runId}`)).statusCode).toBe(404);
      expect((await send(user, 'GET', `/evaluations/${runId}/results`)).statusCode).toBe(404);
      expect((await send(user, 'GET', `/evaluations?year=${YEAR}`)).json().total).toBe(0);
      expect((await send(user, 'GET', `/evaluations?status=draft`)).json().total).toBe(0);
    }
    expect((await send('eitc', 'GET', `/evaluations?year=${YEAR}`)).json().items[0]).toMatchObject({
      id: runId,
      status: 'draft',
    });
  });

  it('two publishes of one draft: one 200, one 409; audited once', async () => {
    const audits = await auditCount('evaluations.publish');
    const both = await Promise.all([
      send('eitc', 'POST', `/evaluations/${runId}/publish`),
      send('eitc', 'POST', `/evaluations/${runId}/publish`),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const refused = both.find((r) => r.statusCode === 409)!;
    expect(refused.json().error).toMatchObject({
      code: 'ALREADY_PUBLISHED',
      message: expect.stringContaining('已由 eitc 发布'),
    });
    expect(both.find((r) => r.statusCode === 200)!.json()).toMatchObject({ status: 'published', publishedBy: 'eitc' });
    expect(await auditCount('evaluations.publish')).toBe(audits + 1);
  });

  it("a platform reads its own published results only; another platform's are 403; its summary shows its own D share", async () => {
    const own = (await send('zn', 'GET', `/evaluations/${runId}/results?pageSize=100`)).json();
    expect(own.total).toBe(11);
    expect(own.items.every((r: { platformKey: string }) => r.platformKey === 'zhenan')).toBe(true);
    expect((await send('zn', 'GET', `/evaluations/${runId}/results?platformKey=zhenan`)).json().total).toBe(11);
    for (const platformKey of ['hitech', 'none']) {
      const other = await send('zn', 'GET', `/evaluations/${runId}/results?platformKey=${platformKey}`);
      expect(other.statusCode).toBe(403);
      expect(other.json().error.message).toContain('只能查看本平台');
    }
    const summary = (await send('zn', 'GET', `/evaluations/${runId}`)).json();
    expect(summary.platforms.map((p: { platformKey: string }) => p.platformKey)).toEqual(['zhenan']);
    expect(summary).toMatchObject({ cityDShare: 0.05, status: 'published' });
    // The leadership group reads every platform's results.
    expect((await send('leader', 'GET', `/evaluations/${runId}/results`)).json().total).toBe(22);
    expect((await send('leader', 'GET', `/evaluations/${runId}`)).json().platforms).toHaveLength(3);
  });

  it("R3.3 measures: the six for every C and D enterprise, amounts from the run's settings and the year's figures", async () => {
    const all = (await send('eitc', 'GET', `/evaluations/${runId}/measures?pageSize=100`)).json();
    expect(all.total).toBe(8); // C 6 + D 2
    const c = all.items.find((item: { creditCode: string }) => item.creditCode === city(1));
    expect(c).toMatchObject({ class: 'C', name: '城区企业1', platformKey: null });
    expect(c.measures.map((m: { code: string }) => m.code)).toEqual([
      'electricity_surcharge',
      'water_surcharge',
      'energy_quota_cut',
      'no_separate_land_supply',
      'no_new_emission_rights',
      'no_government_rewards',
    ]);
    // 0.10 元/kWh × 1 234 567 kWh = 123 456.7 元; 4 元/吨 × 15 % × 5 000 吨 = 3 000 元; 10 % × 300 吨标煤.
    expect(c.measures.slice(0, 3)).toMatchObject([
      { amount: '12.34567', unit: '万元' },
      { amount: '0.3', unit: '万元' },
      { amount: '30', unit: '吨标煤' },
    ]);
    expect(c.measures[0].basis).toBe('C类电价加价 0.1 元/千瓦时 × 用电量 1234567 千瓦时 = 12.34567 万元');
    const d = all.items.find((item: { creditCode: string }) => item.creditCode === city(0));
    // 0.15 元/kWh × 2 000 000 kWh = 300 000 元; 4 × 30 % × 5 000 = 6 000 元; 20 % × 300.
    expect(d.measures.slice(0, 3)).toMatchObject([{ amount: '30' }, { amount: '0.6' }, { amount: '60' }]);
    expect(d.measures[3]).toEqual({
      code: 'no_separate_land_supply',
      label: '不得单独供地',
      basis: 'D类企业不得单独供地（§三(二)）',
    });

    const zhenan = (await send('zn', 'GET', `/evaluations/${runId}/measures`)).json();
    expect(
      zhenan.items.map((item: { creditCode: string; class: string }) => `${item.creditCode}:${item.class}`).sort(),
    ).toEqual([`${zn(0)}:D`, `${zn(1)}:C`, `${zn(2)}:C`, `${zn(3)}:C`].sort());
    expect((await send('zn', 'GET', `/evaluations/${runId}/measures?platformKey=hitech`)).statusCode).toBe(403);
    expect((await send('eitc', 'GET', `/evaluations/${runId}/measures?class=D`)).json().total).toBe(2);

    const workbook = new ExcelJS.Workbook();
    const exported = await send('zn', 'GET', `/evaluations/${runId}/measures/export.xlsx`);
    expect(exported.statusCode).toBe(200);
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.rowCount).toBe(5);
  });

  it('exports the results: an overview, then one sheet per set with value, benchmark and score per indicator', async () => {
    const response = await send('zn', 'GET', `/evaluations/${runId}/results/export.xlsx`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '评价概况',
      '规上工业企业',
      '规下工业企业',
      '服务业企业',
    ]);
    const sheet = workbook.getWorksheet('规上工业企业')!;
    expect(sheet.rowCount).toBe(12); // header + 浙南's 11
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(9, 12)).toEqual([
      '亩均税收（万元/亩）',
      '亩均税收基准值（组内平均）',
      '亩均税收得分（权重 30，封顶 45）',
    ]);
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(row.slice(0, 9)).toEqual([zn(7), '浙南企业7', '浙南产业集聚区', 'A类', 'A类', 115, 1, 20, 0.05]);
    expect(row.slice(9, 12)).toEqual([16, 10.5, 45]);
    const overview = workbook.getWorksheet('评价概况')!;
    const texts = overview.getColumn(2).values.map(String).join('\n');
    expect(texts).toContain('10%（符合规定）');
    expect(texts).not.toContain('瓯江口');
  });

  it('publishing a later run of the year supersedes the earlier one, which platforms no longer see', async () => {
    const second = await runYear(YEAR);
    expect((await send('eitc', 'POST', `/evaluations/${second.id}/publish`)).json()).toMatchObject({
      status: 'published',
    });
    const runs = (await send('eitc', 'GET', `/evaluations?year=${YEAR}`)).json().items;
    expect(runs.map((r: { id: number; status: string }) => [r.id, r.status])).toEqual([
      [second.id, 'published'],
      [runId, 'superseded'],
    ]);
    // Runs are numbered within their year (shown "2024年第2次") and name their people by display name.
    expect(runs.map((r: { numberInYear: number }) => r.numberInYear)).toEqual([2, 1]);
    expect(runs[0]).toMatchObject({
      createdBy: 'eitc',
      createdByName: '市经信委 周科长',
      publishedByName: '市经信委 周科长',
    });
    expect(runs[1]).toMatchObject({ publishedByName: '市经信委 周科长' });
    expect((await send('zn', 'GET', `/evaluations/${runId}`)).statusCode).toBe(404);
    expect(
      (await send('zn', 'GET', `/evaluations?year=${YEAR}`)).json().items.map((r: { id: number }) => r.id),
    ).toEqual([second.id]);
    const again = await send('eitc', 'POST', `/evaluations/${runId}/publish`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SUPERSEDED');
    runId = second.id;
  });
});

describe('simulation (issue #4: other weights or cuts before publishing)', () => {
  it("counts the class changes against the year's method and writes nothing", async () => {
    const runsBefore = (await send('eitc', 'GET', '/evaluations')).json().total;
    const auditBefore = (await send('auditor', 'GET', '/audit?pageSize=1')).json().total;
    const response = await send('eitc', 'POST', '/evaluations/simulate', {
      year: YEAR,
      method: { ...DEFAULT_EVALUATION_METHOD, cuts: { A: 0.35, B: 0.6, C: 0.95 } },
    });
    expect(response.statusCode, response.body).toBe(200);
    const simulation = response.json();
    // ⌊0.35 × 20⌋ = 7: ranks 6 and 7 (城区企业7, tax 150; 浙南企业6, tax 140) move from B to A.
    expect(simulation).toMatchObject({
      changed: 2,
      compared: 22,
      transitions: { 'B→A': 2 },
      counts: { A: 7, B: 5, C: 6, D: 2, T: 2 },
      cityDShare: 0.05,
    });
    expect(simulation.baseline).toMatchObject({
      methodVersion: 2,
      counts: { A: 5, B: 7, C: 6, D: 2, T: 2 },
      label: `已保存的 ${YEAR} 年度评价办法（第 2 版）`,
    });
    expect(simulation.sample.map((c: { creditCode: string }) => c.creditCode).sort()).toEqual([city(7), zn(6)].sort());
    expect(simulation.sample[0]).toMatchObject({ from: 'B', to: 'A' });
    expect((await send('eitc', 'GET', '/evaluations')).json().total).toBe(runsBefore);
    expect((await send('auditor', 'GET', '/audit?pageSize=1')).json().total).toBe(auditBefore);
    expect(
      (await send('zn', 'POST', '/evaluations/simulate', { year: YEAR, method: DEFAULT_EVALUATION_METHOD })).statusCode,
    ).toBe(403);
  });

  it('a margin of 10 pp on a platform of 10 overshoots the band and says so (D15)', async () => {
    const simulation = (
      await send('eitc', 'POST', '/evaluations/simulate', {
        year: YEAR,
        method: { ...DEFAULT_EVALUATION_METHOD, dShareMargin: 0.1 },
      })
    ).json();
    const zhenan = simulation.platforms.find((p: { platformKey: string }) => p.platformKey === 'zhenan');
    // city 5 % + 10 pp = 15 % of 10 enterprises needs 2 in D (浙南企业0 and 浙南企业1): 20 %, 15 pp above the city,
    // beyond the 10 pp ceiling — a platform this small cannot land inside the band, and the run says so.
    expect(zhenan).toMatchObject({ dShare: 0.2, targetDShare: 0.15, movedToD: 2, ruleHolds: false });
  });
});

describe('a 10 000-enterprise year', () => {
  it(
    'writes every result of 10 000 enterprises (its time is measured by npm run bench, not asserted here)',
    { timeout: 180_000 },
    async () => {
      const platforms = ['oujiangkou', 'zhenan', 'hitech', null] as const;
      const records = Array.from({ length: 10_000 }, (_, i) =>
        buildRecord({
          creditCode: creditCodeFor(100_000 + i),
          name: `规模测试企业${i}`,
          platformKey: platforms[i % 4]!,
          kind: i % 10 < 7 ? 'industrial' : 'service',
          scale: i % 5 < 2 ? 'above' : 'below',
          landOwned: String(1 + ((i * 7919) % 200)),
          tax: String(((i * 104729) % 50_000) / 100),
          valueAdded: String(((i * 15485863) % 400_000) / 100),
          revenue: String(((i * 32452843) % 2_000_000) / 100 + 1),
          employees: String(5 + ((i * 7) % 500)),
          electricityKwh: String((i * 373587883) % 10_000_000),
          emissionsTons: i % 6 === 0 ? null : String(((i * 179424673) % 5000) / 100),
          producing: i % 50 !== 0,
        }),
      );
      await importYear(2026, records);
      // The page's way: a progress key with the run, polled while it runs (the reports seen must come in order).
      const key = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
      const running = send('eitc', 'POST', '/evaluations', { year: 2026, progressKey: key });
      const seen: string[] = [];
      let finished = false;
      void running.finally(() => (finished = true));
      while (!finished) {
        const poll = await send('eitc', 'GET', `/evaluations/progress/${key}`);
        if (poll.statusCode === 200 && seen.at(-1) !== poll.json().phase) seen.push(poll.json().phase);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const response = await running;
      expect(response.statusCode, response.body.slice(0, 500)).toBe(201);
      const run = response.json();
      const order = ['reading', 'scoring', 'writing', 'done'];
      expect(seen.map((phase) => order.indexOf(phase))).toEqual(
        [...seen.map((phase) => order.indexOf(phase))].sort((a, b) => a - b),
      );
      expect((await send('eitc', 'GET', `/evaluations/progress/${key}`)).json()).toEqual({
        phase: 'done',
        done: 10_000,
        total: 10_000,
      });
      expect(run.total).toBe(10_000);
      expect(run.counts.T).toBe(200); // every 50th is not producing
      expect((await send('eitc', 'GET', `/evaluations/${run.id}/results?pageSize=1`)).json().total).toBe(10_000);

      // The export reads in keyset batches of 2 000 across the three sets: every result once, each on its set's sheet.
      const exported = await send('eitc', 'GET', `/evaluations/${run.id}/results/export.xlsx`);
      expect(exported.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
      const sheets = workbook.worksheets.slice(1);
      const codes = sheets.flatMap((sheet) => sheet.getColumn(1).values.slice(2).map(String));
      expect(codes).toHaveLength(10_000);
      expect(new Set(codes).size).toBe(10_000);
      const perSet = Object.fromEntries(sheets.map((sheet) => [sheet.name, sheet.rowCount - 1]));
      // i % 10 in 0–6 is industrial, of which 0, 1, 5, 6 are 规上 (i % 5 < 2): 4 000 规上, 3 000 规下, 3 000 服务业.
      expect(perSet).toEqual({ 规上工业企业: 4000, 规下工业企业: 3000, 服务业企业: 3000 });
    },
  );

  it('reports its progress: records read in batches, scoring, results written, done; or failed with the reason', async () => {
    const reports: RunProgress[] = [];
    const eitc = (await actorOfUsername(t.database.db, 'eitc'))!;
    const run = await runEvaluation(t.database.db, eitc, { year: 2026 }, t.clock(), {
      onProgress: (progress) => reports.push(progress),
    });
    const phases = reports.map((report) => report.phase).filter((phase, i, all) => phase !== all[i - 1]);
    expect(phases).toEqual(['reading', 'scoring', 'writing', 'done']);
    expect(reports.filter((report) => report.phase === 'reading').map((report) => report.done)).toEqual([0, 10_000]);
    const writing = reports.filter((report) => report.phase === 'writing');
    // 10 000 results in COPY batches of 5 000, then the rectification list: the total counts both.
    expect(writing.map((report) => report.done)).toEqual([0, 5000, 10_000, writing[0]!.total]);
    expect(writing[0]!.total).toBeGreaterThan(10_000);
    expect(reports.at(-1)).toEqual({ phase: 'done', done: run.total, total: run.total });

    const failed: RunProgress[] = [];
    await expect(
      runEvaluation(t.database.db, eitc, { year: 2031 }, t.clock(), {
        onProgress: (progress) => failed.push(progress),
      }),
    ).rejects.toThrow('2031 年度还没有企业数据');
    expect(failed).toEqual([
      { phase: 'failed', done: 0, total: 0, message: '2031 年度还没有企业数据，请先导入该年度的企业数据再评价' },
    ]);
  });

  it('shows a run’s progress only to the eitc user who started it: 403 for others, waiting for a key not reported yet, 400 for a bad one', async () => {
    expect((await send('zn', 'GET', '/evaluations/progress/a1b2c3d4e5f60718293a4b5c6d7e8f90')).statusCode).toBe(403);
    const unknown = await send('eitc', 'GET', '/evaluations/progress/ffffffffffffffffffffffffffffffff');
    expect(unknown.statusCode).toBe(200);
    expect(unknown.json()).toEqual({ phase: 'waiting', done: 0, total: 0 });
    const bad = await send('eitc', 'GET', '/evaluations/progress/not-a-key');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('进度编号应为 32 位十六进制数字');
    const badRun = await send('eitc', 'POST', '/evaluations', { year: 2026, progressKey: 'XYZ' });
    expect(badRun.statusCode).toBe(400);
  });

  it('names every audit action it wrote', async () => {
    await expectEveryAuditActionNamed(t.database.db);
  });
});
