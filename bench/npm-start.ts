import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A running `npm start`: where it answers, how long it took to answer /api/v1/health with 200, and its stop. */
export type StartedServer = { base: string; healthyMs: number; stop(): Promise<void> };

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => {
        resolve(port);
      });
    });
  });

/**
 * Starts `npm start` (node scripts/start.mjs) on `dataDir` and a free port, and waits until /api/v1/health answers
 * 200 (the start benches: start.bench.ts, warm-reload.bench.ts). A start that exits, or is not healthy within
 * `timeoutMs`, is stopped and throws. `stop()` sends SIGTERM and waits for the process to exit.
 */
export async function startServer(
  dataDir: string,
  { timeoutMs = 300_000, pollMs = 50 }: { timeoutMs?: number; pollMs?: number } = {},
): Promise<StartedServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs')], {
    cwd: ROOT,
    env: { ...process.env, PGS_DATA_DIR: dataDir, PORT: String(port), PGS_LOG_LEVEL: 'error' },
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`npm start exited with code ${child.exitCode} before it was healthy`);
      if (performance.now() - started > timeoutMs)
        throw new Error(`npm start: not healthy within ${Math.round(timeoutMs / 1000)} s`);
      const healthy = await fetch(`${base}/api/v1/health`).then(
        (answer) => answer.status === 200,
        () => false,
      );
      if (healthy) return { base, healthyMs: performance.now() - started, stop };
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  } catch (error) {
    await stop();
    throw error;
  }
}
