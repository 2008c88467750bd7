import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './support/app-server.ts';
import { loginAs, screenshot } from './support/browser.ts';
import { appInBrowser, type AppServer } from './support/suite.ts';
import { apiGet, chooseOption, dataRows, downloadOf, expectText, loadWorkbook, POLL, toast } from './support/ui.ts';

/**
 * Issue #12 (land) end to end on the demo parcels: the public page without login, the ledger with its map and
 * sub-databases, registering a parcel by typing (with wrong input first), the parcel page's clock as of a day,
 * a stale write refused with its message, the due list and its 工作台 card, and a project's fitting parcels.
 */
let server: AppServer;
let page: Page;
appInBrowser((session) => ({ server, page } = session), { demoProjects: true });

type ParcelJson = {
  id: number;
  code: string;
  version: number;
  state: string;
  clock: { status: string; idleFee: string | null };
};
const api = <T>(path: string) => apiGet<T>(page, server.baseUrl, path);

describe('land (issue #12)', () => {
  it('the public page opens without login and shows only published parcels with their contact', async () => {
    await page.context().clearCookies();
    await page.goto(`${server.baseUrl}/public/parcels`);
    await expectText(page.locator('body'), '招商地块信息公开');
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count(), POLL).toBeGreaterThan(0);
    await expectText(page.locator('.ant-table-tbody'), '0577');
    expect(await page.locator('body').innerText()).not.toMatch(/责任人|土地价款|用地单位/);
    expect(page.url()).toMatch(/\/public\/parcels$/);
    await screenshot(page, 'land-public', { fullPage: true });
  });

  it('a platform user finds its ledger with the map, filters idle parcels and exports them', async () => {
    await loginAs(page, server.baseUrl, 'zn', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/parcels`);
    await expectText(page.getByTestId('parcel-total'), /共 \d+ 宗地块/);
    await page.getByTestId('parcel-map').waitFor();
    await chooseOption(page, 'parcel-filter-clock', '闲置');
    await expect.poll(() => page.url(), POLL).toMatch(/clockStatus=idle/);
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count(), POLL).toBeGreaterThan(0);
    const { buffer } = await downloadOf(page, page.getByTestId('parcel-export'));
    const book = await loadWorkbook(buffer);
    expect(dataRows(book.worksheets[0]!).length).toBeGreaterThan(0);
    await screenshot(page, 'land-ledger', { fullPage: true });
    // The 供而未用 sub-database tab.
    await page.getByRole('tab', { name: '供而未用子库' }).click();
    await expect.poll(() => page.url(), POLL).toMatch(/subDatabase=supplied_not_used/);
  });

  it('registers a parcel by typing; wrong area is refused on the field, a taken code by the server', async () => {
    await page.goto(`${server.baseUrl}/parcels`);
    await page.getByTestId('parcel-new').click();
    await page.getByTestId('parcel-code').pressSequentially('ZN-E2E-001');
    await page.getByTestId('parcel-area').pressSequentially('三十');
    await page.getByTestId('parcel-document').pressSequentially('浙土字〔2026〕8号');
    await page.getByTestId('parcel-person').pressSequentially('浙南管委会 黄主任');
    const approved = page.getByTestId('parcel-approved-on');
    await approved.click();
    await approved.pressSequentially('2026-01-05');
    await approved.press('Enter');
    await page.getByTestId('parcel-create-ok').click();
    await expectText(page.locator('.ant-form-item-explain-error').first(), '面积必须是数字');
    await page.getByTestId('parcel-area').fill('');
    await page.getByTestId('parcel-area').pressSequentially('30.5');
    await page.getByTestId('parcel-create-ok').click();
    await page.waitForURL(/\/parcels\/\d+$/);
    await expectText(page.getByTestId('parcel-title'), 'ZN-E2E-001');
    await expectText(page.getByTestId('parcel-timeline'), '浙土字〔2026〕8号');
    // The same code again: the server's Chinese sentence is shown.
    await page.goto(`${server.baseUrl}/parcels`);
    await page.getByTestId('parcel-new').click();
    await page.getByTestId('parcel-code').pressSequentially('ZN-E2E-001');
    await page.getByTestId('parcel-area').pressSequentially('10');
    await page.getByTestId('parcel-document').pressSequentially('浙土字〔2026〕9号');
    await page.getByTestId('parcel-person').pressSequentially('黄主任');
    await page.getByTestId('parcel-approved-on').click();
    await page.getByTestId('parcel-approved-on').pressSequentially('2026-01-06');
    await page.getByTestId('parcel-approved-on').press('Enter');
    await page.getByTestId('parcel-create-ok').click();
    await toast(page, '已存在').waitFor();
    await page.keyboard.press('Escape');
  });

  it('the parcel page explains an idle clock and reproduces an earlier day', async () => {
    const idle = await api<{ items: ParcelJson[] }>('/parcels?clockStatus=idle&pageSize=5');
    const parcel = idle.items.find((p) => p.clock.status === 'idle')!;
    await page.goto(`${server.baseUrl}/parcels/${parcel.id}`);
    await expectText(page.getByTestId('clock-status'), '闲置');
    await expectText(page.getByTestId('clock-reasons'), '土地闲置费');
    await screenshot(page, 'land-parcel-idle', { fullPage: true });
    const asOf = page.getByTestId('clock-asof');
    await asOf.click();
    await page.keyboard.press('Control+A');
    await asOf.pressSequentially('2020-01-01');
    await asOf.press('Enter');
    await expect.poll(() => page.url(), POLL).toMatch(/asOf=2020-01-01/);
    await expectText(page.getByTestId('clock-status'), '正常');
    await page.goBack();
    await expectText(page.getByTestId('clock-status'), '闲置');
  });

  it('a move on a version someone else changed is refused with its message', async () => {
    const list = await api<{ items: ParcelJson[] }>('/parcels?state=started&pageSize=5');
    const parcel = list.items[0]!;
    await page.goto(`${server.baseUrl}/parcels/${parcel.id}`);
    await page.getByTestId('parcel-action-progress').click();
    // Someone else reports progress meanwhile.
    const other = await page.evaluate(
      async ({ id, version }) =>
        (
          await fetch(`/api/v1/parcels/${id}/progress`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ reportedOn: '2026-01-02', developedArea: '1', version }),
          })
        ).status,
      { id: parcel.id, version: parcel.version },
    );
    expect(other).toBe(200);
    const reported = page.getByTestId('action-reportedOn');
    await reported.click();
    await reported.pressSequentially('2026-01-03');
    await reported.press('Enter');
    await page.getByTestId('parcel-action-ok').click();
    await page.locator('.ant-message-notice').first().waitFor();
    await screenshot(page, 'land-stale');
    await page.keyboard.press('Escape');
  });

  it('the due list and the 工作台 card name what becomes due', async () => {
    await page.goto(`${server.baseUrl}/parcels/due`);
    await expectText(page.getByTestId('due-total'), /共 \d+ 项/);
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count(), POLL).toBeGreaterThan(0);
    await screenshot(page, 'land-due', { fullPage: true });
    // 已过期 only; the choice is in the address, so Back from the 工作台 shows the same filtered list.
    await page.getByTestId('due-which').getByText('已过期').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('which'), POLL).toBe('past');
    const dueRows = page.locator('.ant-table-tbody tr.ant-table-row');
    // The former page stays shown until the filtered one arrives: wait until no row is still to come.
    await expect
      .poll(async () => (await dueRows.allInnerTexts()).filter((row) => row.includes('还有')).length, POLL)
      .toBe(0);
    expect(await dueRows.count()).toBeGreaterThan(0);
    for (const row of await dueRows.allInnerTexts()) expect(row).toMatch(/已过 \d+ 天/);
    const pastTotal = await page.getByTestId('due-total').innerText();
    await page.goto(`${server.baseUrl}/`);
    await expectText(page.getByTestId('home-due-parcels'), '地块到期提醒');
    await screenshot(page, 'land-home-card');
    await page.goBack();
    await expectText(page.getByTestId('due-total'), pastTotal);
    await expect
      .poll(() => page.getByTestId('due-which').locator('.ant-segmented-item-selected').innerText(), POLL)
      .toBe('已过期');
  });

  it("a project's page shows the fitting parcels with their reasons", async () => {
    const projects = await api<{ items: Array<{ id: number; landless: boolean; status: string }> }>(
      '/projects?pageSize=100',
    );
    const project = projects.items.find((p) => !p.landless && !['lost', 'rejected', 'landed'].includes(p.status))!;
    await page.goto(`${server.baseUrl}/projects/${project.id}`);
    await expectText(page.getByTestId('project-parcel-matches'), '适合该项目的地块');
    await screenshot(page, 'land-project-matches', { fullPage: true });
  });
});
