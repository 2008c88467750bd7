// `npm start`: builds the web app and the server bundle if needed, then runs PGS on the embedded database with the
// demo data set, in this same process (issue #15: a second node process was one more start-up on every start).
// SIGINT/SIGTERM stop the server (server.ts: it closes its port and the embedded database) and exit with its code.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { startWebBuildIfStale } from './build-web.mjs';
import { buildServerIfStale } from './build-server.mjs';

// A first start builds the web app in a child process while this one opens and seeds the database (2 cores): the
// server waits for it only before it builds its routes (server.ts `webBuilt`).
const webBuilt = process.env.PGS_SKIP_WEB_BUILD === '1' ? Promise.resolve() : startWebBuildIfStale();
// Handled where the server awaits it; without this, a failure before that point would end the process unclean.
webBuilt.catch(() => undefined);
// The server runs from its esbuild bundle (rebuilt when a source changed; well under a second), not through tsx:
// loading ~500 TypeScript files through tsx was about half of a warm start (issue #15). `npm run dev` still uses tsx.
const bundle = await buildServerIfStale();
process.env.PGS_DEMO ??= '1';
// Which build runs: a warm start skips preparing a data dir this same build already prepared (startup-marker.ts).
process.env.PGS_BUILD_ID = createHash('sha256').update(readFileSync(bundle)).digest('hex').slice(0, 32);
// Stack traces name the TypeScript lines, as `--enable-source-maps` did for the child process before.
process.setSourceMapsEnabled(true);
const { runServer } = await import(pathToFileURL(bundle).href);
await runServer({ webBuilt });
