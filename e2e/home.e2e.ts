import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, DEMO_PASSWORD } from './support/app-server.ts';
import { loginAs, screenshot } from './support/browser.ts';
import { appInBrowser, type AppServer } from './support/suite.ts';
import { apiGet, expectText, POLL } from './support/ui.ts';

/**
 * 工作台 (issue 9): every role lands on `/` and sees what waits for it, each card a way to the page where it is
 * done; the counts are the server's own (checked against the same list endpoints the pages use).
 */
let server: AppServer;
let page: Page;

appInBrowser((session) => ({ server, page } = session), { demoProjects: true });

type Page1 = { total: number; items: Array<{ id: number; year: number; numberInYear: number; status: string }> };
const api = <T>(path: string) => apiGet<T>(page, server.baseUrl, path);

async function signIn(username: string, password = DEMO_PASSWORD) {
  await loginAs(page, server.baseUrl, username, password);
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByTestId('home-page').waitFor();
  await expectText(page.getByTestId('page-title'), '工作台');
  await expectText(page.getByTestId('menu-home'), '工作台');
}

/** The number a CountLine shows (antd Statistic), once loaded. */
async function countOf(testId: string): Promise<number> {
  const value = page.getByTestId(testId).locator('.ant-statistic-content-value');
  await value.waitFor();
  return Number((await value.innerText()).replace(/,/g, ''));
}

describe('工作台 per role', () => {
  it('the bureau sees its confirmation queue and overdue negotiations, and goes to the queue from the card', async () => {
    await signIn('bureau');
    const queue = await api<Page1>('/projects?status=evaluated&pageSize=1');
    const overdue = await api<Page1>('/projects?overdue=true&pageSize=1');
    await expect.poll(() => countOf('home-queue-count'), POLL).toBe(queue.total);
    await expect.poll(() => countOf('home-overdue-count'), POLL).toBe(overdue.total);
    await page.getByTestId('home-stages-chart').waitFor();
    const chartLabel = await page.getByTestId('home-stages-chart').getAttribute('aria-label');
    expect(chartLabel).toContain('首报登记');
    await screenshot(page, 'home-bureau');
    // A double click on the card's link still lands once on the queue; Back returns to the workbench.
    await page.getByTestId('home-queue-link').dblclick();
    await page.waitForURL((url) => url.pathname === '/projects/queue');
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByTestId('home-queue').waitFor();
  });

  it('a platform sees its own projects by stage, its overdue ones, its data years and its published evaluation', async () => {
    await signIn('zn');
    const label = await page.getByTestId('home-stages-chart').getAttribute('aria-label');
    const reported = await api<Page1>('/projects?status=reported&pageSize=1');
    expect(label).toContain(`首报登记 ${reported.total}个`);
    await expectText(page.getByTestId('home-stages'), '本平台招商项目');
    await page.getByTestId('home-record-years').waitFor();
    const years = await api<Array<{ year: number; count: number }> | { items: Array<{ year: number; count: number }> }>(
      '/enterprise-records/years',
    );
    const newest = (Array.isArray(years) ? years : years.items).sort((a, b) => b.year - a.year)[0]!;
    await expectText(
      page.getByTestId('home-record-years'),
      `${newest.year} 年度：${newest.count.toLocaleString('en-US')} 家企业`,
    );
    const runs = await api<Page1>('/evaluations?pageSize=1');
    await expectText(
      page.getByTestId('home-latest-run'),
      `${runs.items[0]!.year}年第${runs.items[0]!.numberInYear}次评价`,
    );
    await screenshot(page, 'home-platform');
    await page.getByTestId('home-record-years-link').click();
    await page.waitForURL((url) => url.pathname === '/enterprises/import');
  });

  it('the eitc sees its latest run with its number in the year and its rectification count, and reaches the list', async () => {
    await signIn('eitc');
    const runs = await api<Page1>('/evaluations?pageSize=1');
    const latest = runs.items[0]!;
    const rectification = await api<Page1>(`/evaluations/${latest.id}/rectification?pageSize=1`);
    const card = page.getByTestId('home-latest-run');
    await expectText(card, `${latest.year}年第${latest.numberInYear}次评价`);
    await expectText(
      page.getByTestId('home-rectification-link'),
      `亩均税收整治名单：${rectification.total.toLocaleString('en-US')} 家`,
    );
    await screenshot(page, 'home-eitc');
    await page.getByTestId('home-rectification-link').click();
    await page.waitForURL((url) => url.pathname === `/evaluations/${latest.id}/rectification`);
  });

  it('the drc sees its drafts (none yet) and the catalogs in force', async () => {
    await signIn('drc');
    await expect.poll(() => countOf('home-drafts-count'), POLL).toBe(0);
    await expectText(page.getByTestId('home-drafts'), '没有未发布的目录草稿');
    await expectText(page.getByTestId('home-catalogs'), '浙南产业集聚区');
    await expectText(page.getByTestId('home-catalogs'), '2018年本，2018-09-30 起施行');
    await screenshot(page, 'home-drc');
    await page.getByTestId('home-drafts-link').click();
    await page.waitForURL((url) => url.pathname === '/catalog/editor');
  });

  it('the leader sees an overview: projects by stage, the published evaluation, the catalogs', async () => {
    await signIn('leader');
    await page.getByTestId('home-stages-chart').waitFor();
    await expectText(page.getByTestId('home-stages'), '全市招商项目');
    await expectText(page.getByTestId('home-latest-run'), '已发布');
    await expectText(page.getByTestId('home-catalogs'), '温州高新区');
    await screenshot(page, 'home-leader');
  });

  it('the auditor is sent to verify the chain; the admin sees locked accounts (none)', async () => {
    await signIn('auditor');
    const audit = await api<Page1>('/audit?pageSize=1');
    expect(await countOf('home-audit-count')).toBeGreaterThanOrEqual(audit.total);
    await screenshot(page, 'home-auditor');
    await page.getByTestId('home-audit-link').click();
    await page.waitForURL((url) => url.pathname === '/admin/audit');

    await signIn('admin', ADMIN_PASSWORD);
    await expect.poll(() => countOf('home-locked-count'), POLL).toBe(0);
    await expectText(page.getByTestId('home-locked'), '目前没有被锁定的账号');
    await screenshot(page, 'home-admin');
  });
});
