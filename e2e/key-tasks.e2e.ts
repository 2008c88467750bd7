import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './support/app-server.ts';
import { loginAs, screenshot } from './support/browser.ts';
import { appInBrowser, type AppServer } from './support/suite.ts';
import { apiGet, dataRows, downloadOf, expectText, loadWorkbook, POLL, todayInShanghai } from './support/ui.ts';

/**
 * R4.4 key-task list in the browser: the drc adds a task typing as people type (a deadline outside the year is
 * refused with the server's message, a double click adds one task); a platform reports its own part; a report for a
 * month not yet come is refused on screen; the list exports to Excel.
 */
let server: AppServer;
let page: Page;
appInBrowser((session) => ({ server, page } = session));

const year = Number(todayInShanghai().slice(0, 4));
type TaskPage = {
  items: Array<{ id: number; title: string; status: string; parts: Array<{ reached: string }> }>;
  total: number;
};
const tasks = () => apiGet<TaskPage>(page, server.baseUrl, `/key-tasks?year=${year}`);

describe('the key-task list in the browser (R4.4)', () => {
  it('R4.4 the drc adds a task: a refused deadline shows the reason, a double click adds one', async () => {
    await loginAs(page, server.baseUrl, 'drc', DEMO_PASSWORD);
    await page.getByTestId('menu-key-tasks').click();
    await expectText(page.getByTestId('key-task-table'), '点击“新增任务”或“Excel 导入”添加');
    await page.getByTestId('task-new').click();
    await page.getByTestId('task-title').pressSequentially('新引进亿元以上制造业项目', { delay: 20 });
    const deadline = page.getByTestId('task-deadline');
    await deadline.fill('');
    await deadline.pressSequentially(`${year + 1}-01-31`, { delay: 20 });
    await page.getByTestId('task-target').pressSequentially('5', { delay: 20 });
    await page.getByTestId('task-unit').pressSequentially('个', { delay: 20 });
    await page.getByRole('checkbox', { name: '浙南' }).check();
    await page.getByRole('checkbox', { name: '瓯江口' }).check();
    await page.getByRole('button', { name: '保存' }).click();
    await expectText(page.getByTestId('task-form-error'), '完成期限应在任务所属年度内');
    expect((await tasks()).total).toBe(0);
    for (let i = 0; i < 5; i++) await deadline.press('Backspace');
    await deadline.pressSequentially(`${year}-12-31`.slice(-5), { delay: 20 });
    await deadline.fill(`${year}-12-31`);
    const save = page.getByRole('button', { name: '保存' });
    await save.dblclick();
    await expectText(page.getByTestId('key-task-table'), '新引进亿元以上制造业项目');
    await expect.poll(async () => (await tasks()).total, POLL).toBe(1);
    await screenshot(page, 'key-tasks-list');
  });

  it('R4.4 a required field left empty is marked before anything is sent', async () => {
    await page.getByTestId('task-new').click();
    await page.getByRole('button', { name: '保存' }).click();
    await expectText(page.locator('.ant-modal'), '请填写任务名称');
    await page.keyboard.press('Escape');
    expect((await tasks()).total).toBe(1);
  });

  it('R4.4 a platform reports its own part; a month not yet come is refused with the reason', async () => {
    await loginAs(page, server.baseUrl, 'ojk', DEMO_PASSWORD);
    await page.getByTestId('menu-key-tasks').click();
    await page.getByTestId('key-task-table').getByText('新引进亿元以上制造业项目').click();
    const drawer = page.getByTestId('task-drawer');
    await drawer.waitFor();
    // Only its own part is shown to a platform (D10).
    await expectText(drawer, '瓯江口');
    expect(await drawer.innerText()).not.toContain('浙南');
    const month = page.getByTestId('progress-month');
    await month.fill('');
    await month.pressSequentially(`${year + 1}-01`, { delay: 20 });
    await page.getByTestId('progress-value').pressSequentially('3', { delay: 20 });
    await page.getByTestId('progress-submit').click();
    await expectText(page.getByTestId('progress-error'), '尚未到来');
    await month.fill(todayInShanghai().slice(0, 7));
    await page.getByTestId('progress-note').pressSequentially('已签约 3 个', { delay: 20 });
    await page.getByTestId('progress-submit').click();
    await expectText(drawer, '已签约 3 个');
    await expect.poll(async () => (await tasks()).items[0]?.parts[0]?.reached, POLL).toBe('3');
    await screenshot(page, 'key-tasks-progress');
    await page.keyboard.press('Escape');
  });

  it('R4.4 the list exports to Excel with the status as of today', async () => {
    await loginAs(page, server.baseUrl, 'leader', DEMO_PASSWORD);
    await page.getByTestId('menu-key-tasks').click();
    await expectText(page.getByTestId('completion'), '%');
    const { buffer } = await downloadOf(page, page.getByRole('button', { name: '导出 Excel' }));
    const sheet = (await loadWorkbook(buffer)).worksheets[0]!;
    const rows = dataRows(sheet);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.getCell(2).value).toBe('新引进亿元以上制造业项目');
    expect(rows[0]!.getCell(9).value).toBe('推进中');
  });
});
