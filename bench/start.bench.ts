import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './npm-start.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** What a checkout has before its first `npm start`: no web build, no server bundle, no PGlite template data dir. */
const BUILD_OUTPUTS = ['packages/web/dist', 'packages/server/dist'].map((dir) => path.join(ROOT, dir));

/** Starts `npm start` on `dataDir`, returns the time until /api/v1/health answered 200, and stops it. */
async function timeToHealthy(dataDir: string): Promise<number> {
  const server = await startServer(dataDir);
  await server.stop();
  return server.healthyMs;
}

/**
 * Issue #15: `npm start` to a healthy server. 'warm': a data dir one earlier start of this build filled. 'empty': a
 * new data dir (the template copy, migrations check, reference and demo data), with the web app, the server bundle
 * and the template data dir already built. 'fresh': as on a new checkout, those build outputs removed first, so the
 * start also runs vite, esbuild and PGlite's initdb (the issue's own figure); it leaves them built again. Also a
 * bare `node -e 0` start, the floor.
 */
export async function benchStart(kind: 'warm' | 'empty' | 'fresh') {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pgs-start-'));
  try {
    if (kind === 'warm') await timeToHealthy(dataDir);
    if (kind === 'fresh') for (const dir of BUILD_OUTPUTS) rmSync(dir, { recursive: true, force: true });
    const ms = await timeToHealthy(dataDir);
    const nodeStarted = performance.now();
    await new Promise((resolve) => spawn(process.execPath, ['-e', '0']).on('exit', resolve));
    return { ms, nodeMs: performance.now() - nodeStarted };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
