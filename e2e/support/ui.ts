import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, expect } from 'vitest';
import type { Download, Locator, Page } from 'playwright-core';
import { failureReport } from './failure-report.ts';

/** The open (not hidden) Select / AutoComplete dropdown; options inside repeat testids, so scope to it. */
export function openDropdown(page: Page): Locator {
  return page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
}

/** How long a UI assertion waits for the page to get there (vitest's own default of 1 s is too short). */
export const POLL = { timeout: 15_000, interval: 100 };

/** Waits until the locator's visible text contains `text` (first match must exist). */
export async function expectText(locator: Locator, text: string | RegExp) {
  const read = () => locator.first().innerText({ timeout: POLL.timeout });
  if (typeof text === 'string') await expect.poll(read, POLL).toContain(text);
  else await expect.poll(read, POLL).toMatch(text);
}

/**
 * Waits until the dropdown holding `option` has finished its opening animation: a click during the motion
 * may not select anything (antd's popup ignores the pointer while it slides in).
 */
export async function settledOption(option: Locator): Promise<Locator> {
  await option.waitFor();
  const dropdown = option.locator(
    'xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select-dropdown ")]',
  );
  await expect
    .poll(async () => (await dropdown.getAttribute('class')) ?? '', POLL)
    .not.toMatch(/-(appear|enter|leave)\b/);
  return option;
}

/** Opens the antd Select wrapped by (or carrying) `testId` and picks the option whose title is `label`. */
export async function chooseOption(page: Page, testId: string, label: string) {
  await page.getByTestId(testId).click();
  const option = await settledOption(openDropdown(page).locator(`.ant-select-item-option[title="${label}"]`));
  await option.click();
  await option.waitFor({ state: 'hidden' });
  await expectText(page.getByTestId(testId), label);
}

/** Types into an IndustryCodeInput (AutoComplete) and picks the suggested code from its dropdown. */
export async function pickIndustryCode(page: Page, testId: string, code: string) {
  const input = page.locator(`[data-testid="${testId}"] input`);
  await input.click();
  await input.fill(code);
  const option = await settledOption(openDropdown(page).getByTestId(`industry-option-${code}`));
  await option.click();
  await option.waitFor({ state: 'hidden' });
  await expect.poll(() => input.inputValue(), POLL).toBe(code);
}

/** A toast from antd's message API with this text. */
export function toast(page: Page, text: string): Locator {
  return page.locator('.ant-message-notice').filter({ hasText: text });
}

/** 'YYYY-MM-DD' of today in Asia/Shanghai, the calendar the server judges dates by. */
export function todayInShanghai(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Clicks `trigger` and returns the file the page downloads. */
export async function downloadOf(page: Page, trigger: Locator): Promise<{ download: Download; buffer: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  const file = await download.path();
  return { download, buffer: await readFile(file) };
}

export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** Data rows (all but the header) of a sheet that have at least one value. */
export function dataRows(sheet: ExcelJS.Worksheet): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber > 1) rows.push(row);
  });
  return rows;
}

/** Column number of a header cell in row 1. */
export function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  sheet.getRow(1).eachCell((cell, column) => {
    if (cell.text.trim() === header) found = column;
  });
  if (!found) throw new Error(`no column “${header}” in sheet ${sheet.name}`);
  return found;
}

/** Keeps a screenshot of the page when a test fails (outside e2e/screenshots, which holds the reviewed ones). */
export function screenshotOnFailure(getPage: () => Page | undefined) {
  afterEach(async (context) => {
    const page = getPage();
    if (context.task.result?.state !== 'fail' || !page || page.isClosed()) return;
    const file = path.join(
      os.tmpdir(),
      `pgs-e2e-failed-${context.task.name.replace(/[^\w\u4e00-\u9fff-]+/g, '_').slice(0, 80)}.png`,
    );
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.error(`screenshot of the failed test: ${file}\n${await failureReport(page)}`);
  });
}

/** GET of the API with the browser's session cookie; the answer must be 200. */
export async function apiGet<T>(page: Page, baseUrl: string, path: string): Promise<T> {
  const response = await page.request.get(`${baseUrl}/api/v1${path}`);
  expect(response.status(), `GET ${path}`).toBe(200);
  return (await response.json()) as T;
}

/**
 * Confirms the open Popconfirm with the button named `name`, once its zoom-in has finished: a click during the
 * motion can land before antd wires the button and is lost.
 */
export async function confirmPopconfirm(page: Page, name: string) {
  const popup = page.locator('.ant-popconfirm:not(.ant-popover-hidden)').last();
  await popup.waitFor();
  await expect.poll(async () => (await popup.getAttribute('class')) ?? '', POLL).not.toMatch(/-(appear|enter|leave)\b/);
  const button = popup.getByRole('button', { name });
  await button.click();
  await popup.waitFor({ state: 'hidden' });
}

/**
 * Opens `path` (with its query) inside the app already loaded, as a link in the app does: through the history, no
 * reload. A `page.goto` loads and starts the whole app again (its script, the session, the menu), a few seconds under
 * load; keep `page.goto` where the test is what a typed address or a reload does.
 */
export async function followLink(page: Page, path: string) {
  await page.evaluate((to) => {
    history.pushState({}, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  const wanted = new URL(path, 'http://app');
  await page.waitForURL((url) => url.pathname === wanted.pathname && url.search === wanted.search);
}
