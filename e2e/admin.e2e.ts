import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, DEMO_PASSWORD } from './support/app-server.ts';
import { loginAs, screenshot } from './support/browser.ts';
import { appInBrowser, type AppServer } from './support/suite.ts';
import { chooseOption, expectText, toast } from './support/ui.ts';

/**
 * The system pages: 用户管理 (admin), 行业代码查询, 审计日志 (auditor), the English shell, and the 403 page a
 * role gets when it types the address of a page it may not open.
 */
let server: AppServer;
let page: Page;

const NEW_USER = { username: 'e2e.ojk', displayName: '瓯江口管委会 测试员', password: 'Ojk-E2e-Pass-2026' };

appInBrowser((session) => ({ server, page } = session));

async function openMenu(testId: string, pathname: string) {
  await page.getByTestId(testId).click();
  await page.waitForURL((url) => url.pathname === pathname);
}

describe('administration pages', () => {
  it('admin creates a platform user, who needs a platform, and sees it in the table', async () => {
    await loginAs(page, server.baseUrl, 'admin', ADMIN_PASSWORD);
    await expectText(page.getByTestId('header-role'), '系统管理员');
    // Separation of duties: the admin manages users but neither edits catalogs nor reads the audit trail.
    expect(await page.getByTestId('menu-catalog-editor').count()).toBe(0);
    expect(await page.getByTestId('menu-admin-audit').count()).toBe(0);
    await openMenu('menu-admin-users', '/admin/users');
    await expectText(page.getByTestId('page-title'), '用户管理');
    const table = page.getByTestId('users-table');
    await expectText(table, '浙南管委会 黄主任');

    await page.getByTestId('user-create-button').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '新建用户' });
    await modal.getByTestId('user-form').waitFor();
    await modal.getByTestId('user-username').fill(NEW_USER.username);
    await modal.getByTestId('user-display-name').fill(NEW_USER.displayName);
    await modal.getByTestId('user-password').fill(NEW_USER.password);
    await chooseOption(page, 'user-role', '平台管委会');
    // A platform user without a platform is refused by the form before anything is sent.
    const save = modal.locator('.ant-modal-footer').getByRole('button', { name: '保存' });
    await save.click();
    await expectText(modal.locator('.ant-form-item-explain-error'), '平台管委会用户必须选择所属平台');
    await chooseOption(page, 'user-platform', '瓯江口产业集聚区');
    const created = page.waitForResponse((response) => response.url().endsWith('/api/v1/users') && response.request().method() === 'POST');
    await save.click();
    expect((await created).status()).toBe(201);
    await toast(page, `已创建用户 ${NEW_USER.username}`).waitFor();
    await modal.waitFor({ state: 'hidden' });

    const row = table.locator('.ant-table-row').filter({ hasText: NEW_USER.username });
    await expectText(row, NEW_USER.displayName);
    const cells = await row.locator('td').allInnerTexts();
    expect(cells.slice(0, 5)).toEqual([NEW_USER.username, NEW_USER.displayName, '平台管委会', '瓯江口产业集聚区', '正常']);
    await screenshot(page, 'users');
  });

  it('行业代码查询: search by name finds 3841; drill-down C → 36 shows the 汽车制造业 groups', async () => {
    await openMenu('menu-industries', '/industries');
    await expectText(page.getByTestId('page-title'), '行业代码查询');
    const table = page.getByTestId('industries-table');
    await expectText(table, '制造业');

    const searched = page.waitForResponse((response) => response.url().includes('/api/v1/industries?') && response.url().includes('q='));
    await page.locator('[data-testid="industries-search"] input').fill('锂离子');
    await page.locator('[data-testid="industries-search"] input').press('Enter');
    expect((await searched).status()).toBe(200);
    await expectText(page.getByTestId('industries-breadcrumb'), '搜索“锂离子”的结果');
    const hit = table.locator('.ant-table-row').filter({ hasText: '3841' });
    await expectText(hit, '锂离子电池制造');
    expect(await hit.locator('td').allInnerTexts()).toEqual(expect.arrayContaining(['3841', '锂离子电池制造', '小类', '384']));

    await page.getByTestId('industries-breadcrumb').getByRole('button', { name: '返回分类浏览' }).click();
    await page.getByTestId('drill-C').click();
    await expectText(page.getByTestId('industries-breadcrumb'), 'C 制造业');
    await expectText(table.locator('.ant-table-row').filter({ hasText: '汽车制造业' }), '36');
    await page.getByTestId('drill-36').click();
    const breadcrumb = page.getByTestId('industries-breadcrumb');
    await expectText(breadcrumb, '36 汽车制造业');
    expect(await breadcrumb.innerText()).toMatch(/全部门类\s*\/\s*C 制造业\s*\/\s*36 汽车制造业/);
    await expectText(table.locator('.ant-table-row').filter({ hasText: '361' }), '汽车整车制造');
    const codes = await table.locator('.ant-table-row td:first-child').allInnerTexts();
    expect(codes.length).toBeGreaterThan(3);
    expect(codes.every((code) => /^36\d$/.test(code))).toBe(true);
    await screenshot(page, 'industries');
  });

  it('auditor reads the trail (the user.create just made), verifies the hash chain, and switches to English', async () => {
    await loginAs(page, server.baseUrl, 'auditor', DEMO_PASSWORD);
    await expectText(page.getByTestId('header-role'), '安全审计员');
    expect(await page.getByTestId('menu-admin-users').count()).toBe(0);
    await openMenu('menu-admin-audit', '/admin/audit');
    await expectText(page.getByTestId('page-title'), '审计日志');
    const table = page.getByTestId('audit-table');
    // Actions and people in the users' words: 新建用户 by the admin's display name.
    const created = table.locator('.ant-table-row').filter({ hasText: '新建用户' }).filter({ hasText: '系统管理员' });
    await expectText(created, '新建用户');
    await created.locator('.ant-table-row-expand-icon').click();
    await expectText(table.locator('[data-testid^="audit-detail-"]'), NEW_USER.username);

    const verified = page.waitForResponse((response) => response.url().endsWith('/api/v1/audit/verify'));
    await page.getByTestId('audit-verify-button').click();
    expect((await verified).status()).toBe(200);
    const result = page.getByTestId('audit-verify-result');
    await expectText(result, '哈希链完整');
    expect(await result.innerText()).toMatch(/已校验 \d+ 条记录，未发现篡改。/);
    expect(await result.getAttribute('class')).toContain('ant-alert-success');
    await screenshot(page, 'audit');

    // English: the shell (title, menu, page title, role, buttons) changes language; the choice is remembered.
    await page.getByTestId('lang-switch').click();
    await expectText(page.getByTestId('app-title'), 'Platform Industry Guidance System');
    await expectText(page.getByTestId('page-title'), 'Audit log');
    await expectText(page.getByTestId('menu-admin-audit'), 'Audit log');
    await expectText(page.getByTestId('side-menu'), 'Browse catalogs');
    await expectText(page.getByTestId('header-role'), 'Security auditor');
    await expectText(page.getByTestId('logout-button'), 'Sign out');
    await expectText(page.getByTestId('lang-switch'), '中文');
    expect(await page.title()).toBe('Audit log - Platform Industry Guidance System');
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    await screenshot(page, 'english-shell');
    await page.reload();
    await expectText(page.getByTestId('page-title'), 'Audit log');
    await page.getByTestId('lang-switch').click();
    await expectText(page.getByTestId('page-title'), '审计日志');
    expect(await page.title()).toBe('审计日志 - 平台产业管理引导系统');
  });

  it('a role without access that types the address gets the 403 page', async () => {
    // The user the admin just created signs in with the platform it was given.
    await loginAs(page, server.baseUrl, NEW_USER.username, NEW_USER.password);
    await expectText(page.getByTestId('header-user'), NEW_USER.displayName);
    await expectText(page.getByTestId('header-platform'), '瓯江口产业集聚区');
    expect(await page.getByTestId('menu-admin-users').count()).toBe(0);

    await page.goto(`${server.baseUrl}/admin/users`);
    const forbidden = page.getByTestId('error-403');
    await expectText(forbidden, '无权访问');
    expect(await forbidden.innerText()).toContain('当前角色无权访问此页面。');
    expect(await page.getByTestId('users-table').count()).toBe(0);
    // The server refuses too, whatever the page shows.
    expect((await page.request.get(`${server.baseUrl}/api/v1/users`)).status()).toBe(403);
    await screenshot(page, 'forbidden');

    await page.goto(`${server.baseUrl}/admin/audit`);
    await expectText(page.getByTestId('error-403'), '无权访问');
    await page.getByTestId('error-403').getByRole('button', { name: '返回首页' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByTestId('home-page').waitFor();
  });
});
