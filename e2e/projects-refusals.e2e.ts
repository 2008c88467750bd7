import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './support/app-server.ts';
import { loginAs, screenshot } from './support/browser.ts';
import { appInBrowser, type AppServer } from './support/suite.ts';
import { chooseOption, expectText, POLL, todayInShanghai, toast } from './support/ui.ts';

/**
 * Issue #9 "refusals are never silent": a move someone else made first (409), a project circulated away while its
 * page was open (403), a circulation the form already knows is refused (button disabled), a stage date the rule
 * forbids (not accepted). Each shows its Chinese sentence and the page shows what is true now.
 */
let server: AppServer;
let page: Page;
appInBrowser((session) => ({ server, page } = session));

type ProjectJson = { id: number; version: number; status: string; platformKey: string };

/** A second person working at the same time: their own session, outside the browser. */
async function sessionOf(username: string) {
  const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.baseUrl },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
      method,
      headers: { cookie, Origin: server.baseUrl, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300);
    return (await response.json()) as T;
  };
}

let serial = 0;
async function reportedProject(zn: Awaited<ReturnType<typeof sessionOf>>) {
  serial++;
  return zn<ProjectJson>('POST', '/projects', {
    name: `拒绝测试机器人项目${serial}`,
    platformKey: 'zhenan',
    investorName: `拒绝测试${serial}有限公司`,
    industryCode: '3491',
    totalInvestment: 60000,
    fixedAssetInvestment: 40000,
    landArea: 100,
    expectedAnnualTax: 5000,
  });
}

