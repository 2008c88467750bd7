import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { recordApiRefusals } from './failure-report.ts';

export const SCREENSHOT_DIR = fileURLToPath(new URL('../screenshots', import.meta.url));

const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
const CONTEXT = {
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  viewport: { width: 1440, height: 900 },
  acceptDownloads: true,
};

/** Debian's Chromium, headless, with the flags this machine's closed network needs (STACK.md gotcha 5). */
export async function openBrowser(): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'pgs-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { ...CHROMIUM, ...CONTEXT });
  const page = context.pages()[0] ?? (await context.newPage());
  recordApiRefusals(page);
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * One more Chromium with `count` tabs, each in a context of its own (own cookies, so each tab can be signed in as
 * another user): for a file that reads many pages and may read them side by side (page-text.e2e.ts).
 */
export async function openTabs(count: number): Promise<{ pages: Page[]; close(): Promise<void> }> {
  const browser = await chromium.launch(CHROMIUM);
  const pages = await Promise.all(
    Array.from({ length: count }, async () => (await browser.newContext(CONTEXT)).newPage()),
  );
  return { pages, close: () => browser.close() };
}

/** Resolves once no finite CSS animation or transition runs (antd's drawers, modals and toasts slide and fade in). */
export async function animationsSettled(page: Page) {
  // A function, not a string: the app's CSP (issue #10.9, no 'unsafe-eval') refuses a predicate given as text.
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every(
          (animation) =>
            animation.playState !== 'running' || animation.effect?.getComputedTiming().endTime === Infinity,
        ),
    undefined,
    { polling: 'raf', timeout: 10_000 },
  );
}

/**
 * Whether the run takes the reviewed screenshots: yes unless `PGS_E2E_SCREENSHOTS=0`, which `.ci/run` sets since no
 * one reads them there (≈ 1.6 s a call at load 17, ≈ 11 % of a file's test time). A failed test's screenshot is
 * taken either way (`screenshotOnFailure`).
 */
export const TAKE_SCREENSHOTS = process.env.PGS_E2E_SCREENSHOTS !== '0';

/**
 * A reviewed screenshot in e2e/screenshots/, once animations have settled. The whole page by default; a modal or
 * drawer is better taken as the viewport (`fullPage: false`), since its mask only covers the viewport. Without
 * screenshots (CI) only the settle wait is kept.
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean; chartAnimationMs?: number } = {},
) {
  // The settle wait stays when no picture is taken: the e2e files were written with it before each screenshot, and
  // only 4 of 21 were run without it, so a step after a screenshot may lean on it. The picture is what costs.
  await animationsSettled(page);
  if (!TAKE_SCREENSHOTS) return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // An ECharts chart animates on its canvas, which `getAnimations()` does not see: a fixed wait for the picture only.
  if (options.chartAnimationMs) await page.waitForTimeout(options.chartAnimationMs);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: options.fullPage ?? true });
}

/**
 * Signs in through the real login page (its labels 用户名 / 密码 and its 登录 button) and waits for the shell.
 * Starts from a blank page without cookies (a session left by an earlier test would skip the form): reloading /login would keep the history state of the page signed out from
 * (`from`), and the next user would be sent there.
 */
export async function loginAs(page: Page, baseUrl: string, username: string, password: string) {
  await page.goto('about:blank');
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.getByTestId('header-bar').waitFor();
}
