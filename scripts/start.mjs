// `npm start`: builds the web app if needed, then runs PGS on the embedded database with the demo data set.
// SIGINT/SIGTERM to this process stop the server child (it closes its port and the embedded database), then this
// process exits with the child's code; a child that has not stopped after STOP_GRACE_MS is killed.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWebIfStale } from './build-web.mjs';
import { buildServerIfStale } from './build-server.mjs';

const STOP_GRACE_MS = 20_000;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let server = null;
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (!server) process.exit(0);
    if (stopping) return;
    stopping = true;
    server.kill(signal);
    setTimeout(() => server.kill('SIGKILL'), STOP_GRACE_MS).unref();
  });
}

if (process.env.PGS_SKIP_WEB_BUILD !== '1') buildWebIfStale();
// The server runs from its esbuild bundle (rebuilt when a source changed; well under a second), not through tsx:
// loading ~500 TypeScript files through tsx was about half of a warm start (issue #15). `npm run dev` still uses tsx.
const bundle = await buildServerIfStale();
server = spawn(process.execPath, ['--enable-source-maps', bundle], {
  cwd: root,
  stdio: 'inherit',
  env: { PGS_DEMO: '1', ...process.env },
});
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
