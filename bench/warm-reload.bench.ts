import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type CDPSession } from 'playwright-core';
import { startServer } from './npm-start.ts';

const HEALTH_TIMEOUT_MS = 600_000;
const DEMO_PASSWORD = 'Demo-Pgs-2026';

/** What one load of the 工作台 fetched: requests, those that went to the server, bytes over the wire, time. */
export type LoadFigures = { requests: number; fromNetwork: number; notModified: number; bytes: number; ms: number };

/** The fields of the DevTools protocol's events this bench reads. */
type ResponseReceived = { requestId: string; type: string; response: { status: number } };
type LoadingFinished = { requestId: string; encodedDataLength: number };

/**
 * Counts the document, script and style requests of one load through the DevTools protocol. A request "went over
 * the network" when bytes came over the wire for it (a 304 counts: its headers did); one served from the memory or
 * disk cache reads 0 bytes.
 */
function watch(cdp: CDPSession) {
  const figures = { requests: 0, fromNetwork: 0, notModified: 0, bytes: 0 };
  const counted = new Set<string>();
  const received = (event: ResponseReceived) => {
    if (!['Document', 'Script', 'Stylesheet'].includes(event.type)) return;
    counted.add(event.requestId);
    figures.requests += 1;
    if (event.response.status === 304) figures.notModified += 1;
  };
  const finished = (event: LoadingFinished) => {
    if (!counted.has(event.requestId)) return;
    figures.bytes += event.encodedDataLength;
    if (event.encodedDataLength > 0) figures.fromNetwork += 1;
  };
  cdp.on('Network.responseReceived', received);
  cdp.on('Network.loadingFinished', finished);
  const stop = () => {
    cdp.off('Network.responseReceived', received);
    cdp.off('Network.loadingFinished', finished);
  };
  return { figures, stop };
}

/**
 * Issue #15: the 工作台 loaded again in a browser that has loaded it before (the leader, signed in): the built
 * assets are served `immutable` and index.html `no-cache` (platform/static-cache.ts), so a reload should fetch the
 * page and its data, not the scripts. Figures for the first load, a reload (F5) and opening the address again.
 * `from` (default `BENCH_DATA_DIR`) names a data dir to start from (copied; e.g. a seeded e2e template, or one
 * `seededDataDir` made), else `npm start` seeds one.
 */
export async function benchWarmReload(
  from: string | undefined = process.env.BENCH_DATA_DIR,
): Promise<{ cold: LoadFigures; reload: LoadFigures; again: LoadFigures }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pgs-reload-'));
  if (from) cpSync(from, dataDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'],
  });
  const server = await startServer(dataDir, { timeoutMs: HEALTH_TIMEOUT_MS, pollMs: 200 }).catch(
    async (error: unknown) => {
      await browser.close();
      rmSync(dataDir, { recursive: true, force: true });
      throw error;
    },
  );
  const { base } = server;
  try {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const home = page.getByTestId('home-page');
    const load = async (go: () => Promise<unknown>): Promise<LoadFigures> => {
      const { figures, stop } = watch(cdp);
      const t0 = performance.now();
      await go();
      await home.waitFor();
      await page.waitForLoadState('networkidle');
      const ms = performance.now() - t0;
      stop();
      return { ...figures, ms };
    };
    const cold = await load(async () => {
      await page.goto(`${base}/login`);
      await page.getByTestId('login-username').fill('leader');
      await page.getByTestId('login-password').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
    });
    const reload = await load(() => page.reload());
    const again = await load(() => page.goto(`${base}/`));
    return { cold, reload, again };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A data dir `npm start` seeded with the demo data (one start, stopped once healthy): the runs copy it. */
export async function seededDataDir(): Promise<{ dataDir: string; remove(): void }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pgs-reload-seed-'));
  const remove = () => {
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await (await startServer(dataDir, { timeoutMs: HEALTH_TIMEOUT_MS })).stop();
  } catch (error) {
    remove();
    throw error;
  }
  return { dataDir, remove };
}

/** The figures of one load, as one line. */
const loadLine = (name: string, f: LoadFigures) =>
  `${name.padEnd(7)} ${f.requests} documents/scripts/styles, ${f.fromNetwork} over the network (${f.notModified} × 304), ${(f.bytes / 1024).toFixed(1)} kB on the wire, ${Math.round(f.ms)} ms to the 工作台 and network idle`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await benchWarmReload();
  console.log(
    `load average ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  for (const [name, f] of Object.entries(result)) console.log(loadLine(name, f));
}
