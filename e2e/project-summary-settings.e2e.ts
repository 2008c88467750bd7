import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './support/app-server.ts';
import { loginAs, screenshot } from './support/browser.ts';
import { appInBrowser, type AppServer } from './support/suite.ts';
import {
  apiGet,
  confirmPopconfirm,
  chooseOption,
  columnOf,
  dataRows,
  downloadOf,
  loadWorkbook,
  expectText,
  POLL,
  todayInShanghai,
  toast,
} from './support/ui.ts';

/**
 * The annual investment summary (R2.5–R2.6) and the bureau's project settings (negotiation window, evaluation
 * sheet), on the ~60 demo projects: the table and the total are the API's, the Excel export holds the same rows,
 * a platform user sees only its own platform; a settings change is saved with a new version, and a sheet
 * missing one of R2.2's five dimensions cannot be saved.
 */
let server: AppServer;
let page: Page;

type SummaryJson = {
  platformKey: string;
  year: number;
  projects: Array<{ id: number; name: string; status: string; credit: number; counted: boolean; reason: string }>;
  totalCredit: number;
};
type SettingsJson = {
  negotiationWindowDays: number;
  version: number;
  updatedBy: string | null;
  evaluationSheet: { items: Array<{ dimension: string }> };
};

/** The demo projects land in 2026 (packages/server/src/demo/demo-projects.ts: landed on 2026-06-20 … 2026-10-20). */
/** The demo's landings lie in the last year before today, and the circulated project lands today (stage days end today). */
const DEMO_LANDED_YEAR = Number(todayInShanghai().slice(0, 4));

appInBrowser((session) => ({ server, page } = session), { demoProjects: true });

const api = <T>(path: string) => apiGet<T>(page, server.baseUrl, path);

async function signIn(username: string) {
  await loginAs(page, server.baseUrl, username, DEMO_PASSWORD);
  await page.getByTestId('header-bar').waitFor();
}

async function signOut() {
  await page.getByTestId('logout-button').click();
  await page.waitForURL((url) => url.pathname === '/login');
  await page.getByTestId('login-card').waitFor();
}

type ProjectJson = {
  id: number;
  name: string;
  status: string;
  platformKey: string;
  reportedPlatformKey: string;
  version: number;
};

/**
 * The demo's one circulation (浙南 → 高新区, 首谈地 share 0.4) is still open: 高新区 (gxq, its platform now) lands it,
 * so 浙南's summary holds a shared credit (R2.5) beside its own whole ones.
 */
async function landCirculatedProject(): Promise<ProjectJson> {
  await signIn('gxq');
  const { items } = await api<{ items: ProjectJson[] }>('/projects?platformKey=hitech&pageSize=200');
  let project = items.find((each) => each.reportedPlatformKey === 'zhenan' && each.platformKey === 'hitech');
  expect(project, 'the demo circulation 浙南 → 高新区').toBeDefined();
  const path = ['tracked', 'negotiating', 'signed', 'landed'];
  for (const to of path.slice(path.indexOf(project!.status) + 1)) {
    const response = await page.request.post(`${server.baseUrl}/api/v1/projects/${project!.id}/transitions`, {
      data: { to, version: project!.version },
    });
    expect(response.status(), `move #${project!.id} to ${to}: ${await response.text()}`).toBe(200);
    project = (await response.json()) as ProjectJson;
  }
  expect(project!.status).toBe('landed');
  await signOut();
  return project!;
}

/** The texts of one column of the rows a table now shows (1-based column number). */
function columnTexts(tableTestId: string, column: number) {
  return page
    .locator(`[data-testid="${tableTestId}"] .ant-table-tbody tr.ant-table-row td:nth-child(${column})`)
    .allInnerTexts();
}

/** The <input> of an antd InputNumber carrying `testId` (on the input itself or on its wrapper). */
function numberInput(testId: string) {
  return page.locator(`[data-testid="${testId}"]`).locator('xpath=descendant-or-self::input').first();
}

