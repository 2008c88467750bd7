import { closeSync, cpSync, existsSync, mkdtempSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
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

const templateName = (options: DemoOptions) =>
  `demo${options.demoProjects ? '-projects' : ''}${options.demoProjects && options.demoTargets ? '-targets' : ''}`;

/**
 * The run's template folder for `options`, seeded the first time a file asks for it. Each set of demo data adds to the
 * one before it (plain → projects → projects and targets), as `npm start` does when a data dir is opened with more
 * demo options: a template starts as a copy of the smaller one, so the run migrates and seeds each part only once.
 *
 * Two e2e files run side by side (vitest.config.ts), each in a process of its own: the first to take the template's
 * lock file seeds it, the other waits for it instead of seeding the same data again.
 */
async function templateDir(templates: string, options: DemoOptions): Promise<string> {
  const template = path.join(templates, templateName(options));
  if (existsSync(template)) return template;
  const lock = `${template}.lock`;
  const failed = `${template}.failed`;
  try {
    closeSync(openSync(lock, 'wx'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Another file is seeding it: wait (the caller's beforeAll timeout bounds the wait).
    while (!existsSync(template)) {
      if (existsSync(failed))
        throw new Error(`seeding the e2e template ${templateName(options)} failed in another file`);
      await sleep(200);
    }
    return template;
  }
  const smaller: DemoOptions | null = options.demoTargets ? { demoProjects: true } : options.demoProjects ? {} : null;
  try {
    // Seeded beside its final name and renamed when closed: a half-made template is never copied.
    const making = mkdtempSync(`${template}-making-`);
    if (smaller) cpSync(await templateDir(templates, smaller), making, { recursive: true });
    const { database, anchoring } = await openPrepared(making, options);
    await anchoring.stop();
    await database.close();
    renameSync(making, template);
    return template;
  } catch (error) {
    writeFileSync(failed, String(error));
    throw error;
  }
}

/**
 * A data dir of the file's own with the demo data `options` ask for: a copy of the run's template for them
 * (global-setup.ts), which the server then opens as a warm restart does. Without the global setup (a file run by
 * another runner), the dir is seeded in place.
 */
async function demoDataDir(options: DemoOptions): Promise<string> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pgs-e2e-'));
  const templates = inject('pgsE2eTemplates') as string | undefined;
  if (templates) cpSync(await templateDir(templates, options), dataDir, { recursive: true });
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
