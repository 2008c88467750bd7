// `npm start`: builds the web app and the server bundle if needed, then runs PGS on the embedded database with the
// demo data set, in this same process (issue #15: a second node process was one more start-up on every start).
// SIGINT/SIGTERM stop the server (main.ts: it closes its port and the embedded database) and exit with its code.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { buildWebIfStale } from './build-web.mjs';
import { buildServerIfStale } from './build-server.mjs';

if (process.env.PGS_SKIP_WEB_BUILD !== '1') buildWebIfStale();
// The server runs from its esbuild bundle (rebuilt when a source changed; well under a second), not through tsx:
// loading ~500 TypeScript files through tsx was about half of a warm start (issue #15). `npm run dev` still uses tsx.
const bundle = await buildServerIfStale();
process.env.PGS_DEMO ??= '1';
// Which build runs: a warm start skips preparing a data dir this same build already prepared (startup-marker.ts).
process.env.PGS_BUILD_ID = createHash('sha256').update(readFileSync(bundle)).digest('hex').slice(0, 32);
// Stack traces name the TypeScript lines, as `--enable-source-maps` did for the child process before.
process.setSourceMapsEnabled(true);
await import(pathToFileURL(bundle).href);
