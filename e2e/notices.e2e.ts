import { describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { creditCodeProblem } from '@pgs/domain';
import { DEMO_PASSWORD } from './support/app-server.ts';
import { loginAs, screenshot } from './support/browser.ts';
import { appInBrowser, type AppServer } from './support/suite.ts';
import { expectText, openDropdown, POLL, settledOption } from './support/ui.ts';

/**
 * R3.2 公示 in the browser: a visitor without an account reads the demo notice (names and classes only), types an
 * objection key by key (a wrong check digit and an empty field are refused on screen), gets a reference number, and is
 * refused when sending too many; the eitc answers it and is refused a second notice of the same evaluation.
 */
// The demo (ledger, base database, a published evaluation) takes ~35 s to seed alone; on a loaded shared machine the
// default 120 s for starting server and browser is not enough.
vi.setConfig({ hookTimeout: 400_000 });

let server: AppServer;
let page: Page;
appInBrowser((session) => ({ server, page } = session), { demoProjects: true });

const CODE = '91330300000000701'; // 17 characters; the check character is added below
/** The check character that makes CODE valid, and one that does not (GB 32100, through the domain's own check). */
const RIGHT = Array.from('0123456789ABCDEFGHJKLMNPQRTUWXY').find((c) => creditCodeProblem(CODE + c) === null)!;
const WRONG = RIGHT === '0' ? '1' : '0';

describe('the public notice in the browser (R3.2)', () => {
  it('R3.2 a visitor reads the notice without signing in: names and classes only', async () => {
    await page.goto('about:blank');
    await page.context().clearCookies();
    await page.goto(`${server.baseUrl}/public/notices`);
    await expectText(page.getByTestId('public-notice'), '2024年度亩均效益综合评价结果公示');
    await expectText(page.getByTestId('public-notice'), '公示中');
    const table = page.getByTestId('public-entries');
    await expectText(table, '类');
    const headers = await table.locator('th').allInnerTexts();
    expect(headers.map((h) => h.trim())).toEqual(['企业名称', '评价等级']);
    // Nothing of the signed-in system on the page: no menu, no credit codes.
    expect(await page.getByTestId('header-bar').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toMatch(/9133\d{14}/);

    // The list's page is kept in the address: page 2, another address typed, Back: page 2 again, same names.
    const firstName = () => table.locator('tbody tr').first().innerText();
    // The pager sits below the table (the one pager of this page).
    const activePage = () => page.locator('.ant-pagination-item-active').innerText();
    const onPage1 = await firstName();
    await page.locator('.ant-pagination-item-2').click();
    await expect.poll(activePage, POLL).toBe('2');
    await expect.poll(firstName, POLL).not.toBe(onPage1);
    const onPage2 = await firstName();
    await page.goto(`${server.baseUrl}/login`);
    await page.goBack();
    await expect.poll(activePage, POLL).toBe('2');
    await expect.poll(firstName, POLL).toBe(onPage2);
    await page.getByTestId('public-search').locator('input').pressSequentially('不存在的企业名', { delay: 20 });
    await page.keyboard.press('Enter');
    await expectText(table, '没有名称含“不存在的企业名”的企业');
    await screenshot(page, 'notices-public');
  });

  it('R3.2 an objection typed key by key: refusals shown, then a reference number', async () => {
    const code = page.getByTestId('objection-code');
    await code.pressSequentially(`${CODE}Z`, { delay: 20 });
    await page.getByTestId('objection-submit').click();
    await expectText(page.locator('.ant-form'), '不允许的字符');
    // Typed again from the start with a wrong check character: refused on screen, naming the right one.
    await code.fill('');
    await code.pressSequentially(`${CODE}${WRONG}`, { delay: 20 });
    await expectText(page.locator('.ant-form'), `校验位应为 ${RIGHT}`);
    await code.press('Backspace');
    await code.pressSequentially(RIGHT, { delay: 20 });
    await page.getByTestId('objection-reason').pressSequentially('本企业税收数据有误，请复核', { delay: 20 });
    await page.getByTestId('objection-submit').click();
    await expectText(page.locator('.ant-form'), '请填写联系人及电话');
    await page.getByTestId('objection-contact').pressSequentially('王先生 13800000000', { delay: 20 });
    await page.getByTestId('objection-submit').click();
    await expectText(page.getByTestId('objection-receipt'), '受理编号：GS-');
    await screenshot(page, 'notices-objection-receipt');
  });

  it('R3.2 too many objections from one address: the refusal is shown and nothing more is taken', async () => {
    let refused = false;
    for (let i = 0; i < 8 && !refused; i++) {
      await page.getByRole('button', { name: '再提交一件' }).click();
      await page.getByTestId('objection-code').fill(`${CODE}${RIGHT}`);
      await page.getByTestId('objection-contact').fill('王先生 13800000000');
      await page.getByTestId('objection-reason').fill(`第 ${i + 2} 件异议`);
      await page.getByTestId('objection-submit').click();
      const outcome = await Promise.race([
        page
          .getByTestId('objection-receipt')
          .waitFor()
          .then(
            () => 'ok',
            () => 'none',
          ),
        page
          .getByTestId('objection-error')
          .waitFor()
          .then(
            () => 'refused',
            () => 'none',
          ),
      ]);
      refused = outcome === 'refused';
    }
    expect(refused).toBe(true);
    await expectText(page.getByTestId('objection-error'), '提交异议过于频繁');
    await screenshot(page, 'notices-rate-limited');
  });

  it('R3.2 the eitc answers an objection and is refused a second notice of the same evaluation', async () => {
    await loginAs(page, server.baseUrl, 'eitc', DEMO_PASSWORD);
    await page.getByTestId('menu-notices').click();
    await expectText(page.getByTestId('notice-table'), '公示中');
    await page.getByTestId('notice-table').getByText('2024年度亩均效益综合评价结果公示').click();
    const drawer = page.getByTestId('notice-drawer');
    await expectText(drawer, '维持原评价等级');
    await page.getByTestId('answer-text').first().pressSequentially('经核实，维持原等级。', { delay: 20 });
    await page.getByTestId('answer-submit').first().click();
    await expectText(drawer, '经核实，维持原等级。');
    await screenshot(page, 'notices-answer');
    await page.keyboard.press('Escape');
    await page.getByTestId('notice-new').click();
    await page.getByTestId('notice-run').click();
    await (await settledOption(openDropdown(page).locator('.ant-select-item-option').first())).click();
    await page.getByRole('button', { name: '发起公示' }).last().click();
    await expectText(page.getByTestId('notice-error'), '已经发起过公示');
  });

  it('issue 14 the drc puts a published yearly assessment on notice; the public page shows platforms and ranks', async () => {
    await loginAs(page, server.baseUrl, 'drc', DEMO_PASSWORD);
    await page.getByTestId('menu-notices').click();
    await page.getByTestId('notice-new').click();
    // Sent without a choice: refused on the form, nothing started.
    await page.getByRole('button', { name: '发起公示' }).last().click();
    await expectText(page.locator('.ant-form-item-explain-error').first(), '请选择要公示的考核');
    await page.getByTestId('notice-run').click();
    await (await settledOption(openDropdown(page).locator('.ant-select-item-option').first())).click();
    await page.getByRole('button', { name: '发起公示' }).last().click();
    await expectText(page.getByTestId('notice-table'), '三大功能性平台考核结果公示');
    await expectText(page.getByTestId('notice-table'), '3 个平台');
    await page.goto('about:blank');
    await page.context().clearCookies();
    await page.goto(`${server.baseUrl}/public/notices`);
    await page.getByTestId('public-notice').filter({ hasText: '三大功能性平台考核结果公示' }).click();
    const table = page.getByTestId('public-entries');
    await expectText(table, '第 1 名');
    const headers = await table.locator('th').allInnerTexts();
    expect(headers.map((h) => h.trim())).toEqual(['平台', '考核名次']);
    await expectText(page.locator('body'), '名单列出三大平台的年度考核名次');
    await screenshot(page, 'notices-public-assessment');
  });
});
