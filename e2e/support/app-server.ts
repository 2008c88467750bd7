import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../../packages/server/src/app.ts';
import { openDatabase } from '../../packages/server/src/platform/db.ts';
import { prepareDatabase } from '../../packages/server/src/startup.ts';
import { startAudit } from '../../packages/server/src/audit/audit-startup.ts';

export const WEB_ROOT = fileURLToPath(new URL('../../packages/web/dist', import.meta.url));
export const DEMO_PASSWORD = 'Demo-Pgs-2026';
export const ADMIN_PASSWORD = 'Admin-Pass-2026';

/**
 * PGS as `npm start` runs it — embedded PGlite in a data dir of its own, demo data, the built web app — on a free
 * port, so every e2e file has its own server and database. `demoProjects` adds the ~60 demo projects of the ledger.
 */
export async function startAppServer(options: { demoProjects?: boolean; demoTargets?: boolean } = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pgs-e2e-'));
  const database = await openDatabase({ url: null, dataDir });
  // As `npm start` does: the audit key is made in the data dir on this first start, the head anchored beside it.
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
