import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { can, type Permission, type Role } from '../packages/domain/src/platform/roles.ts';
import { ADMIN_PASSWORD, DEMO_PASSWORD } from './support/app-server.ts';
import { animationsSettled, loginAs, openTabs } from './support/browser.ts';
import { appInBrowser, type AppServer } from './support/suite.ts';

/**
 * Users see their language, not ours (issue 9): every page, for every demo role, is rendered and its visible text
 * (document.body.innerText, with the tooltips of the page's info icons opened) is searched for rule ids, file
 * names, developer words and English words a civil servant would not expect. Every finding is listed at once.
 */
let server: AppServer;

appInBrowser((session) => ({ server } = session), { demoProjects: true });

/**
 * The accounts are read side by side, each in a tab (and cookie jar) of its own: most of a page's time is waiting for
 * the network to go quiet and animations to end, which the other tabs' work fills (issue #11: ≈ 10 min read one
 * account after another).
 */
const TABS = 3;
let tabs: Awaited<ReturnType<typeof openTabs>>;
beforeAll(async () => {
  tabs = await openTabs(TABS);
  tabs.pages.forEach(trackApi);
});
afterAll(async () => {
  await tabs.close();
});

const ACCOUNTS: ReadonlyArray<{ username: string; role: Role; password?: string }> = [
  { username: 'leader', role: 'leader' },
  { username: 'drc', role: 'drc' },
  { username: 'bureau', role: 'bureau' },
  { username: 'eitc', role: 'eitc' },
  { username: 'ojk', role: 'platform' },
  { username: 'zn', role: 'platform' },
  { username: 'gxq', role: 'platform' },
  { username: 'auditor', role: 'auditor' },
  { username: 'admin', role: 'admin', password: ADMIN_PASSWORD },
];

/** What users must never read, each with the reason it is refused. */
const FORBIDDEN: ReadonlyArray<[RegExp, string]> = [
  [/\b[RD]\d+(\.\d+)?\b/g, 'rule id'],
  [/DOMAIN-FACTS|\.md\b|\.ts\b|\.tsx\b/g, 'file name'],
  [
    /接口|服务器|\bAPI\b|JSON|\bnull\b|\bundefined\b|\bNaN\b|Invalid Date|\[object Object\]|Infinity/g,
    'developer word',
  ],
];

/**
 * English a page may show: the product's and standards' names, units and the language switch. Any other Latin
 * word of three letters or more is reported (a field key, an enum value, an untranslated sentence).
 */
const ALLOWED_LATIN = new Set([
  'PGS',
  'Excel',
  'Word',
  'English',
  'GB',
  'xlsx',
  'kWh',
  'tce',
  'ABCD',
  'MB',
  'CSV',
  'UTF',
]);
/** Login names are Latin by design, and the users page lists them; anywhere else a person is shown by name. */
const LOGIN_NAMES = new Set(ACCOUNTS.map((account) => account.username));

type Finding = { who: string; path: string; what: string; text: string };

function findingsIn(text: string, who: string, path: string): Finding[] {
  const found: Finding[] = [];
  for (const [pattern, what] of FORBIDDEN) {
    for (const match of text.matchAll(pattern)) {
      found.push({
        who,
        path,
        what,
        text: text.slice(Math.max(0, match.index - 20), match.index + match[0].length + 20).replace(/\s+/g, ' '),
      });
    }
  }
  // Whole Latin words only: the letters inside a credit code (91330302MA1PHJGNU0) are not words.
  for (const match of text.matchAll(/(?<![A-Za-z0-9])[A-Za-z][A-Za-z_]{1,}(?![A-Za-z0-9])/g)) {
    if (ALLOWED_LATIN.has(match[0])) continue;
    if (path === '/admin/users' && LOGIN_NAMES.has(match[0])) continue;
    found.push({
      who,
      path,
      what: `English word “${match[0]}”`,
      text: text.slice(Math.max(0, match.index - 20), match.index + match[0].length + 20).replace(/\s+/g, ' '),
    });
  }
  return found;
}

/**
 * The API requests each tab has in flight and when the last one started or ended: a page has loaded once none is
 * in flight for QUIET_MS, no spinner or skeleton shows and its animations have ended. Counting the app's own API
 * calls replaces `networkidle` (≥ 500 ms of quiet on every connection, after a reload of the whole app).
 */
const QUIET_MS = 100;
const traffic = new WeakMap<Page, { inFlight: number; lastChange: number }>();

