import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HEALTH_TIMEOUT_MS = 300_000;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => {
        resolve(port);
      });
    });
  });

/** Starts `npm start` (node scripts/start.mjs) on `dataDir` and returns the time until /api/v1/health answers 200. */
async function timeToHealthy(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs')], {
    cwd: ROOT,
    env: { ...process.env, PGS_DATA_DIR: dataDir, PORT: String(port), PGS_LOG_LEVEL: 'error' },
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    for (;;) {
      if (performance.now() - started > HEALTH_TIMEOUT_MS) throw new Error('npm start: not healthy within 300 s');
      try {
        const answer = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
        if (answer.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
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