describe('refusals in the projects pages are never silent', () => {
  it('a move someone else made first: the 409 sentence, then the page shows the new stage', async () => {
    const zn = await sessionOf('zn');
    const project = await reportedProject(zn);
    await loginAs(page, server.baseUrl, 'zn', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/projects/${project.id}`);
    await expect.poll(() => page.getByTestId('project-advance').getAttribute('data-to'), POLL).toBe('feasible');
    await page.getByTestId('project-advance').click();
    await page.getByTestId('stage-move-confirm').waitFor();
    // Meanwhile a colleague moves it.
    await zn('POST', `/projects/${project.id}/transitions`, { to: 'feasible', version: project.version });
    const answered = page.waitForResponse((r) => r.url().endsWith(`/projects/${project.id}/transitions`));
    await page.getByTestId('stage-move-confirm').click();
    expect((await answered).status()).toBe(409);
    await toast(page, '数据已被他人修改').waitFor();
    await expect.poll(() => page.getByTestId('project-advance').getAttribute('data-to'), POLL).toBe('plan_submitted');
    await screenshot(page, 'project-refused-stale');
  });

  it('a stage date after today or before the previous stage cannot be picked; today can', async () => {
    await page.getByTestId('project-advance').click();
    const date = page.locator('[data-testid="stage-move-date"] input, input[data-testid="stage-move-date"]').first();
    await expect.poll(() => page.getByTestId('stage-move-confirm').isEnabled(), POLL).toBe(true);
    // Let the dialog finish opening before typing into it.
    await expect
      .poll(async () => (await page.locator('.ant-modal').first().getAttribute('class')) ?? '', POLL)
      .not.toMatch(/-(appear|enter)\b/);
    const today = todayInShanghai();
    expect(await date.inputValue()).toBe(today);
    for (const typed of ['2019-06-30', '2999-01-01']) {
      await date.click();
      await date.press('Control+A');
      await date.pressSequentially(typed, { delay: 20 });
      await date.press('Enter');
      await date.blur();
      await expect.poll(() => date.inputValue(), POLL).toBe(today);
    }
    await screenshot(page, 'project-move-date');
    await page.getByRole('button', { name: '取消' }).click();
  });

  it('a project circulated away while its page is open: the refusal is shown and the page turns read-only', async () => {
    const zn = await sessionOf('zn');
    const bureau = await sessionOf('bureau');
    let project = await reportedProject(zn);
    for (const to of ['feasible', 'plan_submitted'])
      project = await zn('POST', `/projects/${project.id}/transitions`, { to, version: project.version });
    await page.goto(`${server.baseUrl}/projects/${project.id}`);
    await expect.poll(() => page.getByTestId('project-evaluate').count(), POLL).toBe(1);
    await page.getByTestId('project-lost').click();
    await page.getByTestId('stage-move-reason').pressSequentially('投资方转投外地', { delay: 20 });
    await bureau('POST', `/projects/${project.id}/circulations`, {
      toPlatformKey: 'hitech',
      firstPlaceShare: 0.5,
      reason: '用地不足',
      version: project.version,
    });
    await page.getByTestId('stage-move-confirm').click();
    await toast(page, '该项目已流转至其他平台').waitFor();
    await expectText(page.getByTestId('circulation-notice'), '本平台只读');
    await expect.poll(() => page.getByTestId('project-actions').count(), POLL).toBe(0);
  });

  it('circulating to a platform where the industry is not encouraged: the form says so and 确认流转 stays disabled', async () => {
    const zn = await sessionOf('zn');
    const project = await reportedProject(zn);
    await loginAs(page, server.baseUrl, 'bureau', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/projects/${project.id}`);
    await page.getByTestId('project-circulate').click();
    await chooseOption(page, 'circulation-to', '瓯江口');
    await expectText(page.getByTestId('circulation-destination-class'), '只能流转到该行业属于鼓励类的平台');
    await page.getByTestId('circulation-reason').pressSequentially('用地不足', { delay: 20 });
    await expect.poll(() => page.getByTestId('circulation-confirm').isDisabled(), POLL).toBe(true);
    const share = page
      .locator('[data-testid="circulation-share"] input, input[data-testid="circulation-share"]')
      .first();
    await chooseOption(page, 'circulation-to', '高新区');
    await share.press('Control+A');
    await share.pressSequentially('1', { delay: 20 });
    await expectText(page.getByTestId('circulation-modal'), '必须大于 0 且小于 1');
    await expect.poll(() => page.getByTestId('circulation-confirm').isDisabled(), POLL).toBe(true);
    await share.press('Backspace');
    await share.pressSequentially('0.4', { delay: 20 });
    await expect.poll(() => page.getByTestId('circulation-confirm').isEnabled(), POLL).toBe(true);
    await expectText(page.getByTestId('circulation-modal'), '落地地 60%');
    await screenshot(page, 'project-circulation-check');
    expect(await page.locator('body').innerText()).not.toMatch(/\bR\d\.\d|\bD\d{1,2}\b|接口|服务器/);
  });

  it('when the server cannot be reached, the ledger says so in a toast (the toast list was fetched after the first page)', async () => {
    // The toasts' code is not part of the first page; it is fetched once the page has drawn (issue #15), so a refusal
    // that comes when nothing can be fetched any more still shows.
    const toastCode: string[] = [];
    page.on('request', (request) => {
      if (/\/assets\/useMessage-[^/]+\.js$/.test(new URL(request.url()).pathname)) toastCode.push(request.url());
    });
    await loginAs(page, server.baseUrl, 'bureau', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/projects`);
    await page.getByTestId('ledger-table').waitFor();
    await expect.poll(() => toastCode.length, POLL).toBeGreaterThan(0);
    expect(await page.locator('.ant-message-notice').count()).toBe(0);

    // The network goes: every request fails from now on, the site's own files included.
    await page.route('**/*', (route) => route.abort('internetdisconnected'));
    try {
      const search = page
        .locator('[data-testid="ledger-filter-q"] input, input[data-testid="ledger-filter-q"]')
        .first();
      await search.pressSequentially('断网时', { delay: 20 });
      await search.press('Backspace');
      await page.getByTestId('ledger-search').click();
      await expect.poll(() => toast(page, '无法连接到系统，请检查网络后重试').count(), POLL).toBeGreaterThan(0);
      await screenshot(page, 'projects-offline-toast');
    } finally {
      await page.unroute('**/*');
    }
  });
});
