import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './support/app-server.ts';
import { loginAs, screenshot } from './support/browser.ts';
import { appInBrowser, type AppServer } from './support/suite.ts';
import { expectText, toast } from './support/ui.ts';

/** Sign-in: the server's Chinese refusals, the lockout after 5 failures, and signing out. */
let server: AppServer;
let page: Page;

appInBrowser((session) => ({ server, page } = session));

/** Submits the login form once and returns the HTTP status of the server's answer. */
async function attempt(username: string, password: string): Promise<number> {
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  const answered = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/login'));
  await page.getByTestId('login-submit').click();
  return (await answered).status();
}

describe('login', () => {
  it('a wrong password shows the Chinese refusal; the 5th failure locks the account', async () => {
    await page.goto(`${server.baseUrl}/catalog`);
    // Not signed in: the app sends the visitor to the login page.
    await page.waitForURL((url) => url.pathname === '/login');
    const card = page.getByTestId('login-card');
    await expectText(card, '平台产业管理引导系统');
    expect(await card.innerText()).toContain('温州市级三大功能性平台');

    // Empty form: the form itself asks for both fields.
    await page.getByTestId('login-submit').click();
    await expectText(card.locator('.ant-form-item-explain-error').first(), '请输入用户名');
    expect(await card.locator('.ant-form-item-explain-error').allInnerTexts()).toEqual(['请输入用户名', '请输入密码']);

    // Typed key by key, with a slip deleted: the first failure says how many tries are left before the lock (#9).
    const username = page.getByLabel('用户名', { exact: true });
    const password = page.getByLabel('密码', { exact: true });
    await username.pressSequentially('burx');
    await username.press('Backspace');
    await username.pressSequentially('eau');
    await password.pressSequentially('Wrong-Pass-2026');
    const first = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/login'));
    await page.getByTestId('login-submit').click();
    expect((await first).status()).toBe(401);
    const error = page.getByTestId('login-error');
    await expectText(error, '用户名或密码不正确，还可尝试 4 次，再失败将锁定 15 分钟');
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot(page, 'login');

    // An unknown user gets the very same sentence, tries left included (no hint of which accounts exist).
    expect(await attempt('nobody', 'Wrong-Pass-2026')).toBe(401);
    expect(await error.innerText()).toBe('用户名或密码不正确，还可尝试 4 次，再失败将锁定 15 分钟');

    for (let failure = 2; failure <= 4; failure += 1) {
      expect(await attempt('bureau', `Wrong-Pass-${failure}`), `failure ${failure}`).toBe(401);
      await expectText(error, `用户名或密码不正确，还可尝试 ${5 - failure} 次`);
    }
    await screenshot(page, 'login-tries-left');
    // The 5th failure locks, and says so.
    expect(await attempt('bureau', 'Wrong-Pass-5')).toBe(401);
    await expectText(error, '用户名或密码不正确。连续失败 5 次，账号已锁定至');
    // Locked: even the right password is refused, with the lockout sentence and its end time.
    expect(await attempt('bureau', DEMO_PASSWORD)).toBe(429);
    await expectText(error, '连续登录失败次数过多，账号已锁定至');
    const lockout = /账号已锁定至 (\d{4})-(\d{2})-(\d{2}) (\d{2}:\d{2}:\d{2})，请稍后再试或联系管理员解锁/.exec(
      await error.innerText(),
    );
    expect(lockout).not.toBeNull();
    // Shanghai wall-clock time, 15 minutes from now.
    const [, year, month, day, time] = lockout!;
    const minutesLocked = (Date.parse(`${year}-${month}-${day}T${time}+08:00`) - Date.now()) / 60_000;
    expect(minutesLocked).toBeGreaterThan(13);
    expect(minutesLocked).toBeLessThanOrEqual(15);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByTestId('header-bar').count()).toBe(0);
    await screenshot(page, 'login-locked');

    // The lockout is per account: another user still signs in.
    expect(await attempt('eitc', DEMO_PASSWORD)).toBe(200);
    await page.waitForURL((url) => url.pathname === '/catalog');
    await expectText(page.getByTestId('header-user'), '市经信委 周科长');
  });

  it('signing out returns to the login page and ends the session', async () => {
    await loginAs(page, server.baseUrl, 'leader', DEMO_PASSWORD);
    await expectText(page.getByTestId('header-user'), '领导小组 王组长');
    await expectText(page.getByTestId('header-role'), '市产业平台发展工作领导小组');
    expect((await page.request.get(`${server.baseUrl}/api/v1/auth/me`)).status()).toBe(200);

    await page.getByTestId('logout-button').click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByTestId('login-card').waitFor();
    await toast(page, '已退出登录').waitFor();
    expect(await page.getByTestId('header-bar').count()).toBe(0);
    // Signed out: no session cookie left, so "who is signed in" answers nobody (200, not a 401 in the console).
    const me = await page.request.get(`${server.baseUrl}/api/v1/auth/me`);
    expect(me.status()).toBe(200);
    expect(await me.json()).toEqual({ user: null });

    // A page of the app now leads back to the login page.
    await page.goto(`${server.baseUrl}/industries`);
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByTestId('login-card').waitFor();
  });
});
