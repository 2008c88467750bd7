import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './support/app-server.ts';
import { loginAs, screenshot } from './support/browser.ts';
import { appInBrowser, type AppServer } from './support/suite.ts';
import {
  apiGet,
  columnOf,
  confirmPopconfirm,
  downloadOf,
  expectText,
  loadWorkbook,
  POLL,
  toast,
} from './support/ui.ts';

/**
 * Issue #12 (land) end to end, acting as people: the drc keeps the idle-land settings (wrong input refused on its
 * field, corrected, saved once even when clicked twice, a stale save refused with its message and the settings reloaded, Esc on the defaults
 * prompt), a platform user reads them only; then a platform user imports parcels through the wizard — a file with
 * bad rows is checked (every problem shown on its row, nothing written, the real import not offered), the fixed
 * file is checked and imported, and the same file again is refused whole.
 */
let server: AppServer;
let page: Page;
appInBrowser((session) => ({ server, page } = session));

type SettingsJson = { version: number; idleFeeRate: string; recoveryAfterYears: number; updatedByName: string | null };
const api = <T>(path: string) => apiGet<T>(page, server.baseUrl, path);

async function signIn(username: string) {
  await loginAs(page, server.baseUrl, username, DEMO_PASSWORD);
  await page.getByTestId('header-bar').waitFor();
}
async function signOut() {
  await page.getByTestId('logout-button').click();
  await page.waitForURL((url) => url.pathname === '/login');
}

/** The text input of one setting, emptied and typed into key by key. */
async function retype(field: string, text: string) {
  const input = page.getByTestId(`land-setting-${field}`).locator('input');
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.press('Backspace');
  await input.pressSequentially(text);
}
const fieldError = (field: string) => page.getByTestId(`land-setting-${field}`).locator('.ant-form-item-explain-error');

describe('idle-land settings (R3.6, kept by the eitc and the drc)', () => {
  it('a platform user reads the rules its clocks use but cannot change them', async () => {
    await signIn('zn');
    await page.getByTestId('menu-parcels-settings').click();
    await expectText(page.getByTestId('land-settings-version'), '尚未修改，使用《闲置土地处置办法》规定的默认值');
    await expectText(page.getByTestId('land-settings-version'), '由市经信委、市发改委维护');
    await expectText(page.getByTestId('land-setting-idleAfterYears'), '满该年数仍未动工的，认定为闲置土地');
    expect(await page.getByTestId('land-settings-save').count()).toBe(0);
    expect(await page.getByTestId('land-setting-idleFeeRate').locator('input').isDisabled()).toBe(true);
    await signOut();
  });

  it('the drc corrects a wrong value, saves once though clicking twice, and is told when someone saved first', async () => {
    await signIn('drc');
    await page.getByTestId('menu-parcels-settings').click();
    await page.getByTestId('land-settings-form').waitFor();
    // Wrong first: a fee of "0.3x" and a recovery no longer than the idle period.
    await retype('idleFeeRate', '0.3x');
    await retype('recoveryAfterYears', '1');
    await page.getByTestId('land-settings-save').click();
    await expectText(fieldError('idleFeeRate'), '闲置费比例必须是 0 到 1 之间的小数或分数');
    await expectText(fieldError('recoveryAfterYears'), '收回年限必须长于闲置认定年限');
    expect((await api<SettingsJson>('/land-settings')).version).toBe(1);
    await screenshot(page, 'land-settings-refused');
    // Corrected, then saved with a double click: one new version, not two.
    await retype('idleFeeRate', '0.15');
    await retype('recoveryAfterYears', '3');
    await page.getByTestId('land-settings-save').dblclick();
    await toast(page, '已保存').waitFor();
    await expectText(page.getByTestId('land-settings-version'), '当前版本 v2，市发改委 陈科长');
    const saved = await api<SettingsJson>('/land-settings');
    expect(saved).toMatchObject({ version: 2, idleFeeRate: '0.15', recoveryAfterYears: 3 });
    await expect.poll(() => fieldError('idleFeeRate').count(), POLL).toBe(0);
    await screenshot(page, 'land-settings');

    // Someone else saves meanwhile (the same rules, a new version): this page's save is refused with its message.
    const {
      version: _v,
      updatedAt: _a,
      updatedBy: _b,
      updatedByName: _n,
      ...values
    } = saved as SettingsJson & Record<string, unknown>;
    const other = await page.request.put(`${server.baseUrl}/api/v1/land-settings`, {
      data: { ...values, dueWithinDays: 45, version: 2 },
    });
    expect(other.status(), await other.text()).toBe(200);
    await retype('idleFeeRate', '0.18');
    await page.getByTestId('land-settings-save').click();
    await toast(page, '数据已被他人修改，请刷新后重试').waitFor();
    // The settings are reloaded: the other person's version, the refused change not applied.
    await expectText(page.getByTestId('land-settings-version'), '当前版本 v3');
    expect(await page.getByTestId('land-setting-dueWithinDays').locator('input').inputValue()).toBe('45');
    expect(await page.getByTestId('land-setting-idleFeeRate').locator('input').inputValue()).toBe('0.15');

    // The national defaults: Esc leaves the form as it is; confirmed, they are filled in and saved.
    await page.getByTestId('land-settings-defaults').click();
    await page.locator('.ant-popconfirm:not(.ant-popover-hidden)').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.ant-popconfirm:not(.ant-popover-hidden)').waitFor({ state: 'hidden' });
    expect(await page.getByTestId('land-setting-idleFeeRate').locator('input').inputValue()).toBe('0.15');
    await page.getByTestId('land-settings-defaults').click();
    await confirmPopconfirm(page, '填入');
    expect(await page.getByTestId('land-setting-idleFeeRate').locator('input').inputValue()).toBe('0.2');
    await page.getByTestId('land-settings-save').click();
    await expectText(page.getByTestId('land-settings-version'), '当前版本 v4');
    expect(await api<SettingsJson>('/land-settings')).toMatchObject({ idleFeeRate: '0.2', recoveryAfterYears: 2 });
    await signOut();
  });
});

