import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { creditCodeProblem, ENTERPRISE_RECORD_FIELD_LABELS, type EnterpriseRecordField } from '@pgs/domain';
import { DEMO_PASSWORD } from './support/app-server.ts';
import { loginAs, screenshot } from './support/browser.ts';
import { appInBrowser, type AppServer } from './support/suite.ts';
import {
  apiGet,
  chooseOption,
  columnOf,
  confirmPopconfirm,
  dataRows,
  downloadOf,
  expectText,
  followLink,
  loadWorkbook,
  POLL,
  toast,
} from './support/ui.ts';

/**
 * Issue #4 end to end: the eitc imports a year's enterprise figures (a file with a bad cell first, then fixed), runs
 * the 2025 evaluation, sees the counts and the D-share rule of every platform (R3.2), publishes it, opens the C/D
 * measures (R3.3) and exports the rectification list (R3.4); a 浙南 user then sees only 浙南. Runs on the demo data
 * like `npm start` (demo enterprises 2023–2025).
 */
let server: AppServer;
let page: Page;
appInBrowser((session) => ({ server, page } = session), { demoProjects: true });

type PageJson<T> = { items: T[]; total: number };
type Counts = Record<'A' | 'B' | 'C' | 'D' | 'T', number>;
type RunJson = {
  id: number;
  year: number;
  numberInYear: number;
  status: string;
  cityDShare: number;
  counts: Counts;
  platforms: Array<{ platformKey: string; dShare: number; ruleHolds: boolean; reason: string }>;
};
type ResultJson = { creditCode: string; name: string; platformKey: string | null; class: string };
type RectificationJson = {
  creditCode: string;
  name: string;
  platformKey: string | null;
  taxPerMu: string;
  track: string;
};

const api = <T>(path: string) => apiGet<T>(page, server.baseUrl, path);
const YEAR = 2025;

/** A valid 统一社会信用代码 of our own (body + the check character that fits), not one of the demo's. */
function creditCode(n: number): string {
  const body = `91330399${String(n).padStart(9, '0')}`;
  for (const c of '0123456789ABCDEFGHJKLMNPQRTUWXY') if (creditCodeProblem(body + c) === null) return body + c;
  throw new Error(`no check character for ${body}`);
}

const NEW_ENTERPRISES = [
  { creditCode: creditCode(4001), name: '温州瓯越精密阀门有限公司', platform: '浙南产业集聚区', tax: 312.5 },
  { creditCode: creditCode(4002), name: '温州鹿城承租电子有限公司', platform: '温州高新区(浙南科技城)', tax: 18.2 },
  { creditCode: creditCode(4003), name: '温州龙湾新材料科技有限公司', platform: '平台外', tax: 96 },
];

/**
 * Fills the template's data sheet: one row per new enterprise; `badTax` puts text in row 3's 实缴税收; `remark` adds a
 * column of the office's own (备注), which the import ignores and names in the dry run's warnings.
 */
