import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { startAppServer } from './app-server.ts';
import { openBrowser } from './browser.ts';
import { screenshotOnFailure } from './ui.ts';

export type AppServer = Awaited<ReturnType<typeof startAppServer>>;
export type E2eSession = { server: AppServer; browser: Awaited<ReturnType<typeof openBrowser>>; page: Page };

/**
 * One e2e file's fixture: its own PGS server on a fresh database and its own Chromium, both closed after the file;
 * a failing test leaves a screenshot. `use` hands the file its handles once they exist.
 */
export function appInBrowser(
  use: (session: E2eSession) => void,
  options: { demoProjects?: boolean; demoTargets?: boolean } = {},
) {
  let session: E2eSession | undefined;
  beforeAll(
    async () => {
      const server = await startAppServer(options);
      const browser = await openBrowser();
      session = { server, browser, page: browser.page };
      use(session);
      // The demo target libraries (eight quarters × three platforms) take a minute more on a busy machine.
    },
    options.demoTargets ? 360_000 : undefined,
  );
  screenshotOnFailure(() => session?.page);
  afterAll(async () => {
    await session?.browser.close();
    await session?.server.stop();
  });
}
