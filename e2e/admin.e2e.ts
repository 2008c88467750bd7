import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, DEMO_PASSWORD } from './support/app-server.ts';
import { loginAs, screenshot } from './support/browser.ts';
import { appInBrowser, type AppServer } from './support/suite.ts';
import { chooseOption, confirmPopconfirm, expectText, toast } from './support/ui.ts';

/**
 * The system pages: 用户管理 (admin), 行业代码查询, 审计日志 (auditor), the English shell, and the 403 page a
 * role gets when it types the address of a page it may not open.
 */
let server: AppServer;
let page: Page;

const NEW_USER = { username: 'e2e.ojk', displayName: '瓯江口管委会 测试员', password: 'Wz-Linshi-Mima-2026' };
/** The password the new user chooses for itself at its first sign-in (the admin's is temporary, #10.11). */
const OWN_PASSWORD = 'Lvse-Chanye-Pingtai-88';
const ZN_TEMPORARY = 'Zn-Linshi-Mima-2026';

/** On the forced password change page: the temporary password, then a new one typed key by key. */
async function changeTemporaryPassword(temporary: string, weak: string, strong: string) {
  const card = page.getByTestId('forced-password-card');
  await expectText(card, '您的密码由管理员设置，是临时密码');
  await page.getByTestId('forced-current-password').pressSequentially(temporary);
  const fresh = page.getByTestId('forced-new-password');
  // A weak password is refused with its reason while typing, and nothing is sent.
  await fresh.pressSequentially(weak);
  await expectText(page.getByTestId('password-hints'), '密码过于常见或容易被猜到');
  await page.getByTestId('forced-confirm-password').pressSequentially(weak);
  await page.getByTestId('forced-password-submit').click();
  await expectText(card.locator('.ant-form-item-explain-error').first(), '密码不符合要求');
  await screenshot(page, 'forced-password-weak', { fullPage: false });
  // The temporary password again passes the hints but the server refuses its reuse, and the page says why.
  await fresh.fill('');
  await fresh.pressSequentially(temporary);
  await page.getByTestId('forced-confirm-password').fill('');
  await page.getByTestId('forced-confirm-password').pressSequentially(temporary);
  const reused = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/password'));
  await page.getByTestId('forced-password-submit').click();
  expect((await reused).status()).toBe(422);
  await expectText(page.getByTestId('forced-password-error'), '新密码不能与当前密码或最近 5 次用过的密码相同');
  // Deleted and typed again: accepted, and the app opens.
  await fresh.fill('');
  await fresh.pressSequentially(strong.slice(0, -2));
  await fresh.press('Backspace');
  await fresh.pressSequentially(strong.slice(-3));
  await expectText(page.getByTestId('password-hints'), '密码符合要求');
  await page.getByTestId('forced-confirm-password').fill('');
  await page.getByTestId('forced-confirm-password').pressSequentially(strong);
  const changed = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/password'));
  await page.getByTestId('forced-password-submit').click();
  expect((await changed).status()).toBe(204);
  await page.getByTestId('header-bar').waitFor();
}

