import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './support/app-server.ts';
import { loginAs, screenshot } from './support/browser.ts';
import { appInBrowser, type AppServer } from './support/suite.ts';
import { expectText, POLL } from './support/ui.ts';

/**
 * 目录浏览 (issue 9): another platform's tab starts its table on page 1, with no search left from the previous
 * tab; the publisher reads as a name (系统 for the catalogs loaded at start-up), and the bases read as policy.
 */
let server: AppServer;
let page: Page;

appInBrowser((session) => ({ server, page } = session));

const activePage = () => page.locator('[data-testid="catalog-card"] .ant-pagination-item-active').innerText();

describe('目录浏览', () => {
  it('resets to page 1 when the platform tab changes, and names the publisher and the basis in the users’ words', async () => {
    await loginAs(page, server.baseUrl, 'drc', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/catalog?platform=oujiangkou`);
    const card = page.getByTestId('catalog-card');
    await expectText(card, '瓯江口产业集聚区');
    await expectText(page.getByTestId('catalog-version-info'), '发布人');
    expect(await page.getByTestId('catalog-version-info').innerText()).toContain('系统');
    expect(await card.innerText()).toMatch(/（§一\(一\)）/);

    // Page 3 of 瓯江口, then a search typed key by key and deleted again.
    await card.locator('.ant-pagination-item-3').click();
    await expect.poll(activePage, POLL).toBe('3');
    const search = page.getByTestId('catalog-search').locator('input');
    await search.pressSequentially('装备');
    await search.press('Backspace');
    await search.press('Backspace');
    await card.locator('.ant-pagination-item-2').click();
    await expect.poll(activePage, POLL).toBe('2');

    // Another platform: its catalog from page 1.
    await page.getByTestId('platform-tab-zhenan').click();
    await expectText(card, '浙南产业集聚区');
    await expect.poll(activePage, POLL).toBe('1');
    await screenshot(page, 'catalog-browse-zhenan-page1');
    // Back (the address keeps the platform): 瓯江口 again, also from page 1.
    await page.goBack();
    await expectText(card, '瓯江口产业集聚区');
    await expect.poll(activePage, POLL).toBe('1');
  });
});