function trackApi(page: Page) {
  const state = { inFlight: 0, lastChange: Date.now() };
  traffic.set(page, state);
  const isApi = (url: string) => new URL(url).pathname.startsWith('/api/');
  page.on('request', (request) => {
    if (!isApi(request.url())) return;
    state.inFlight += 1;
    state.lastChange = Date.now();
  });
  const ended = (request: { url(): string }) => {
    if (!isApi(request.url())) return;
    state.inFlight -= 1;
    state.lastChange = Date.now();
  };
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
}

async function pageLoaded(page: Page, path: string) {
  const state = traffic.get(page)!;
  const quiet = () => state.inFlight === 0 && Date.now() - state.lastChange >= QUIET_MS;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const drawn =
      quiet() &&
      (await page.evaluate(
        (expected) =>
          location.pathname === expected &&
          !document.querySelector('[data-left-page], [data-testid="page-loading"], .ant-spin-spinning, .ant-skeleton'),
        path,
      ));
    // Quiet again after the look: the page may have asked for more while it drew.
    if (drawn && quiet()) break;
    if (Date.now() > deadline) throw new Error(`${path} did not finish loading in 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await animationsSettled(page);
}

/**
 * Opens `path` as a user does, inside the app already loaded: a menu page from the side menu, any other page by
 * the history (as a link inside the app does); a reload of the whole app for every page cost most of this file's time.
 * The page shown before is marked first: the router keeps it on screen while the next page's code loads (a
 * transition), and the next page has been drawn only once none of it is left.
 */
async function openInApp(page: Page, path: string) {
  await page.evaluate((to) => {
    if (location.pathname === to) return;
    for (const part of document.querySelector('.ant-layout-content')?.children ?? [])
      if (part.getAttribute('data-testid') !== 'page-title') part.setAttribute('data-left-page', '');
  }, path);
  const entry = page.locator(`[data-testid="side-menu"] [data-path="${path}"]`);
  if (await entry.count()) await entry.click();
  else
    await page.evaluate((to) => {
      history.pushState({}, '', to);
      dispatchEvent(new PopStateEvent('popstate'));
    }, path);
  await pageLoaded(page, path);
}

/** The page's text once its data has arrived, with the text of each info icon's tooltip (hovered, as people do). */
async function visibleText(page: Page, path: string): Promise<string> {
  await openInApp(page, path);
  let text = await page.evaluate(() => document.body.innerText);
  // An alert's own status icon opens no tooltip: waiting for one there cost 2 s an icon.
  const icons = page.locator('.anticon-question-circle:not(.ant-alert *), .anticon-info-circle:not(.ant-alert *)');
  const count = Math.min(await icons.count(), 8);
  for (let i = 0; i < count; i += 1) {
    const icon = icons.nth(i);
    if (!(await icon.isVisible())) continue;
    await icon.hover();
    // An open tooltip names its popup (role="tooltip") in its trigger's aria-describedby (antd's Tooltip).
    const tip = await page
      .waitForFunction(
        (hovered) => {
          for (let node: Element | null = hovered; node; node = node.parentElement) {
            for (const id of (node.getAttribute('aria-describedby') ?? '').split(' ')) {
              const popup = id ? document.getElementById(id) : null;
              if (popup?.getAttribute('role') === 'tooltip') return popup.innerText || null;
            }
          }
          return null;
        },
        await icon.elementHandle(),
        { polling: 'raf', timeout: 2_000 },
      )
      .then((handle) => handle.jsonValue())
      .catch(() => '');
    text += `\n${tip}`;
  }
  return text;
}

/**
 * The pages reached from another page, not from the menu (APP_ROUTES' hideInMenu), with their permission; a sample
 * of each is opened. The menu pages are read from the menu itself (each entry carries its path).
 */
const DETAIL_PAGES: ReadonlyArray<{ path: string; permission: Permission }> = [
  { path: '/projects/:id', permission: 'projects.read' },
  { path: '/enterprises/:creditCode', permission: 'enterprises.read' },
  { path: '/evaluations/:id/measures', permission: 'evaluations.read' },
  { path: '/evaluations/:id/rectification', permission: 'evaluations.read' },
  { path: '/renewal/cases/:id', permission: 'renewal.read' },
  { path: '/targets/:id', permission: 'targets.read' },
];

/** Concrete paths for the signed-in role: every menu page, and one of each detail page it may open. */
async function pathsOf(page: Page, role: Role): Promise<string[]> {
  const get = async <T>(path: string): Promise<T> =>
    (await (await page.request.get(`${server.baseUrl}/api/v1${path}`)).json()) as T;
  const paths = await page
    .locator('[data-testid="side-menu"] [data-path]')
    .evaluateAll((spans) => spans.map((span) => span.getAttribute('data-path')!));
  expect(paths.length).toBeGreaterThan(1);
  for (const route of DETAIL_PAGES) {
    if (!can(role, route.permission)) continue;
    if (route.path === '/projects/:id') {
      const first = (await get<{ items: Array<{ id: number }> }>('/projects?pageSize=1')).items[0];
      if (first) paths.push(`/projects/${first.id}`);
    } else if (route.path === '/enterprises/:creditCode') {
      const first = (await get<{ items: Array<{ creditCode: string }> }>('/enterprises?pageSize=1')).items[0];
      if (first) paths.push(`/enterprises/${first.creditCode}`);
    } else if (route.path === '/renewal/cases/:id') {
      const first = (await get<{ items: Array<{ id: number }> }>('/renewal-cases?pageSize=1')).items[0];
      if (first) paths.push(`/renewal/cases/${first.id}`);
    } else if (route.path === '/targets/:id') {
      const first = (await get<{ items: Array<{ id: number }> }>('/targets?pageSize=1')).items[0];
      if (first) paths.push(`/targets/${first.id}`);
    } else {
      const run = (await get<{ items: Array<{ id: number }> }>('/evaluations?pageSize=1')).items[0];
      if (run) paths.push(route.path.replace(':id', String(run.id)));
    }
  }
  return paths;
}

/** The pages of the projects and industries modules are another team's (issue 9 is split): scanned separately. */
const isProjectsPage = (path: string) => path.startsWith('/projects') || path.startsWith('/industries');

/** One account's findings on every page it may open, read in `page` (a tab of its own). */
async function scanAccount(page: Page, account: (typeof ACCOUNTS)[number]): Promise<Finding[]> {
  await loginAs(page, server.baseUrl, account.username, account.password ?? DEMO_PASSWORD);
  const findings = findingsIn(await page.evaluate(() => document.body.innerText), account.username, AFTER_SIGN_IN);
  for (const path of await pathsOf(page, account.role)) {
    findings.push(...findingsIn(await visibleText(page, path), account.username, path));
  }
  return findings;
}

const AFTER_SIGN_IN = '(after sign-in)';

/** Every account's findings, read once for both tests (each signs in every account only once). */
let scanned: Promise<Finding[]> | undefined;
function scanAll(): Promise<Finding[]> {
  scanned ??= (async () => {
    const findings: Finding[] = [];
    let next = 0;
    // Each tab takes the next account not yet read until none is left; the report sorts, so the order is free.
    await Promise.all(
      tabs.pages.map(async (page) => {
        while (next < ACCOUNTS.length) {
          const account = ACCOUNTS[next];
          next += 1;
          findings.push(...(await scanAccount(page, account!)));
        }
      }),
    );
    return findings;
  })();
  return scanned;
}

/** The findings on the pages `select` keeps, and those seen right after signing in. */
async function scan(select: (path: string) => boolean): Promise<Finding[]> {
  return (await scanAll()).filter((finding) => finding.path === AFTER_SIGN_IN || select(finding.path));
}

function report(findings: Finding[]): string[] {
  // One line per distinct text, with the accounts that saw it.
  const lines = new Map<string, Set<string>>();
  for (const finding of findings) {
    const key = `${finding.path.replace(/\/\d+(?=\/|$)/, '/:id').replace(/\/[0-9A-Z]{18}$/, '/:creditCode')} — ${finding.what}: …${finding.text}…`;
    lines.set(key, (lines.get(key) ?? new Set()).add(finding.who));
  }
  return [...lines].map(([line, who]) => `${line} [${[...who].join(', ')}]`).sort();
}

describe('page text: users see their language', () => {
  it('no rule ids, file names, developer or stray English words on any page outside the projects module, for every role', async () => {
    expect(report(await scan((path) => !isProjectsPage(path)))).toEqual([]);
  }, 900_000);

  it('the same on the projects and industries pages (fixed by the projects team)', async () => {
    expect(report(await scan(isProjectsPage))).toEqual([]);
  }, 900_000);
});
