// `npm start`: builds the web app if needed, then runs PGS on the embedded database with the demo data set.
// SIGINT/SIGTERM to this process stop the server child (it closes its port and the embedded database), then this
// process exits with the child's code; a child that has not stopped after STOP_GRACE_MS is killed.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWebIfStale } from './build-web.mjs';

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
server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'packages/server/src/main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: { PGS_DEMO: '1', ...process.env },
});
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
