import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './npm-start.ts';

/** Starts `npm start` on `dataDir`, returns the time until /api/v1/health answered 200, and stops it. */
async function timeToHealthy(dataDir: string): Promise<number> {
  const server = await startServer(dataDir);
  await server.stop();
  return server.healthyMs;
}

/**
 * Issue #15: `npm start` to a healthy server. 'empty': a new data dir (migrations, reference data, demo data; the web
 * app is already built). 'warm': a data dir one earlier start filled. Also a bare `node -e 0` start, the floor.
 */
export async function benchStart(kind: 'warm' | 'empty') {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pgs-start-'));
  try {
    if (kind === 'warm') await timeToHealthy(dataDir);
    const ms = await timeToHealthy(dataDir);
    const nodeStarted = performance.now();
    await new Promise((resolve) => spawn(process.execPath, ['-e', '0']).on('exit', resolve));
    return { ms, nodeMs: performance.now() - nodeStarted };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
