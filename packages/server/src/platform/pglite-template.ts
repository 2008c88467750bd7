import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Issue #15: PGlite's initdb is most of a first start on an empty data dir (15–65 s on the loaded 2-core machine),
 * and its result depends only on the PGlite build and the migrations applied after it. So the first empty start
 * makes an initialised, migrated data dir once in a cache folder, and every later empty data dir starts as a copy
 * of it. The key names both inputs: a new PGlite version or a changed or added migration makes a new template.
 */
export function templateKey(pgliteVersion: string, migrationsDir: string): string {
  const hash = createHash('sha256').update(`pglite ${pgliteVersion}\n`);
  for (const file of listFiles(migrationsDir)) {
    hash.update(`${path.relative(migrationsDir, file)}\n`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? listFiles(full) : [full];
    });
}

/** The installed PGlite's version (its initdb writes the data dir's layout). */
export function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  // `require.resolve` gives the package's main file (…/pglite/dist/index.cjs); its package.json is two folders up.
  const main = require.resolve('@electric-sql/pglite');
  const manifest = path.join(path.dirname(path.dirname(main)), 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** A PGlite data dir holds PG_VERSION once initdb has run in it (the audit key may be there before). */
export const isInitialised = (dataDir: string) => existsSync(path.join(dataDir, 'PG_VERSION'));

/**
 * Fills the empty `dataDir` from the template under `cacheDir` for `key`, first making the template with `make`
 * (which must initialise and migrate a PGlite data dir in the folder it is given, and close it) when there is none.
 * Templates of other keys are removed then. The template is made in a folder of its own and renamed into place,
 * so a half-made one is never copied. Returns false, leaving `dataDir` as it was, when the cache cannot be used
 * (e.g. a read-only install): the caller then opens the empty data dir as before.
 */
export async function fillFromTemplate(
  dataDir: string,
  cacheDir: string,
  key: string,
  make: (dir: string) => Promise<void>,
): Promise<boolean> {
  const template = path.join(cacheDir, `pglite-${key}`);
  const building = `${template}.${process.pid}.tmp`;
  let copying = false;
  try {
    if (!isInitialised(template)) {
      rmSync(building, { recursive: true, force: true });
      mkdirSync(building, { recursive: true });
      await make(building);
      for (const old of existsSync(cacheDir) ? readdirSync(cacheDir) : [])
        if (old.startsWith('pglite-') && !old.endsWith('.tmp')) rmSync(path.join(cacheDir, old), { recursive: true });
      try {
        renameSync(building, template);
      } catch (error) {
        // Another process made the same template meanwhile: use theirs.
        rmSync(building, { recursive: true, force: true });
        if (!isInitialised(template)) throw error;
      }
    }
    copying = true;
    cpSync(template, dataDir, { recursive: true });
    return true;
  } catch {
    rmSync(building, { recursive: true, force: true });
    // A copy cut short must not be opened as a database: take back what came from the template.
    if (copying)
      for (const name of readdirSync(template)) rmSync(path.join(dataDir, name), { recursive: true, force: true });
    return false;
  }
}