/** The downloaded template with `rows` in place of its example row (cells by header). */
async function filled(template: Buffer, rows: Array<Record<string, string | number>>): Promise<Buffer> {
  const book = await loadWorkbook(template);
  const sheet = book.getWorksheet('地块')!;
  sheet.spliceRows(2, 1);
  rows.forEach((cells, index) => {
    const row = sheet.getRow(index + 2);
    for (const [header, value] of Object.entries(cells)) row.getCell(columnOf(sheet, header)).value = value;
    row.commit();
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function choose(buffer: Buffer, name: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-choose').click()]);
  await chooser.setFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
}

const parcel = (code: string, over: Record<string, string | number> = {}) => ({
  '地块编号*': code,
  '所属平台*': '浙南产业集聚区',
  '面积（亩）': 45.5,
  '规划用途*': '工业用地',
  所在区县: '龙湾区',
  '批准日期*': '2026-01-05',
  '批准文号*': '浙土字〔2026〕12号',
  '责任人*': '浙南管委会 黄主任',
  ...over,
});
const imported = async () => (await api<{ total: number }>('/parcels?q=ZN-IMP&pageSize=1')).total;

describe('the parcel import wizard (dry run, errors by row, all or nothing)', () => {
  it('a platform user checks a file with bad rows, fixes it, imports it, and cannot import it twice', async () => {
    await signIn('zn');
    await page.getByTestId('menu-parcels-import').click();
    const { buffer: template } = await downloadOf(page, page.getByTestId('import-template'));
    const sheet = (await loadWorkbook(template)).getWorksheet('地块')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('地块编号*');

    // Row 3: area in words; row 4: the code of row 2 again; row 5: another platform's parcel.
    const bad = await filled(template, [
      parcel('ZN-IMP-001'),
      parcel('ZN-IMP-002', { '面积（亩）': '四十五' }),
      parcel('ZN-IMP-001', { '规划用途*': '仓储用地' }),
      parcel('OJK-IMP-001', { '所属平台*': '瓯江口产业集聚区' }),
    ]);
    expect(await page.getByTestId('import-dry-run').isDisabled()).toBe(true);
    await choose(bad, '地块-有错.xlsx');
    await page.getByTestId('import-dry-run').click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    const rowTexts = () => errors.locator('tbody tr.ant-table-row').allInnerTexts();
    await expect.poll(async () => (await rowTexts()).length, POLL).toBe(3);
    const texts = await rowTexts();
    expect(texts[0]).toMatch(/^3\s/);
    expect(texts[1]).toMatch(/^4\s+地块编号 ZN-IMP-001 与第 2 行重复/);
    expect(texts[2]).toMatch(/^5\s+平台用户只能导入本平台的地块/);
    // Nothing written, and the real import is not offered for a file that failed its check.
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
    expect(await imported()).toBe(0);
    await screenshot(page, 'land-import-errors');

    // The fixed file: checked, then imported whole.
    const good = await filled(template, [
      parcel('ZN-IMP-001'),
      parcel('ZN-IMP-002', { '面积（亩）': '', '面积（平方米）': 30000 }),
      parcel('ZN-IMP-003', { '规划用途*': '仓储用地' }),
    ]);
    await choose(good, '地块-已改正.xlsx');
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
    await page.getByTestId('import-dry-run').click();
    await expectText(page.locator('body'), '检查通过：共 3 行，可以正式导入');
    expect(await imported()).toBe(0);
    await page.getByTestId('import-run').click();
    await expectText(page.getByTestId('import-done'), '已导入 3 宗地块');
    expect(await imported()).toBe(3);
    const area = await api<{ items: Array<{ area: string }> }>('/parcels?q=ZN-IMP-002');
    expect(Number(area.items[0]!.area)).toBe(45); // 30 000 m² = 45 亩 exactly
    await screenshot(page, 'land-import-done');

    // The same file again: every row is already in the ledger, so nothing is written.
    await page.getByTestId('import-dry-run').click();
    await expect.poll(async () => (await rowTexts()).length, POLL).toBe(3);
    expect((await rowTexts())[0]).toContain('地块编号 ZN-IMP-001 已在台账中');
    expect(await imported()).toBe(3);
    // Back to the ledger: the imported parcels are there as 批而未供.
    await page.getByTestId('menu-parcels').click();
    await page.getByPlaceholder('编号、地址或用地单位').pressSequentially('ZN-IMP');
    await page.keyboard.press('Enter');
    await expectText(page.getByTestId('parcel-total'), '共 3 宗地块');
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/parcels/import' || url.pathname === '/parcels');
  });
});
