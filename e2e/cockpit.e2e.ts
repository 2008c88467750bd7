import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CockpitView } from '@pgs/domain';
import { DEMO_PASSWORD } from './support/app-server.ts';
import { loginAs, screenshot } from './support/browser.ts';
import { appInBrowser, type AppServer } from './support/suite.ts';
import { apiGet, downloadOf, expectText, loadWorkbook, POLL, todayInShanghai } from './support/ui.ts';

/**
 * 驾驶舱 (issue #14) in the browser, acting as the leader on the demo data: every number explains itself, a click
 * opens it for the three platforms side by side and leads to the rows behind it on the module's own list page (the
 * count there equals the figure), Back returns; the year changes the figures; the export opens in Excel; full-screen
 * mode for a wall screen; a platform sees its own column; the bureau has no cockpit.
 */
let server: AppServer;
let page: Page;
appInBrowser((session) => ({ server, page } = session), { demoProjects: true });

const year = Number(todayInShanghai().slice(0, 4));
const cockpit = (query = '') => apiGet<CockpitView>(page, server.baseUrl, `/cockpit?year=${year}${query}`);

describe('the leadership cockpit in the browser (issue #14)', () => {
  it('the leader sees the cockpit on the 工作台 and opens it from the menu; each number has its explanation', async () => {
    await loginAs(page, server.baseUrl, 'leader', DEMO_PASSWORD);
    // The leader's 工作台 leads to the cockpit too.
    await expectText(page.getByTestId('home-cockpit'), '本年落地项目计数');
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
    await asOf.click();
    await asOf.press('Control+A');
    await asOf.pressSequentially(`${year - 1}-12-31`, { delay: 20 });
    await asOf.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('asOf'), POLL).toBe(`${year - 1}-12-31`);
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

  it('full-screen mode for a wall screen, and back', async () => {
    await page.getByTestId('cockpit-fullscreen').click();
    await expectText(page.getByTestId('cockpit-fullscreen'), '退出全屏');
    await screenshot(page, 'cockpit-fullscreen', { fullPage: false });
    await page.getByTestId('cockpit-fullscreen').click();
    await expectText(page.getByTestId('cockpit-fullscreen'), '全屏展示');
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
