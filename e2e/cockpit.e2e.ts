import { describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import type { CockpitView } from '@pgs/domain';
import { DEMO_PASSWORD } from './support/app-server.ts';
import { loginAs, screenshot } from './support/browser.ts';
import { appInBrowser, type AppServer } from './support/suite.ts';
import { apiGet, downloadOf, expectText, followLink, loadWorkbook, POLL, todayInShanghai } from './support/ui.ts';
import { hoverOnWenzhouMap, type WenzhouMapJson } from './support/wenzhou-map.ts';

/**
 * 驾驶舱 (issue #14) in the browser, acting as the leader on the demo data: every number explains itself, a click
 * opens it for the three platforms side by side and leads to the rows behind it on the module's own list page (the
 * count there equals the figure), Back returns; the year changes the figures; the export opens in Excel; full-screen
 * mode for a wall screen; a platform sees its own column; the bureau has no cockpit.
 */
// The demo server's first start took over two minutes on the shared machine (as in assessment.e2e.ts).
vi.setConfig({ hookTimeout: 400_000 });
let server: AppServer;
let page: Page;
appInBrowser((session) => ({ server, page } = session), { demoProjects: true });

const year = Number(todayInShanghai().slice(0, 4));
const cockpit = (query = '') => apiGet<CockpitView>(page, server.baseUrl, `/cockpit?year=${year}${query}`);

describe('the leadership cockpit in the browser (issue #14)', () => {
  it('the leader sees the cockpit on the 工作台 and opens it from the menu; each number has its explanation', async () => {
    await loginAs(page, server.baseUrl, 'leader', DEMO_PASSWORD);
    // The leader's 工作台 (/, the first page after sign-in) is the cockpit: its tiles, the city's figures, a column
    // switch, each tile opening its drawer; the other cards stay below.
    expect(new URL(page.url()).pathname).toBe('/');
    const home = page.getByTestId('home-cockpit');
    const first = await cockpit();
    await expectText(home.getByTestId('figure-pipelineOpen'), String(first.city!.pipeline.openCount));
    await expectText(home.getByTestId('figure-landedCredit'), String(Number(first.city!.landed.credit)));
    await page.getByTestId('home-stages').waitFor();
    await page.getByTestId('home-cockpit-column').click();
    await page.locator('.ant-select-dropdown:visible').getByText('浙南产业集聚区', { exact: true }).click();
    const zhenanFirst = first.platforms.find((p) => p.platformKey === 'zhenan')!.figures;
    await expectText(home.getByTestId('figure-pipelineOpen'), String(zhenanFirst.pipeline.openCount));
    await screenshot(page, 'cockpit-home-leader');
    await home.getByTestId('figure-renewalOverdue').click();
    const homeDrawer = page.getByTestId('figure-drawer');
    await expectText(homeDrawer, '温州高新区');
    await page.keyboard.press('Escape');
    await expect.poll(async () => homeDrawer.isVisible(), POLL).toBe(false);
    await page.getByTestId('menu-cockpit').click();
    await page.getByTestId('cockpit-page').waitFor();
    const view = await cockpit();
    const tile = page.getByTestId('figure-pipelineOpen');
    await expectText(tile, String(view.city!.pipeline.openCount));
    await page.getByRole('img', { name: '在谈在库项目的说明' }).hover();
    await expectText(page.locator('.ant-tooltip'), '首报登记的项目中当前尚未落地');
    await page.mouse.move(0, 0);
    await screenshot(page, 'cockpit-city');
  });

  it('a figure clicked opens the platforms side by side and leads to its rows; Esc closes; Back returns', async () => {
    const view = await cockpit();
    const zhenan = view.platforms.find((p) => p.platformKey === 'zhenan')!.figures;
    await page.getByTestId('figure-landApproved').click();
    const drawer = page.getByTestId('figure-drawer');
    await expectText(drawer, '批而未供');
    await expectText(drawer, '浙南产业集聚区');
    await screenshot(page, 'cockpit-figure-drawer', { fullPage: false });
    await page.keyboard.press('Escape');
    await expect.poll(async () => drawer.isVisible(), POLL).toBe(false);
    // Opened twice (a double click on the tile opens one drawer, not two).
    const tile = page.getByTestId('figure-landApproved');
    await tile.dblclick();
    // One drawer, and still open: the second click of the double click does not close what the first opened.
    await expect.poll(async () => page.getByTestId('figure-drawer').count(), POLL).toBe(1);
    await page.waitForTimeout(600);
    expect(await drawer.isVisible()).toBe(true);
    await page.getByTestId('figure-rows-zhenan').click();
    await page.waitForURL((url) => url.pathname === '/parcels');
    expect(new URL(page.url()).searchParams.get('subDatabase')).toBe('approved_not_supplied');
    await expectText(page.getByTestId('parcel-total'), `共 ${zhenan.land.approvedNotSupplied.count} 宗地块`);
    await screenshot(page, 'cockpit-rows-parcels');
    await page.goBack();
    await page.getByTestId('cockpit-page').waitFor();
    await expectText(page.getByTestId('figure-landApproved'), String(view.city!.land.approvedNotSupplied.count));
  });

  it('a platform column chosen shows its own figures; the year changes them; the export opens in Excel', async () => {
    const view = await cockpit();
    await page.getByTestId('cockpit-column').getByText('浙南产业集聚区').click();
    const zhenan = view.platforms.find((p) => p.platformKey === 'zhenan')!.figures;
    await expectText(page.getByTestId('figure-pipelineOpen'), String(zhenan.pipeline.openCount));
    await page.getByTestId('cockpit-year').click();
    await page
      .locator('.ant-select-dropdown:visible')
      .getByText(`${year - 1} 年`, { exact: true })
      .click();
    await expect.poll(() => new URL(page.url()).searchParams.get('year'), POLL).toBe(String(year - 1));
    const asOf = page.locator('input[data-testid="cockpit-asof"]');
    await expect.poll(async () => asOf.inputValue(), POLL).toBe(`${year - 1}-12-31`);
    // A day typed key by key: the figures follow it (landed projects counted to that day).
    await asOf.click();
    await asOf.press('Control+A');
    await asOf.pressSequentially(`${year - 1}-06-30`, { delay: 20 });
    await asOf.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('asOf'), POLL).toBe(`${year - 1}-06-30`);
    const mid = await apiGet<CockpitView>(page, server.baseUrl, `/cockpit?year=${year - 1}&asOf=${year - 1}-06-30`);
    const midZhenan = mid.platforms.find((p) => p.platformKey === 'zhenan')!.figures;
    await expectText(page.getByTestId('figure-landedCredit'), String(Number(midZhenan.landed.credit)));
    // A past day says what it still counts from today's rows (the modules keep no history of those).
    await expectText(page.getByTestId('cockpit-as-of-notes'), '项目总投资、地块面积按当前台账计');
    await asOf.click();
    await asOf.press('Control+A');
    await asOf.pressSequentially(`${year - 1}-12-31`, { delay: 20 });
    await asOf.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('asOf'), POLL).toBe(`${year - 1}-12-31`);
    // The page has drawn that day's figures (the export button then exports that day, not the one before).
    await expectText(page.getByTestId('cockpit-page'), `数据截至 ${year - 1}-12-31。`);
    const { download, buffer } = await downloadOf(page, page.getByTestId('cockpit-export'));
    expect(download.suggestedFilename()).toContain(`${year - 1}年驾驶舱指标`);
    const workbook = await loadWorkbook(buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      `${year - 1}年驾驶舱（截至${year - 1}-12-31）`,
      '20亿元以上落地项目',
      '考核预警',
    ]);
    const labels = workbook.worksheets[0]!.getColumn(2).values.map(String);
    expect(labels).toContain('在谈在库项目');
    expect(labels).toContain('重点任务逾期');
  });

  /** The parcels' stage key sits under the map's canvas, not over it (it covered 平阳县 at the map's bottom). */
  async function expectLegendBelowMap() {
    const legend = page.getByTestId('cockpit-map-legend');
    await legend.waitFor();
    const mapBox = (await page.getByTestId('cockpit-map').boundingBox())!;
    const legendBox = (await legend.boundingBox())!;
    expect(legendBox.y).toBeGreaterThanOrEqual(mapBox.y + mapBox.height);
  }

  it('full-screen mode for a wall screen shows the map; Esc leaves it; the button too', async () => {
    await page.getByTestId('cockpit-fullscreen').click();
    await expectText(page.getByTestId('cockpit-fullscreen'), '退出全屏');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null), POLL).toBe(true);
    // The map is inside what goes full screen, drawn to the taller wall-screen height.
    const map = page.getByTestId('cockpit-map');
    await map.locator('canvas').waitFor();
    await expect.poll(async () => (await map.boundingBox())?.height ?? 0, POLL).toBeGreaterThanOrEqual(550);
    await expectLegendBelowMap();
    await screenshot(page, 'cockpit-fullscreen', { fullPage: false, chartAnimationMs: 800 });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null), POLL).toBe(false);
    await expectText(page.getByTestId('cockpit-fullscreen'), '全屏展示');
    await page.getByTestId('cockpit-fullscreen').click();
    await expectText(page.getByTestId('cockpit-fullscreen'), '退出全屏');
    await page.getByTestId('cockpit-fullscreen').click();
    await expectText(page.getByTestId('cockpit-fullscreen'), '全屏展示');
  });

  it("the Wenzhou map: each platform's figures on hover, a click chooses its column", async () => {
    await page.goto(`${server.baseUrl}/cockpit?year=${year}`);
    const chart = page.getByTestId('cockpit-map');
    await chart.locator('canvas').waitFor();
    const view = await cockpit();
    const map = await apiGet<WenzhouMapJson>(page, server.baseUrl, '/targets/map/wenzhou');
    const zhenan = view.platforms.find((p) => p.platformKey === 'zhenan')!;
    const point = map.platforms.find((p) => p.platformKey === 'zhenan')!.point;
    await expectLegendBelowMap();
    await page.waitForTimeout(800);
    const tooltip = await hoverOnWenzhouMap(page, 'cockpit-map', point, map, '本年落地计数');
    await expectText(tooltip, zhenan.platformName);
    await expectText(tooltip, `本年落地计数：${Number(zhenan.figures.landed.credit)} 个`);
    await expectText(tooltip, `在谈在库项目：${zhenan.figures.pipeline.openCount} 个`);
    const idle = map.parcels.points.filter((p) => p.platformKey === 'zhenan' && p.idle !== 'normal');
    await expectText(tooltip, `闲置或可收回地块：${idle.length} 宗`);
    await screenshot(page, 'cockpit-map-hover', { fullPage: false });
    // A click on the platform chooses its column: the tiles show 浙南's figures.
    await page.mouse.down();
    await page.mouse.up();
    await expectText(page.getByTestId('cockpit-column').locator('.ant-segmented-item-selected'), '浙南产业集聚区');
    await expectText(page.getByTestId('figure-pipelineOpen'), String(zhenan.figures.pipeline.openCount));
    // The buttons under the map do the same without a mouse on the canvas.
    await page.getByTestId('cockpit-map-choose-hitech').click();
    const hitech = view.platforms.find((p) => p.platformKey === 'hitech')!.figures;
    await expectText(page.getByTestId('cockpit-column').locator('.ant-segmented-item-selected'), '温州高新区');
    await expectText(page.getByTestId('figure-pipelineOpen'), String(hitech.pipeline.openCount));
  });

  it("查看明细 of a platform column opens the module's list filtered to that platform", async () => {
    const view = await cockpit();
    const zhenan = view.platforms.find((p) => p.platformKey === 'zhenan')!.figures;
    // Back to the cockpit as its link in the app does, not by loading the whole app again for each figure.
    const rowsOf = async (figure: string, path: string) => {
      await followLink(page, `/cockpit?year=${year}`);
      await page.getByTestId(`figure-${figure}`).click();
      await page.getByTestId('figure-rows-zhenan').click();
      await page.waitForURL((url) => url.pathname === path);
      expect(new URL(page.url()).searchParams.get('platformKey')).toBe('zhenan');
    };
    // Overdue renewal cases: 浙南 only, as of the cockpit's day; the page's total equals the figure.
    await rowsOf('renewalOverdue', '/renewal/overdue');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe(view.asOf);
    await expectText(page.getByTestId('overdue-total'), `截至 ${view.asOf}：共 ${zhenan.renewal.overdue} 件逾期`);
    await expectText(page.getByTestId('overdue-platform'), '浙南');
    await screenshot(page, 'cockpit-rows-overdue');
    // The renewal board, the targets funnel, the staffing board and the key tasks: the platform chosen in their filter.
    await rowsOf('renewalOpen', '/renewal');
    await expectText(page.getByTestId('board-platform'), '浙南');
    await rowsOf('targets', '/targets/funnel');
    await expectText(page.getByTestId('funnel-platform'), '浙南');
    await rowsOf('tripsOk', '/trips/compliance');
    await expectText(page.getByTestId('compliance-platform'), '浙南');
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count(), POLL).toBe(1);
    await screenshot(page, 'cockpit-rows-compliance');
    await rowsOf('keyTasksOverdue', '/key-tasks');
    await expectText(page.getByTestId('key-task-platform'), '浙南');
  });

  it('a platform sees only its own column; the bureau has no cockpit', async () => {
    await loginAs(page, server.baseUrl, 'zn', DEMO_PASSWORD);
    await page.getByTestId('menu-cockpit').click();
    await page.getByTestId('cockpit-page').waitFor();
    await page.getByTestId('figure-pipelineOpen').waitFor();
    const column = page.getByTestId('cockpit-column');
    await expectText(column, '浙南产业集聚区');
    expect(await column.innerText()).not.toContain('三平台合计');
    expect(await column.innerText()).not.toContain('瓯江口');
    await screenshot(page, 'cockpit-platform');
    await loginAs(page, server.baseUrl, 'bureau', DEMO_PASSWORD);
    expect(await page.getByTestId('menu-cockpit').count()).toBe(0);
    await page.goto(`${server.baseUrl}/cockpit`);
    await expectText(page.locator('body'), '无权访问');
  });
});