/** Signs in through the login page without waiting for the shell (a temporary password leads elsewhere). */
async function signInTo(username: string, password: string, pathname: string) {
  await page.goto('about:blank');
  await page.context().clearCookies();
  await page.goto(`${server.baseUrl}/login`);
  await page.getByLabel('用户名', { exact: true }).pressSequentially(username);
  await page.getByLabel('密码', { exact: true }).pressSequentially(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => url.pathname === pathname);
}

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
    const created = page.waitForResponse(
      (response) => response.url().endsWith('/api/v1/users') && response.request().method() === 'POST',
    );
    await save.click();
    expect((await created).status()).toBe(201);
    await toast(page, `已创建用户 ${NEW_USER.username}`).waitFor();
    await modal.waitFor({ state: 'hidden' });

    const row = table.locator('.ant-table-row').filter({ hasText: NEW_USER.username });
    await expectText(row, NEW_USER.displayName);
    const cells = await row.locator('td').allInnerTexts();
    expect(cells.slice(0, 5)).toEqual([
      NEW_USER.username,
      NEW_USER.displayName,
      '平台管委会',
      '瓯江口产业集聚区',
      '待本人修改密码',
    ]);
    await screenshot(page, 'users');
  });

  it('admin unlocks a locked account, resets a password (temporary), and is refused on the auditor with the reason shown', async () => {
    // eitc locks itself out (5 wrong passwords); the users page shows who is locked.
    for (let i = 0; i < 5; i += 1)
      await page.request.post(`${server.baseUrl}/api/v1/auth/login`, {
        data: { username: 'eitc', password: 'Wrong-Pass-2026' },
      });
    await loginAs(page, server.baseUrl, 'admin', ADMIN_PASSWORD);
    await openMenu('menu-admin-users', '/admin/users');
    const table = page.getByTestId('users-table');
    const eitc = table.locator('.ant-table-row').filter({ hasText: '市经信委 周科长' });
    await expectText(eitc, '已锁定至');
    await screenshot(page, 'users-locked');
    await page.getByTestId('unlock-eitc').click();
    const unlocked = page.waitForResponse((response) => response.url().endsWith('/unlock'));
    await confirmPopconfirm(page, '解锁');
    expect((await unlocked).status()).toBe(204);
    await toast(page, '已解除 市经信委 周科长（eitc）的登录锁定').waitFor();
    await expectText(eitc, '正常');
    expect(await page.getByTestId('unlock-eitc').count()).toBe(0);

    // 三员分立: resetting the auditor's password is refused, and the modal says why.
    await page.getByTestId('reset-password-auditor').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '重置密码：' });
    await page.getByTestId('reset-password-input').pressSequentially('Taken-Over-2026!');
    const refused = page.waitForResponse((response) => response.url().endsWith('/password'));
    await modal.getByRole('button', { name: '重置' }).click();
    expect((await refused).status()).toBe(403);
    await expectText(
      modal.locator('.ant-alert'),
      '系统管理员只能管理业务账号；管理员和审计员账号由运维人员在服务器命令行创建和重置',
    );
    await screenshot(page, 'users-privileged-refused', { fullPage: false });
    await page.keyboard.press('Escape');
    await modal.waitFor({ state: 'hidden' });

    // A business account: the reset is accepted and the password is temporary.
    await page.getByTestId('reset-password-zn').click();
    const znModal = page.locator('.ant-modal').filter({ hasText: '重置密码：浙南管委会' });
    await page.getByTestId('reset-password-input').pressSequentially(ZN_TEMPORARY);
    const reset = page.waitForResponse((response) => response.url().endsWith('/password'));
    await znModal.getByRole('button', { name: '重置' }).click();
    expect((await reset).status()).toBe(204);
    await toast(page, '已重置 浙南管委会 黄主任 的密码').waitFor();
    await expectText(table.locator('.ant-table-row').filter({ hasText: '浙南管委会 黄主任' }), '待本人修改密码');
  });

  it("after the admin's reset, zn must change the password at sign-in: a weak one is refused, a strong one accepted", async () => {
    await signInTo('zn', ZN_TEMPORARY, '/change-password');
    // Any page typed in the address bar leads back to the change page until it is done.
    await page.goto(`${server.baseUrl}/projects`);
    await page.waitForURL((url) => url.pathname === '/change-password');
    // Back does not get round it either: the login page and every page lead here again.
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/change-password');
    await page.getByTestId('forced-password-card').waitFor();
    await screenshot(page, 'forced-password');
    await changeTemporaryPassword(ZN_TEMPORARY, 'Password12', 'Oujiang-Lvse-Chanye-57');
    // Back led to the entry made at sign-in, whose way on is the home page.
    await page.waitForURL((url) => url.pathname === '/');
    await expectText(page.getByTestId('header-user'), '浙南管委会 黄主任');
  });

  it('行业代码查询: search by name finds 3841; drill-down C → 36 shows the 汽车制造业 groups', async () => {
    await openMenu('menu-industries', '/industries');
    await expectText(page.getByTestId('page-title'), '行业代码查询');
    const table = page.getByTestId('industries-table');
    await expectText(table, '制造业');

    const searched = page.waitForResponse(
      (response) => response.url().includes('/api/v1/industries?') && response.url().includes('q='),
    );
    await page.locator('[data-testid="industries-search"] input').fill('锂离子');
    await page.locator('[data-testid="industries-search"] input').press('Enter');
    expect((await searched).status()).toBe(200);
    await expectText(page.getByTestId('industries-breadcrumb'), '搜索“锂离子”的结果');
    const hit = table.locator('.ant-table-row').filter({ hasText: '3841' });
    await expectText(hit, '锂离子电池制造');
    expect(await hit.locator('td').allInnerTexts()).toEqual(
      expect.arrayContaining(['3841', '锂离子电池制造', '小类', '384']),
    );

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
    // Each row names the client the change came from (the address; the browser in the details); the system's own rows say 系统.
    await expectText(created, '127.0.0.1');
    await expectText(table.locator('.ant-table-row').filter({ hasText: '载入初始目录' }).first(), '系统');
    await created.locator('.ant-table-row-expand-icon').click();
    await expectText(table.locator('[data-testid^="audit-detail-"]'), NEW_USER.username);
    await expectText(table.locator('[data-testid^="audit-client-"]'), '客户端：127.0.0.1 · Mozilla/5.0');

    const verified = page.waitForResponse((response) => response.url().endsWith('/api/v1/audit/verify'));
    await page.getByTestId('audit-verify-button').click();
    expect((await verified).status()).toBe(200);
    const result = page.getByTestId('audit-verify-result');
    await expectText(result, '哈希链完整');
    expect(await result.innerText()).toMatch(
      /已校验 \d+ 条记录，未发现篡改；(尚无锚点|锚点 \d+ 个，最近一次 [\d-]+ [\d:]+)。/,
    );
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
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await screenshot(page, 'english-shell');
    await page.reload();
    await expectText(page.getByTestId('page-title'), 'Audit log');
    await page.getByTestId('lang-switch').click();
    await expectText(page.getByTestId('page-title'), '审计日志');
    expect(await page.title()).toBe('审计日志 - 平台产业管理引导系统');
  });

  it('the auditor reviews the account changes: the creation, the unlock and the reset, each marked 已审阅', async () => {
    // Still signed in as the auditor from the test before, the shell back in Chinese: no second sign-in.
    await expectText(page.getByTestId('header-role'), '安全审计员');
    await openMenu('menu-admin-account-changes', '/admin/account-changes');
    await expectText(page.getByTestId('page-title'), '账号变更审阅');
    const card = page.getByTestId('account-changes-review');
    await expectText(card, '新建账号');
    const rows = card.locator('li[data-testid^="account-change-"]');
    expect(await rows.allInnerTexts()).toEqual([
      expect.stringContaining('重置密码'),
      expect.stringContaining('解除锁定'),
      expect.stringContaining('新建账号'),
    ]);
    expect(await rows.nth(2).innerText()).toContain('瓯江口管委会 测试员，平台管委会（瓯江口产业集聚区）');
    expect(await rows.nth(2).innerText()).toContain('操作人：系统管理员（admin）');
    await screenshot(page, 'account-changes');
    const first = rows.first().getByRole('button', { name: '已审阅' });
    // A double click marks one change, not the next one that moves up.
    let posted = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/review') && request.method() === 'POST') posted += 1;
    });
    const reviewed = page.waitForResponse((response) => response.url().endsWith('/review'));
    await first.dblclick();
    expect((await reviewed).status()).toBe(200);
    await toast(page, '已审阅：重置密码 zn').waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    expect(posted).toBe(1);
    await expectText(page.getByTestId('account-changes-count'), '2');
  });

  it('a role without access that types the address gets the 403 page', async () => {
    // The user the admin just created signs in with the platform it was given, and first replaces its temporary password.
    await signInTo(NEW_USER.username, NEW_USER.password, '/change-password');
    await changeTemporaryPassword(NEW_USER.password, 'Qwerty123!', OWN_PASSWORD);
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
