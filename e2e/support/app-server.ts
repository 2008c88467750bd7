import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { buildApp } from '../../packages/server/src/app.ts';
import { openDatabase } from '../../packages/server/src/platform/db.ts';
import { prepareDatabase } from '../../packages/server/src/startup.ts';
import { startAudit } from '../../packages/server/src/audit/audit-startup.ts';

export const WEB_ROOT = fileURLToPath(new URL('../../packages/web/dist', import.meta.url));
export const DEMO_PASSWORD = 'Demo-Pgs-2026';
export const ADMIN_PASSWORD = 'Admin-Pass-2026';

type DemoOptions = { demoProjects?: boolean; demoTargets?: boolean };

/** Opens PGS's database in `dataDir` as `npm start` does: the audit key made or read there, then the prepared data. */
async function openPrepared(dataDir: string, options: DemoOptions) {
  const database = await openDatabase({ url: null, dataDir });
  // As `npm start` does: the audit key is made in the data dir on the first start, the head anchored beside it.
  const anchoring = await startAudit(database.db, {
    keyFile: path.join(dataDir, 'audit.key'),
    anchorFile: path.join(dataDir, 'audit-anchors.jsonl'),
    appendOnlyRole: false,
    clock: () => new Date(),
  });
  await prepareDatabase(
    database.db,
    {
      adminPassword: ADMIN_PASSWORD,
      demo: true,
      demoProjects: options.demoProjects ?? false,
      demoTargets: options.demoTargets ?? false,
    },
    new Date(),
  );
  return { database, anchoring };
}

/**
 * A data dir of the file's own with the demo data `options` ask for. The first file of the run that asks for a set
 * seeds it into the run's template folder (global-setup.ts) — a first start — and closes it cleanly; this file and
 * every later one get a copy of that folder (key, anchors and PGlite's files), which the server then opens as a warm
 * restart does. Without the global setup (a file run by another runner), the dir is seeded in place.
 */
async function demoDataDir(options: DemoOptions): Promise<string> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pgs-e2e-'));
  const templates = inject('pgsE2eTemplates') as string | undefined;
  if (!templates) return dataDir;
  const template = path.join(
    templates,
    `demo${options.demoProjects ? '-projects' : ''}${options.demoTargets ? '-targets' : ''}`,
  );
  if (!existsSync(template)) {
    // Seeded beside its final name and renamed when closed: a half-made template is never copied.
    const making = mkdtempSync(`${template}-making-`);
    const { database, anchoring } = await openPrepared(making, options);
    await anchoring.stop();
    await database.close();
    renameSync(making, template);
  }
  cpSync(template, dataDir, { recursive: true });
  return dataDir;
}

/**
 * PGS as `npm start` runs it — embedded PGlite in a data dir of its own, demo data, the built web app — on a free
 * port, so every e2e file has its own server and database. `demoProjects` adds the ~60 demo projects of the ledger.
 */
export async function startAppServer(options: DemoOptions = {}) {
  const dataDir = await demoDataDir(options);
  const { database, anchoring } = await openPrepared(dataDir, options);
  const app = await buildApp({ database, webRoot: WEB_ROOT });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      await app.close();
      await anchoring.stop();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
