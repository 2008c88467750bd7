import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './support/app-server.ts';
import { loginAs, screenshot } from './support/browser.ts';
import { appInBrowser, type AppServer } from './support/suite.ts';
import { expectText, openDropdown, POLL } from './support/ui.ts';

/**
 * 审计日志 in the auditor's words (issue 9): people by display name (the start-up seeding reads 系统), actions and
 * filters in Chinese, and a record's details as a table of Chinese field names and values instead of JSON.
 */
let server: AppServer;
let page: Page;

appInBrowser((session) => ({ server, page } = session));

const rows = () => page.getByTestId('audit-table').locator('.ant-table-row');

describe('审计日志', () => {
  it('shows people by name, actions in Chinese, details as a table; the action filter is typed and chosen in Chinese', async () => {
    await loginAs(page, server.baseUrl, 'auditor', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/admin/audit`);
    const table = page.getByTestId('audit-table');
    // The newest event is this auditor's own login, under the display name.
    await expectText(rows().first(), '安全审计员 郑工');
    await expectText(rows().first(), '登录');
    expect(await rows().first().innerText()).not.toContain('auth.login');

    // Filter: type part of the action's Chinese name key by key, a wrong character and its deletion, then choose.
    const action = page.getByTestId('audit-filter-action');
    await action.click();
    const input = action.locator('input');
    await input.pressSequentially('载入初');
    await input.pressSequentially('x');
    await expect.poll(() => openDropdown(page).locator('.ant-select-item-option').count(), POLL).toBe(0);
    await input.press('Backspace');
    await openDropdown(page).locator('.ant-select-item-option[title="载入初始目录"]').click();
    await expectText(action, '载入初始目录');
    expect(await action.innerText()).not.toContain('catalog.seed');
    await page.getByTestId('audit-search').click();
    await expect.poll(async () => (await rows().allInnerTexts()).length, POLL).toBe(3);
    for (const text of await rows().allInnerTexts()) {
      expect(text).toContain('系统');
      expect(text).toContain('载入初始目录');
    }

    // The filter is kept in the address: after a reload the field and the three events are as they were.
    await page.reload();
    await expectText(action, '载入初始目录');
    await expect.poll(async () => (await rows().allInnerTexts()).length, POLL).toBe(3);

    // Details: Chinese field names and values, no JSON.
    await rows().first().locator('.ant-table-row-expand-icon').click();
    const detail = table.locator('[data-testid^="audit-detail-"]').first();
    await expectText(detail, '字段');
    const text = await detail.innerText();
    expect(text).toContain('版本');
    expect(text).toContain('2018年本');
    expect(text).toMatch(/平台\t—\t(瓯江口产业集聚区|浙南产业集聚区|温州高新区)/);
    expect(text).toMatch(/发布人\t—\t系统/);
    expect(text).not.toMatch(/[{}"]|platformKey|null|system/);
    await screenshot(page, 'audit-details');

    // Esc closes nothing here and loses nothing; 重置 shows every event again.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '重置' }).click();
    await expect.poll(async () => (await rows().allInnerTexts()).length, POLL).toBeGreaterThan(3);
  });
});