async function filledTemplate(template: Buffer, badTax: boolean, remark = false): Promise<Buffer> {
  // The template's drop-downs cover all 200 000 importable rows; ExcelJS's reader would expand them cell by cell.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer, { ignoreNodes: ['dataValidations'] });
  const sheet = workbook.getWorksheet('企业年度数据') ?? workbook.worksheets[0]!;
  const remarkColumn = sheet.getRow(1).cellCount + 1;
  if (remark) sheet.getRow(1).getCell(remarkColumn).value = '备注';
  const column = (field: EnterpriseRecordField) => columnOf(sheet, ENTERPRISE_RECORD_FIELD_LABELS[field]);
  NEW_ENTERPRISES.forEach((enterprise, index) => {
    const row = sheet.getRow(index + 2);
    const tenant = index === 1;
    const cells: Partial<Record<EnterpriseRecordField, ExcelJS.CellValue>> = {
      creditCode: enterprise.creditCode,
      name: enterprise.name,
      platformKey: enterprise.platform,
      kind: '工业企业',
      scale: index === 2 ? '规下' : '规上',
      landOwned: tenant ? null : 30 + index * 10,
      landLeased: tenant ? 12 : null,
      tax: badTax && index === 1 ? '约18万' : enterprise.tax,
      valueAdded: enterprise.tax * 5,
      revenue: enterprise.tax * 20,
      rdExpense: enterprise.tax / 2,
      employees: 120 + index * 30,
      energyTce: 900,
      emissionsTons: 2.5,
      electricityKwh: 2_600_000,
      waterTons: 18_000,
      producing: '是',
      registeredOn: '2015-04-01',
      industryCode: '3443',
    };
    for (const [field, value] of Object.entries(cells))
      if (value !== null && value !== undefined) row.getCell(column(field as EnterpriseRecordField)).value = value;
    if (remark) row.getCell(remarkColumn).value = `联系人${index + 1}`;
    row.commit();
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Chooses a file for an antd Upload through the browser's own file chooser (as a user does). */
async function uploadThrough(testId: string, buffer: Buffer, name: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId(testId).click()]);
  await chooser.setFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
}

let runId = 0;

describe('existing enterprises and the yearly 亩均 evaluation in the browser', () => {
  it('the eitc imports a year: a bad cell is reported by row, column and message; fixed, the file is written', async () => {
    await loginAs(page, server.baseUrl, 'eitc', DEMO_PASSWORD);
    await page.getByTestId('menu-enterprises-import').click();
    await page.getByTestId('import-steps').waitFor();
    await followLink(page, `/enterprises/import?year=${YEAR}`);
    await expectText(page.getByTestId('import-year'), `${YEAR} 年`);
    const { buffer: template } = await downloadOf(page, page.getByTestId('import-template'));

    await uploadThrough('import-upload', await filledTemplate(template, true), '2025年企业数据.xlsx');
    await expectText(page.getByTestId('import-check-failed'), '发现 1 处错误');
    const errors = page.getByTestId('import-row-errors');
    await expectText(errors, '第 3 行');
    await expectText(errors, '实缴税收（万元）');
    await expectText(errors, '约18万');
    expect(await page.getByTestId('import-confirm').isDisabled()).toBe(true);
    await screenshot(page, 'enterprise-import-errors');

    await uploadThrough('import-reupload', await filledTemplate(template, false, true), '2025年企业数据-修正.xlsx');
    await expectText(page.getByTestId('import-check-passed'), '检查通过：3 行数据全部无误');
    // The office's own 备注 column does not stop the import: it is named as ignored.
    await expectText(page.getByTestId('import-warnings'), '已忽略 1 列：“备注”');
    await screenshot(page, 'enterprise-import-warning');
    await expectText(page.getByTestId('import-check-passed'), '新增 3 条');
    // Nothing is written by the dry run.
    expect((await api<PageJson<unknown>>(`/enterprises?year=${YEAR}&q=${NEW_ENTERPRISES[0]!.creditCode}`)).total).toBe(
      0,
    );
    // The answer of the real import is held back until the page has shown the server's own progress under the key it
    // sent (the file is in, the server has checked and written every row).
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/v1/enterprise-records/import?*', async (route) => {
      if (!route.request().url().includes('dryRun=false')) return route.fallback();
      const answer = await route.fetch();
      await released;
      await route.fulfill({ response: answer });
    });
    const written = page.waitForResponse(
      (r) => r.url().includes('/enterprise-records/import') && r.url().includes('dryRun=false'),
    );
    await page.getByTestId('import-confirm').click();
    await expectText(page.getByTestId('import-server-phase'), '已完成，已检查 3 行');
    await expectText(page.getByTestId('import-server-progress'), '100%');
    await screenshot(page, 'enterprise-import-server-progress');
    release();
    expect((await written).status()).toBe(200);
    await page.unroute('**/api/v1/enterprise-records/import?*');
    await expectText(page.getByTestId('import-written'), '新增 3 条，更新 0 条');
    await screenshot(page, 'enterprise-import-done');
    const tenant = await api<{ records: Array<{ year: number; landLeased: string | null; taxPerMu: string | null }> }>(
      `/enterprises/${NEW_ENTERPRISES[1]!.creditCode}`,
    );
    expect(tenant.records).toHaveLength(1);
    expect(Number(tenant.records[0]!.taxPerMu)).toBeCloseTo(18.2 / 12, 4);
  });

  it('the enterprise list shows the year with units, the sub-databases and an enterprise over the years', async () => {
    await page.getByTestId('import-to-list').click();
    await page.getByTestId('enterprise-table').waitFor();
    const all = await api<PageJson<{ creditCode: string }>>(`/enterprises?year=${YEAR}&pageSize=1`);
    await expectText(page.getByTestId('enterprise-total'), `共 ${all.total} 家企业`);
    await expectText(page.getByTestId('enterprise-table'), '亩均税收（万元/亩）');
    await screenshot(page, 'enterprise-list');

    await page.getByTestId('enterprise-subdb-tabs').getByText('低效产出类').click();
    await page.waitForURL((url) => url.searchParams.get('subDatabase') === 'low_efficiency');
    await expectText(page.getByTestId('enterprise-subdb-note'), '5 万元/亩');
    // The form's filters join the tab's: 规上 low-efficiency enterprises, each filter in the address (issue #11).
    await chooseOption(page, 'enterprise-filter-scale', '规上');
    await page.getByTestId('enterprise-search').click();
    await page.waitForURL((url) => url.searchParams.get('scale') === 'above');
    const low = await api<PageJson<{ creditCode: string }>>(
      `/enterprises?year=${YEAR}&subDatabase=low_efficiency&scale=above&pageSize=50`,
    );
    expect(low.total).toBeGreaterThan(0);
    const shownCodes = () =>
      page
        .locator('[data-testid="enterprise-table"] tbody tr[data-row-key]')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-row-key')));
    /** The list shows the 规上 low-efficiency enterprises: tab, field, count and rows (the filter, not the address). */
    const showsLowAbove = async () => {
      await expect
        .poll(() => page.getByRole('tab', { name: '低效产出类' }).getAttribute('aria-selected'), POLL)
        .toBe('true');
      await expectText(page.getByTestId('enterprise-filter-scale'), '规上');
      await expectText(page.getByTestId('enterprise-total'), `共 ${low.total} 家企业`);
      await expect.poll(shownCodes, POLL).toEqual(low.items.map((item) => item.creditCode));
    };
    await showsLowAbove();
    // R3.1's three land sub-databases are the parcel ledger's lists: their tab opens the ledger there (filterable,
    // exported to Excel), and Back returns to the enterprise list as it was.
    await page.getByTestId('subdb-land-vacated').click();
    await page.waitForURL((url) => url.pathname === '/parcels' && url.searchParams.get('subDatabase') === 'vacated');
    const vacated = await api<PageJson<{ code: string }>>('/parcels?subDatabase=vacated&pageSize=1');
    expect(vacated.total).toBeGreaterThan(0);
    await expectText(page.getByTestId('parcel-total'), `共 ${vacated.total} 宗地块`);
    await expect
      .poll(() => page.getByRole('tab', { name: '腾空改造子库' }).getAttribute('aria-selected'), POLL)
      .toBe('true');
    const landFile = await downloadOf(page, page.getByTestId('parcel-export'));
    expect(dataRows((await loadWorkbook(landFile.buffer)).worksheets[0]!)).toHaveLength(vacated.total);
    await screenshot(page, 'enterprise-land-subdb');
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('subDatabase') === 'low_efficiency');
    await showsLowAbove();
    await page.reload();
    await showsLowAbove();
    // A typed link with a kind and a platform the list does not know: those are ignored, the known filters kept.
    await page.goto(
      `${server.baseUrl}/enterprises?year=${YEAR}&subDatabase=low_efficiency&scale=above&kind=giant&platformKey=nowhere`,
    );
    await showsLowAbove();
    await expectText(page.getByTestId('enterprise-filter-kind'), '全部');
    await expectText(page.getByTestId('enterprise-filter-platform'), '全部');
    await page.getByTestId('subdb-land-approved_not_supplied').click();
    await page.waitForURL((url) => url.searchParams.get('subDatabase') === 'approved_not_supplied');
    const approved = await api<PageJson<{ code: string }>>('/parcels?subDatabase=approved_not_supplied&pageSize=1');
    await expectText(page.getByTestId('parcel-total'), `共 ${approved.total} 宗地块`);

    // An enterprise with three years of figures: its table and trend chart.
    const demo = await api<PageJson<{ creditCode: string; name: string }>>(`/enterprises?year=2023&pageSize=1`);
    const code = demo.items[0]?.creditCode ?? NEW_ENTERPRISES[0]!.creditCode;
    await followLink(page, `/enterprises/${code}`);
    await page.getByTestId('enterprise-trend').waitFor();
    const detail = await api<{ name: string; records: Array<{ year: number }> }>(`/enterprises/${code}`);
    await expectText(page.getByTestId('enterprise-name'), detail.name);
    for (const record of detail.records) await expectText(page.getByTestId('enterprise-figures'), `${record.year} 年`);
    await screenshot(page, 'enterprise-detail');
  });

  it('the eitc edits the method as percentages and simulates it before running', async () => {
    await page.getByTestId('side-menu').getByText('评价办法').click();
    await followLink(page, `/evaluations/method?year=${YEAR}`);
    await page.getByTestId('method-save').waitFor();
    await expectText(page.getByTestId('method-cuts-text'), 'A 类：组内前 20%');
    const cutA = page.locator('[data-testid="method-cut-A"] input, input[data-testid="method-cut-A"]').first();
    await cutA.fill('25');
    await expectText(page.getByTestId('method-cuts-text'), 'A 类：组内前 25%');
    const simulated = page.waitForResponse((r) => r.url().endsWith('/evaluations/simulate'));
    await page.getByTestId('method-simulate').click();
    const response = await simulated;
    expect(response.status()).toBe(200);
    // Sent as a fraction (D2), shown as a percentage.
    expect((response.request().postDataJSON() as { method: { cuts: { A: number } } }).method.cuts.A).toBe(0.25);
    const simulation = (await response.json()) as { changed: number };
    await expectText(page.getByTestId('simulation-changed'), `${simulation.changed} 家企业等级发生变化`);
    await screenshot(page, 'evaluation-method-simulation');

    // R3.2: 亩均税收 must weigh at least as much as any indicator outside the three named ones.
    const taxWeight = page
      .locator(
        '[data-testid="method-industrial_above-weight-0"] input, input[data-testid="method-industrial_above-weight-0"]',
      )
      .first();
    await taxWeight.fill('5');
    await expectText(page.getByTestId('method-problems'), '亩均税收的权重（5）低于');
    await screenshot(page, 'evaluation-method-problems', { fullPage: false });
    expect(await page.getByTestId('method-save').isDisabled()).toBe(true);
    await page.getByTestId('method-discard').click();
    await expectText(page.getByTestId('method-cuts-text'), 'A 类：组内前 20%');
  });

  it('the eitc runs the 2025 evaluation, sees the counts and every platform’s D-share rule, and publishes it', async () => {
    await followLink(page, `/evaluations?year=${YEAR}`);
    // The run's answer is held back until the wait dialog has been checked and photographed: the page polls the key
    // it sent with the run and shows the server's last report (here, the run being finished: done, 100 %).
    let progressKey = '';
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/v1/evaluations', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      progressKey = (route.request().postDataJSON() as { progressKey: string }).progressKey;
      const answer = await route.fetch();
      await released;
      await route.fulfill({ response: answer });
    });
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/evaluations') && r.request().method() === 'POST',
    );
    await page.getByTestId('run-start').click();
    await expectText(page.getByTestId('run-progress-phase'), '评价完成');
    await expectText(page.getByTestId('run-progress'), '100%');
    expect(progressKey).toMatch(/^[0-9a-f]{32}$/);
    expect(await api<{ phase: string }>(`/evaluations/progress/${progressKey}`)).toMatchObject({ phase: 'done' });
    await screenshot(page, 'evaluation-run-progress');
    release();
    const response = await created;
    await page.unroute('**/api/v1/evaluations');
    expect(response.status()).toBe(201);
    const run = (await response.json()) as RunJson;
    runId = run.id;
    await page.waitForURL((url) => url.searchParams.get('run') === String(runId));
    await expectText(page.getByTestId('run-title'), `${run.year}年第${run.numberInYear}次评价`);
    await expectText(page.getByTestId('run-status'), '草稿');
    for (const cls of ['A', 'B', 'C', 'D', 'T'] as const)
      await expectText(page.getByTestId('run-counts').getByTestId(`count-${cls}`), String(run.counts[cls]));
    const cityPercent = `${Math.round(run.cityDShare * 10000) / 100}%`;
    for (const platform of run.platforms) {
      const rule = page.getByTestId(`dshare-${platform.platformKey}`);
      await expectText(rule, `全市 D 类占比 ${cityPercent}，本平台 ${Math.round(platform.dShare * 10000) / 100}%`);
      await expectText(rule, platform.ruleHolds ? '符合' : '不符合');
      expect(await rule.getAttribute('data-holds')).toBe(String(platform.ruleHolds));
    }
    await page.getByTestId('class-distribution-chart').waitFor();
    // The toast would sit over the D-share table in the full-page screenshot.
    await toast(page, '已完成').waitFor({ state: 'hidden', timeout: 10_000 });
    await screenshot(page, 'evaluation-run');

    // Every number explains itself: a result expands to its indicators, rank and rule.
    const first = (
      await api<PageJson<ResultJson & { rank: number | null }>>(`/evaluations/${runId}/results?pageSize=20`)
    ).items.find((item) => item.rank !== null)!;
    await page
      .getByTestId('results-table')
      .locator(`tr[data-row-key="${first.creditCode}"] .ant-table-row-expand-icon`)
      .click();
    const explanation = page.getByTestId(`result-explanation-${first.creditCode}`);
    await expectText(explanation, '基准值');
    await expectText(explanation, '组内排名');
    await screenshot(page, 'evaluation-result-explained');

    await page.getByTestId('run-publish').click();
    await confirmPopconfirm(page, '发布');
    await toast(page, '已发布').waitFor();
    await expect.poll(async () => (await api<RunJson>(`/evaluations/${runId}`)).status, POLL).toBe('published');
    await expectText(page.getByTestId('run-status'), '已发布');
    await toast(page, '已发布').waitFor({ state: 'hidden', timeout: 10_000 });
  });

  it('the measures list shows C and D with amounts; the rectification list exports exactly its rows', async () => {
    await page.getByTestId('run-measures-link').click();
    await page.waitForURL((url) => url.pathname === `/evaluations/${runId}/measures`);
    const measures = await api<PageJson<{ creditCode: string; class: string }>>(
      `/evaluations/${runId}/measures?pageSize=1`,
    );
    await expectText(page.getByTestId('measures-total'), `共 ${measures.total} 家 C、D 类企业`);
    await expectText(page.getByTestId('measures-table'), '电价加价（万元/年）');
    await screenshot(page, 'evaluation-measures');

    await page.getByTestId('back-to-run').click();
    await page.getByTestId('run-rectification-link').click();
    await page.waitForURL((url) => url.pathname === `/evaluations/${runId}/rectification`);
    const expected = await api<PageJson<RectificationJson>>(`/evaluations/${runId}/rectification?pageSize=500`);
    await expectText(page.getByTestId('rectification-total'), `共 ${expected.total} 家企业`);
    await screenshot(page, 'evaluation-rectification');

    const { buffer } = await downloadOf(page, page.getByTestId('rectification-export'));
    const sheet = (await loadWorkbook(buffer)).worksheets[0]!;
    const rows = dataRows(sheet);
    const codeColumn = columnOf(sheet, '统一社会信用代码');
    const nameColumn = columnOf(sheet, '企业名称');
    const taxColumn = columnOf(sheet, '亩均税收（万元/亩）');
    expect(rows.map((row) => row.getCell(codeColumn).text)).toEqual(expected.items.map((item) => item.creditCode));
    expect(rows.map((row) => row.getCell(nameColumn).text)).toEqual(expected.items.map((item) => item.name));
    expect(rows.map((row) => Number(row.getCell(taxColumn).value))).toEqual(
      expected.items.map((item) => Number(item.taxPerMu)),
    );
  });

  it('a 浙南 user sees only 浙南 results of the published run', async () => {
    await loginAs(page, server.baseUrl, 'zn', DEMO_PASSWORD);
    await page.getByTestId('menu-evaluations').click();
    await followLink(page, `/evaluations?year=${YEAR}`);
    await expectText(page.getByTestId('run-title'), `${YEAR}年第`);
    expect(await page.getByTestId('results-filter-platform').count()).toBe(0);
    const results = await api<PageJson<ResultJson>>(`/evaluations/${runId}/results?pageSize=500`);
    expect(results.total).toBeGreaterThan(0);
    expect(new Set(results.items.map((item) => item.platformKey))).toEqual(new Set(['zhenan']));
    await expectText(page.getByTestId('results-total'), `共 ${results.total} 家企业`);
    const platforms = await page
      .getByTestId('results-table')
      .locator('tbody tr[data-row-key] td:nth-child(3)')
      .allInnerTexts();
    expect(platforms.length).toBeGreaterThan(0);
    expect(new Set(platforms.map((text) => text.trim()))).toEqual(new Set(['浙南']));
    const own = (await api<RunJson>(`/evaluations/${runId}`)).platforms.find(
      (platform) => platform.platformKey === 'zhenan',
    ) as unknown as { counts: Counts };
    for (const cls of ['A', 'B', 'C', 'D', 'T'] as const)
      await expectText(page.getByTestId('run-counts').getByTestId(`count-${cls}`), String(own.counts[cls]));
    await screenshot(page, 'evaluation-platform-user');

    // An enterprise's page shows its class in the published run, with the rule that set it.
    const result = results.items[0]!;
    await page.getByTestId(`result-link-${result.creditCode}`).click();
    await page.waitForURL((url) => url.pathname === `/enterprises/${result.creditCode}`);
    await expectText(page.getByTestId('enterprise-classes'), `${YEAR}`);
    await expectText(page.getByTestId('enterprise-classes'), `${result.class}类`);
    await screenshot(page, 'enterprise-detail-platform-user');

    await followLink(page, `/enterprises?year=${YEAR}`);
    await page.getByTestId('enterprise-table').waitFor();
    const enterprises = await api<PageJson<{ platformKey: string | null }>>(`/enterprises?year=${YEAR}&pageSize=500`);
    expect(new Set(enterprises.items.map((item) => item.platformKey))).toEqual(new Set(['zhenan']));
    await expectText(page.getByTestId('enterprise-total'), `共 ${enterprises.total} 家企业`);
  });
});
