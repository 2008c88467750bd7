import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './support/app-server.ts';
import { loginAs, screenshot } from './support/browser.ts';
import { appInBrowser, type AppServer } from './support/suite.ts';
import {
  apiGet,
  chooseOption,
  downloadOf,
  expectText,
  loadWorkbook,
  POLL,
  toast,
  todayInShanghai,
} from './support/ui.ts';

/**
 * Issue #12 (renewal tracks and industry profile) end to end on the demo data of `npm start`: the eitc's case board,
 * a technology upgrade refused beyond the original capacity then opened, steps recorded in order with a refused
 * date, a withdrawal cancelled with Esc then done; the overdue list as of a day; the catalog consequences; the
 * industry profile with its charts and the rows behind a figure; a platform user held to its own cases; the leader
 * read-only.
 */
let server: AppServer;
let page: Page;
appInBrowser((session) => ({ server, page } = session), { demoProjects: true });

const api = <T>(path: string) => apiGet<T>(page, server.baseUrl, path);
type CaseJson = {
  id: number;
  platformKey: string;
  status: string;
  version: number;
  overdue: boolean;
  openedOn: string;
  track?: string;
  parcelCode?: string | null;
};

/** Types a day into an antd DatePicker key by key and confirms it with Enter. */
async function typeDay(testId: string, day: string) {
  const input = page.locator(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`).first();
  await input.click();
  await input.press('Control+A');
  await input.pressSequentially(day, { delay: 20 });
  await input.press('Enter');
}

function dayPlus(day: string, days: number) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

let caseId = 0;

describe('renewal tracks in the browser', () => {
  it('the eitc sees the board by status, with overdue cases flagged', async () => {
    await loginAs(page, server.baseUrl, 'eitc', DEMO_PASSWORD);
    await page.getByTestId('menu-renewal').click();
    await page.getByTestId('renewal-board').waitFor();
    const all = await api<{ total: number; items: CaseJson[] }>('/renewal-cases?pageSize=500');
    expect(all.total).toBeGreaterThan(8);
    await expect.poll(() => page.getByTestId('overdue-tag').count(), POLL).toBeGreaterThan(0);
    await expectText(page.getByTestId('board-column-completed'), '已完成／已出清');
    await screenshot(page, 'renewal-board');
    // One track: only zombie cases remain on the board.
    await page.getByTestId('board-track').getByText('僵尸企业出清').click();
    const zombies = all.items.filter((c) => (c as unknown as { track: string }).track === 'zombie_exit').length;
    await expect.poll(() => page.locator('[data-testid^="case-card-"]').count(), POLL).toBe(zombies);
    // The exit that cleared vacated its plant's parcel on the land ledger: the case page links to that parcel's
    // page, which lists the cases naming it (read through the renewal API) with a link back.
    const cleared = all.items.find((c) => c.track === 'zombie_exit' && c.status === 'completed' && c.parcelCode)!;
    const named = all.items.filter((c) => c.parcelCode === cleared.parcelCode).length;
    await page.goto(`${server.baseUrl}/renewal/cases/${cleared.id}`);
    await expectText(page.getByTestId('case-parcel'), cleared.parcelCode!);
    await page.getByTestId('case-parcel').click();
    await page.waitForURL((url) => /^\/parcels\/\d+$/.test(url.pathname));
    await expectText(page.getByTestId('parcel-title'), `地块 ${cleared.parcelCode!}`);
    await expectText(page.locator('.ant-card-head').first(), '已腾空');
    const cases = page.getByTestId('parcel-cases');
    await expect.poll(() => cases.locator('.ant-table-tbody tr').count(), POLL).toBe(named);
    await expectText(cases, '僵尸企业出清');
    await screenshot(page, 'renewal-case-parcel');
    await cases.locator(`a[href="/renewal/cases/${cleared.id}"]`).click();
    await page.waitForURL((url) => url.pathname === `/renewal/cases/${cleared.id}`);
    await page.getByTestId('case-parcel').waitFor();
    // Back to the board, where the next steps start.
    await page.getByTestId('menu-renewal').click();
    await page.getByTestId('renewal-board').waitFor();
  });

  it('an upgrade beyond the original capacity is refused with the reason, then opened within it', async () => {
    const found = await api<{ items: Array<{ creditCode: string; caseId: number | null; track: string }> }>(
      '/renewal-cases/catalog-consequences?platformKey=zhenan',
    );
    const target = found.items.find((row) => row.track === 'catalog_upgrade' && row.caseId === null)!;
    expect(target).toBeDefined();
    await page.getByTestId('board-track').getByText('全部类型').click();
    await page.getByTestId('new-case').click();
    await page.getByTestId('new-case-form').waitFor();
    // A wrong code first, typed as people type: the server's message comes back.
    await page.getByTestId('case-credit-code').pressSequentially('91330300MA2HXXXX01', { delay: 15 });
    await chooseOption(page, 'case-track', '限制类企业技术改造');
    await page.getByTestId('case-department').pressSequentially('浙南经济发展局', { delay: 15 });
    await page.getByTestId('case-person').pressSequentially('黄志远', { delay: 15 });
    await typeDay('case-deadline', dayPlus(todayInShanghai(), 180));
    await page.getByTestId('case-original-capacity').pressSequentially('100', { delay: 15 });
    await page.getByTestId('case-planned-capacity').pressSequentially('120', { delay: 15 });
    await page.getByTestId('case-capacity-unit').pressSequentially('万件/年', { delay: 15 });
    await page.getByRole('button', { name: '立案' }).click();
    await toast(page, '统一社会信用代码').or(toast(page, '企业数据库中没有')).first().waitFor();
    await page.getByTestId('case-credit-code').fill('');
    await page.getByTestId('case-credit-code').pressSequentially(target.creditCode, { delay: 15 });
    await page.getByRole('button', { name: '立案' }).click();
    await toast(page, '超过原有产能 100').waitFor();
    await screenshot(page, 'renewal-new-case-refused', { fullPage: false });
    await page.getByTestId('case-planned-capacity').fill('');
    await page.getByTestId('case-planned-capacity').pressSequentially('100', { delay: 15 });
    await page.getByRole('button', { name: '立案' }).click();
    await toast(page, '技术改造：环保要求尚未确认满足').waitFor();
    for (const label of ['环保', '安全', '能耗']) {
      await page.locator('.ant-modal .ant-checkbox-wrapper', { hasText: label }).click();
    }
    const created = page.waitForResponse((r) => r.url().endsWith('/renewal-cases') && r.request().method() === 'POST');
    await page.getByRole('button', { name: '立案' }).click();
    expect((await created).status()).toBe(201);
    await page.waitForURL(/\/renewal\/cases\/\d+$/);
    caseId = Number(page.url().split('/').pop());
    await expectText(page.getByTestId('case-title'), '有限公司');
  });

  it('steps are recorded in order: a date before the opening is refused, then the step is recorded', async () => {
    const detail = await api<CaseJson>(`/renewal-cases/${caseId}`);
    await expectText(page.getByTestId('next-step-label'), '实施技术改造');
    await typeDay('step-date', dayPlus(detail.openedOn, -1));
    await page.getByTestId('step-note').pressSequentially('设备进场', { delay: 15 });
    await page.getByTestId('record-step').click();
    await toast(page, '早于立案日期').waitFor();
    await typeDay('step-date', todayInShanghai());
    const recorded = page.waitForResponse((r) => r.url().endsWith(`/renewal-cases/${caseId}/steps`));
    // Clicked twice: the second click goes with the same version and is refused as stale, nothing recorded twice.
    await page.getByTestId('record-step').click();
    expect((await recorded).status()).toBe(200);
    await expectText(page.getByTestId('next-step-label'), '竣工验收');
    await expectText(page.getByTestId('case-steps'), '设备进场');
    await screenshot(page, 'renewal-case');
  });

  it('a withdrawal needs a reason; Esc cancels it; then the case is withdrawn', async () => {
    await page.getByTestId('withdraw-case').click();
    await page.getByTestId('withdraw-reason').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('withdraw-reason').waitFor({ state: 'hidden' });
    expect((await api<CaseJson>(`/renewal-cases/${caseId}`)).status).toBe('in_progress');
    await page.getByTestId('withdraw-case').click();
    await page.getByTestId('withdraw-reason').pressSequentially('企业改为整体搬迁', { delay: 15 });
    await page.getByRole('button', { name: '撤销', exact: true }).click();
    await expect.poll(async () => (await api<CaseJson>(`/renewal-cases/${caseId}`)).status, POLL).toBe('withdrawn');
    await expectText(page.locator('body'), '企业改为整体搬迁');
  });

  it('the overdue list per platform and department, as of a day the user picks', async () => {
    await page.getByTestId('menu-renewal-overdue').click();
    const today = await api<{ total: number }>('/renewal-cases/overdue');
    await expectText(page.getByTestId('overdue-total'), `共 ${today.total} 件逾期`);
    expect(today.total).toBeGreaterThan(0);
    await screenshot(page, 'renewal-overdue');
    const early = await api<{ total: number }>('/renewal-cases/overdue?asOf=2020-01-01');
    await typeDay('overdue-as-of', '2020-01-01');
    await expectText(page.getByTestId('overdue-total'), `共 ${early.total} 件逾期`);
    const { buffer } = await downloadOf(page, page.getByTestId('export-overdue'));
    expect((await loadWorkbook(buffer)).worksheets[0]!.getRow(1).getCell(3).value).toBe('企业名称');
  });

  it('candidates and catalog consequences', async () => {
    await page.getByTestId('menu-renewal-candidates').click();
    await expectText(page.locator('body'), '都已立案');
    await page.getByTestId('menu-renewal-catalog-consequences').click();
    await expectText(page.getByTestId('consequences-summary'), '现行目录');
    await expectText(page.locator('.ant-table').first(), '限制类');
    await expectText(page.getByTestId('consequences-change'), '暂无变化可比');
    await screenshot(page, 'renewal-consequences');
  });

  it('the industry profile: totals, charts, the rows behind a figure, the export', async () => {
    await page.getByTestId('menu-renewal-industry-profile').click();
    const profile = await api<{
      year: number;
      total: { figures: { enterprises: { value: string } } };
      byDivision: Array<{ key: string }>;
      futureSpace: { total: string; rows: unknown[] };
    }>('/industry-profiles/zhenan');
    await expectText(page.getByTestId('profile-year'), `${profile.year} 年度`);
    await expectText(page.getByTestId('total-enterprises'), profile.total.figures.enterprises.value);
    await page.getByTestId('chart-leading').locator('canvas').waitFor();
    // The future space is the parcel ledger's land (the demo parcels of 浙南), each kind opening its parcels.
    expect(profile.futureSpace.rows.length).toBeGreaterThan(0);
    await expectText(page.getByTestId('profile-space'), `合计 ${profile.futureSpace.total} 亩`);
    expect(
      await page.getByTestId('profile-space').getByRole('link', { name: '查看腾空地块' }).getAttribute('href'),
    ).toBe('/parcels?platformKey=zhenan&subDatabase=vacated');
    await screenshot(page, 'renewal-profile');
    const key = profile.byDivision[0]!.key;
    const rows = await api<{ items: unknown[] }>(`/industry-profiles/zhenan/enterprises?by=division&key=${key}`);
    await page.getByTestId(`drill-division-${key}`).click();
    await expect
      .poll(() => page.getByTestId('drill-table').locator('tbody tr.ant-table-row').count(), POLL)
      .toBe(Math.min(rows.items.length, 20));
    await screenshot(page, 'renewal-profile-drill', { fullPage: false });
    await page.keyboard.press('Escape');
    await page.getByTestId('drill-table').waitFor({ state: 'hidden' });
    const { buffer } = await downloadOf(page, page.getByTestId('export-profile'));
    expect((await loadWorkbook(buffer)).worksheets[0]!.getRow(2).getCell(3).value).toBe('合计');
  });

  it('a platform user sees only its own cases; another platform’s case is not found; the leader only reads', async () => {
    await loginAs(page, server.baseUrl, 'ojk', DEMO_PASSWORD);
    await page.getByTestId('menu-renewal').click();
    await page.getByTestId('renewal-board').waitFor();
    const own = await api<{ items: CaseJson[] }>('/renewal-cases?pageSize=500');
    expect(own.items.every((c) => c.platformKey === 'oujiangkou')).toBe(true);
    await page.goto(`${server.baseUrl}/renewal/cases/${caseId}`);
    await expectText(page.locator('body'), '没有找到这个案件');
    await page.goBack();
    await page.getByTestId('renewal-board').waitFor();
    await loginAs(page, server.baseUrl, 'leader', DEMO_PASSWORD);
    await page.getByTestId('menu-renewal').click();
    await page.getByTestId('renewal-board').waitFor();
    expect(await page.getByTestId('new-case').count()).toBe(0);
    await page.goto(`${server.baseUrl}/renewal/cases/${caseId}`);
    await expectText(page.getByTestId('case-title'), '有限公司');
    expect(await page.getByTestId('record-step').count()).toBe(0);
  });
});
