import { describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { DEMO_PASSWORD } from './support/app-server.ts';
import { loginAs, screenshot } from './support/browser.ts';
import { appInBrowser, type AppServer } from './support/suite.ts';
import { apiGet, expectText, POLL } from './support/ui.ts';

/**
 * No input may ever throw a page away (issue 9): a part whose data cannot be drawn shows a Chinese message with
 * 重试 in its own place; the rest of the page and the menu stay usable, and 重试 draws it again once the data is
 * good. The failure is forced from outside the app, by answering an API call with a malformed body.
 */
let server: AppServer;
let page: Page;

appInBrowser((session) => ({ server, page } = session), { demoProjects: true });

const malformed = (body: unknown) => (route: Route) =>
  route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
const isPath = (path: string) => (url: URL) => url.pathname === path;

describe('error boundaries', () => {
  it('a failing home card shows 重试 in its place; the other cards and the menu keep working; 重试 recovers', async () => {
    await loginAs(page, server.baseUrl, 'eitc', DEMO_PASSWORD);
    const runsList = isPath('/api/v1/evaluations');
    await page.route(runsList, malformed({ items: ['不是评价'], total: 1, page: 1, pageSize: 1 }));
    await page.goto(`${server.baseUrl}/`);
    const card = page.getByTestId('home-slot-run');
    await expectText(card.getByTestId('part-error'), '亩均评价暂时无法显示');
    const text = await card.innerText();
    expect(text).toContain('重试');
    expect(text).not.toMatch(/undefined|TypeError|Cannot read/);
    // The other card still shows its figures.
    await expectText(page.getByTestId('home-record-years'), '年度：');
    await screenshot(page, 'error-boundary-home-card');

    // The menu still works: another page opens and draws.
    await page.getByTestId('menu-enterprises').click();
    await page.waitForURL((url) => url.pathname === '/enterprises');
    await expectText(page.getByTestId('page-title'), '企业库');
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/');

    // The server answers properly again: 重试 draws the card with the real run.
    await page.unroute(runsList);
    const runs = await apiGet<{ items: Array<{ year: number; numberInYear: number }> }>(
      page,
      server.baseUrl,
      '/evaluations?pageSize=1',
    );
    await card.getByTestId('part-error-retry').click();
    await expectText(card, `${runs.items[0]!.year}年第${runs.items[0]!.numberInYear}次评价`);
    expect(await card.getByTestId('part-error').count()).toBe(0);
  });

  it('a run whose details come back malformed keeps the runs table and the menu; choosing again recovers', async () => {
    await loginAs(page, server.baseUrl, 'leader', DEMO_PASSWORD);
    const runs = await apiGet<{ items: Array<{ id: number; year: number }> }>(
      page,
      server.baseUrl,
      '/evaluations?pageSize=1',
    );
    const run = runs.items[0]!;
    const detail = isPath(`/api/v1/evaluations/${run.id}`);
    await page.route(
      detail,
      malformed({ id: run.id, year: run.year, status: 'published', platforms: 'x', counts: null }),
    );
    await page.goto(`${server.baseUrl}/evaluations?year=${run.year}&run=${run.id}`);
    await expectText(page.getByTestId('part-error'), '评价概况暂时无法显示');
    await expectText(page.getByTestId('runs-table'), `${run.year}年第`);
    await screenshot(page, 'error-boundary-run-summary');

    await page.unroute(detail);
    // Pressing 重试 twice in a row is harmless.
    await page.getByTestId('part-error-retry').dblclick();
    await expect.poll(() => page.getByTestId('part-error').count(), POLL).toBe(0);
    await expectText(page.getByTestId('run-title'), `${run.year}年第`);
  });

  it('a whole page that cannot draw keeps the menu and the header; another page opens normally', async () => {
    await loginAs(page, server.baseUrl, 'leader', DEMO_PASSWORD);
    const runsList = isPath('/api/v1/evaluations');
    await page.route(
      runsList,
      malformed({ items: [{ id: 999, year: 2024, status: 'published', counts: null, platforms: null }], total: 1 }),
    );
    await page.goto(`${server.baseUrl}/evaluations?year=2024`);
    await expectText(page.getByTestId('part-error'), '本页面暂时无法显示');
    await expectText(page.getByTestId('page-title'), '评价运行与发布');
    await page.getByTestId('header-bar').waitFor();
    await screenshot(page, 'error-boundary-page');
    await page.unroute(runsList);
    await page.getByTestId('menu-home').click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByTestId('home-latest-run').waitFor();
    expect(await page.getByTestId('part-error').count()).toBe(0);
    // Coming back to the page draws it anew, now with the server's real answer.
    await page.getByTestId('menu-evaluations').click();
    await page.waitForURL((url) => url.pathname === '/evaluations');
    await page.goto(`${server.baseUrl}/evaluations?year=2024`);
    await expectText(page.getByTestId('runs-table'), '2024年第');
    expect(await page.getByTestId('part-error').count()).toBe(0);
  });
});