describe('projects: annual investment summary and project settings', () => {
  it('the bureau reads 浙南’s annual summary as the API counts it and exports it; zn sees only 浙南', async () => {
    const circulated = await landCirculatedProject();
    await signIn('bureau');
    await page.getByTestId('menu-projects-summary').click();
    await page.waitForURL((url) => url.pathname === '/projects/summary');
    await expectText(page.getByTestId('page-title'), '年度招商完成情况');
    // The year starts at the current one (Asia/Shanghai); the bureau starts on the first platform and may pick any.
    await expectText(page.getByTestId('summary-year'), `${todayInShanghai().slice(0, 4)} 年`);
    await expectText(page.getByTestId('summary-platform'), '瓯江口产业集聚区');
    await chooseOption(page, 'summary-platform', '浙南产业集聚区');
    await chooseOption(page, 'summary-year', `${DEMO_LANDED_YEAR} 年`);
    // The choice is kept in the address (the year only when it differs from the current one).
    await page.waitForURL((url) => url.searchParams.get('platform') === 'zhenan');

    const summary = await api<SummaryJson>(`/platforms/zhenan/investment-summary?year=${DEMO_LANDED_YEAR}`);
    expect(summary.projects.length).toBeGreaterThan(0);
    expect(summary.totalCredit).toBeGreaterThan(0);
    await expectText(page.getByTestId('summary-table'), `共 ${summary.projects.length} 个项目`);
    await expect
      .poll(() => columnTexts('summary-table', 1), POLL)
      .toEqual(summary.projects.map((project) => project.name));
    expect(await columnTexts('summary-table', 3)).toEqual(summary.projects.map((project) => String(project.credit)));
    expect(await columnTexts('summary-table', 4)).toEqual(
      summary.projects.map((project) => (project.counted ? '计入' : '不计入')),
    );
    expect(await columnTexts('summary-table', 5)).toEqual(summary.projects.map((project) => project.reason));
    // The cards: the total credit is the API's, the two counts split the rows.
    const counted = summary.projects.filter((project) => project.counted).length;
    await expect
      .poll(() => page.locator('[data-testid="summary-total-credit"] .ant-statistic-content-value').innerText(), POLL)
      .toBe(String(summary.totalCredit));
    expect(await page.locator('[data-testid="summary-counted"] .ant-statistic-content-value').innerText()).toBe(
      String(counted),
    );
    expect(await page.locator('[data-testid="summary-not-counted"] .ant-statistic-content-value').innerText()).toBe(
      String(summary.projects.length - counted),
    );
    await expectText(page.getByTestId('summary-explanation'), '不计入年度招商引资任务完成数');
    expect(await page.locator('main, body').first().innerText()).not.toMatch(/\bR\d\.\d|\bD\d{1,2}\b|接口|服务器/);
    // The circulated project counts for 浙南 with its share only, and says why when pointed at.
    const shared = summary.projects.find((project) => project.id === circulated.id);
    expect(shared).toMatchObject({ credit: 0.4, counted: true });
    const sharedRow = page
      .locator('[data-testid="summary-table"] tr.ant-table-row')
      .filter({ hasText: circulated.name });
    await sharedRow.locator('td:nth-child(3) .ant-typography').hover();
    await expectText(page.locator('.ant-tooltip:not(.ant-tooltip-hidden)'), '流转项目按分成比例计分');
    await page.mouse.move(0, 0);
    // A project's name opens its own page.
    const first = summary.projects[0]!;
    expect(await page.getByTestId(`summary-link-${first.id}`).getAttribute('href')).toBe(`/projects/${first.id}`);

    // The three platforms side by side: the chart (a canvas) states each platform's total in its label.
    const chart = page.getByTestId('summary-chart');
    await chart.locator('canvas').first().waitFor();
    const totals = await Promise.all(
      (['oujiangkou', 'zhenan', 'hitech'] as const).map(
        async (key) =>
          (await api<SummaryJson>(`/platforms/${key}/investment-summary?year=${DEMO_LANDED_YEAR}`)).totalCredit,
      ),
    );
    await expect
      .poll(() => chart.getAttribute('aria-label'), POLL)
      .toBe(`合计计分：瓯江口 ${totals[0]}，浙南 ${totals[1]}，高新区 ${totals[2]}`);
    await screenshot(page, 'project-summary');

    // The export: the server's workbook, one row per project as the table shows it, then the total row.
    const { download, buffer } = await downloadOf(page, page.getByTestId('summary-export'));
    expect(download.suggestedFilename()).toBe(`年度招商完成情况-浙南产业集聚区-${DEMO_LANDED_YEAR}.xlsx`);
    const sheet = (await loadWorkbook(buffer)).worksheets[0]!;
    const rows = dataRows(sheet);
    expect(rows).toHaveLength(summary.projects.length + 1);
    const idColumn = columnOf(sheet, '项目编号');
    const creditColumn = columnOf(sheet, '计分');
    expect(rows.slice(0, -1).map((row) => Number(row.getCell(idColumn).value))).toEqual(
      summary.projects.map((project) => project.id),
    );
    expect(rows.slice(0, -1).map((row) => row.getCell(columnOf(sheet, '项目名称')).text)).toEqual(
      summary.projects.map((project) => project.name),
    );
    expect(rows.slice(0, -1).map((row) => Number(row.getCell(creditColumn).value))).toEqual(
      summary.projects.map((project) => project.credit),
    );
    expect(rows.at(-1)!.getCell(columnOf(sheet, '项目名称')).text).toBe('合计');
    expect(Number(rows.at(-1)!.getCell(creditColumn).value)).toBe(summary.totalCredit);
    await signOut();

    // zn: fixed to 浙南, no other platform to choose, no comparison chart; the API refuses another platform.
    await signIn('zn');
    await page.getByTestId('menu-projects-summary').click();
    await page.waitForURL((url) => url.pathname === '/projects/summary');
    const selector = page.getByTestId('summary-platform');
    await expectText(selector, '浙南产业集聚区');
    await expect.poll(() => selector.getAttribute('class'), POLL).toContain('ant-select-disabled');
    expect(await page.getByTestId('summary-chart').count()).toBe(0);
    await chooseOption(page, 'summary-year', `${DEMO_LANDED_YEAR} 年`);
    await expect
      .poll(() => columnTexts('summary-table', 1), POLL)
      .toEqual(summary.projects.map((project) => project.name));
    // Another platform in the address changes nothing.
    await page.goto(`${server.baseUrl}/projects/summary?platform=hitech&year=${DEMO_LANDED_YEAR}`);
    await expectText(page.getByTestId('summary-platform'), '浙南产业集聚区');
    await expect
      .poll(() => columnTexts('summary-table', 1), POLL)
      .toEqual(summary.projects.map((project) => project.name));
    expect(
      (
        await page.request.get(`${server.baseUrl}/api/v1/platforms/hitech/investment-summary?year=${DEMO_LANDED_YEAR}`)
      ).status(),
    ).toBe(403);
    await screenshot(page, 'project-summary-platform-user');
    await signOut();
  });

  it('the bureau sets a 90-day window, cannot save a sheet without 科技含量, and restores the default sheet', async () => {
    await signIn('bureau');
    await page.getByTestId('menu-projects-settings').click();
    await page.waitForURL((url) => url.pathname === '/projects/settings');
    await expectText(page.getByTestId('page-title'), '项目设置');
    const before = await api<SettingsJson>('/project-settings');
    await expectText(
      page.getByTestId('settings-version'),
      before.updatedBy ? `当前版本 v${before.version}` : '尚未修改，使用系统默认值',
    );
    const days = numberInput('settings-window-days');
    expect(await days.inputValue()).toBe(String(before.negotiationWindowDays));

    // 90 days, saved: a new version by the bureau.
    await days.fill('90');
    await days.blur();
    const saved = page.waitForResponse(
      (response) => response.url().endsWith('/api/v1/project-settings') && response.request().method() === 'PUT',
    );
    await page.getByTestId('settings-save').click();
    expect((await saved).status()).toBe(200);
    await toast(page, '已保存').waitFor();
    await toast(page, '已保存').waitFor({ state: 'detached', timeout: POLL.timeout });
    await expectText(page.getByTestId('settings-version'), `当前版本 v${before.version + 1}，市招商局`);
    const after = await api<SettingsJson>('/project-settings');
    expect(after).toMatchObject({ negotiationWindowDays: 90, version: before.version + 1, updatedBy: 'bureau' });
    await screenshot(page, 'project-settings-saved', { fullPage: true });
    expect(await numberInput('settings-window-days').inputValue()).toBe('90');

    // The undo window is typed key by key (cleared, a digit, another); no raw item codes anywhere on the page.
    const undoDays = numberInput('settings-undo-days');
    expect(await undoDays.inputValue()).toBe('7');
    await undoDays.press('Control+A');
    await undoDays.press('Backspace');
    await expectText(page.getByTestId('settings-problems'), '请填写撤销期限');
    await undoDays.pressSequentially('14', { delay: 30 });
    await undoDays.blur();
    const savedUndo = page.waitForResponse(
      (response) => response.url().endsWith('/api/v1/project-settings') && response.request().method() === 'PUT',
    );
    await page.getByTestId('settings-save').click();
    expect((await savedUndo).status()).toBe(200);
    await expect
      .poll(
        async () => (await api<SettingsJson & { undoWindowDays: number }>('/project-settings')).undoWindowDays,
        POLL,
      )
      .toBe(14);
    expect(await page.getByTestId('settings-item-code').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toMatch(
      /industry_class|investment_intensity|tax_scale|item_[a-z0-9]/,
    );

    // Without any 科技含量 item the sheet is refused (R2.2's five dimensions): the problem is listed, save is off.
    const items = page.locator('[data-testid="settings-items"] .ant-table-tbody tr.ant-table-row');
    const technology = page.locator('[data-testid="settings-item-remove"][data-dimension="technology"]');
    const itemCount = await items.count();
    const technologyCount = await technology.count();
    expect(technologyCount).toBe(after.evaluationSheet.items.filter((item) => item.dimension === 'technology').length);
    expect(technologyCount).toBeGreaterThan(0);
    while ((await technology.count()) > 0) await technology.first().click();
    await expect.poll(() => items.count(), POLL).toBe(itemCount - technologyCount);
    await expectText(page.getByTestId('settings-problems'), '评分表缺少“科技含量”维度的评分项');
    await expect.poll(() => page.getByTestId('settings-save').isDisabled(), POLL).toBe(true);
    await expectText(page.getByTestId('settings-total-marks'), '85');
    await screenshot(page, 'project-settings-problems');

    // The default sheet comes back: eleven items, 100 points, nothing to fix, save enabled again.
    await page.getByTestId('settings-reset-default').click();
    await confirmPopconfirm(page, '恢复');
    await expect.poll(() => items.count(), POLL).toBe(11);
    await expect.poll(() => page.getByTestId('settings-problems').count(), POLL).toBe(0);
    await expect.poll(() => page.getByTestId('settings-save').isEnabled(), POLL).toBe(true);
    await expectText(page.getByTestId('settings-total-marks'), '100');
    await toast(page, '已填入系统默认评分表').waitFor({ state: 'detached', timeout: POLL.timeout });
    expect(await numberInput('settings-pass-mark').inputValue()).toBe('60');
    await screenshot(page, 'project-settings');
  });
});
