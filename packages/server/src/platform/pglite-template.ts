import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Issue #15: PGlite's initdb is most of a first start on an empty data dir (15–65 s on the loaded 2-core machine),
 * and its result depends only on the PGlite build and the migrations applied after it. So the first empty start
 * keeps its initialised, migrated data dir in a cache folder, and every later empty data dir starts from it. The key
 * names both inputs: a new PGlite version or a changed or added migration makes a new template.
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

const templateFile = (cacheDir: string, key: string) => path.join(cacheDir, `pglite-${key}.tar`);

/**
 * The template of `key`, as PGlite's `loadDataDir` takes it (a tarball made by `dumpDataDir`), or undefined when the
 * cache has none (or cannot be read: the caller then runs initdb).
 */
export function readTemplate(cacheDir: string, key: string): Blob | undefined {
  try {
    return new Blob([readFileSync(templateFile(cacheDir, key))]);
  } catch {
    return undefined;
  }
}

/**
 * Keeps `dump()` (a data dir just initialised and migrated, as one tarball) as the template of `key`, and removes the
 * templates of other keys. It is written under a name of its own and renamed into place, so a half-written template
 * is never read. Returns false, keeping nothing, when the cache cannot be written (e.g. a read-only install).
 *
 * Issue #15: the template used to be a copy of a whole data dir (about 1 250 files). Making one on a first start then
 * cost initdb in the cache folder plus a copy of every file into the data dir, and creating a file costs about a
 * millisecond on these machines: 7.1 s against 4.4 s for initdb in the data dir itself. Now the first start runs
 * initdb in its own data dir and keeps a tarball of it (one file, 0.4 s); a later empty data dir is filled from the
 * tarball by PGlite (1.8–2.5 s, against 1.4 s for the copy of a folder).
 */
export async function keepTemplate(cacheDir: string, key: string, dump: () => Promise<Blob>): Promise<boolean> {
  const file = templateFile(cacheDir, key);
  const writing = `${file}.${process.pid}.tmp`;
  try {
    const tarball = Buffer.from(await (await dump()).arrayBuffer());
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(writing, tarball);
    renameSync(writing, file);
    // Other keys' templates, and the folders of the earlier form, are stale: a migration or PGlite changed.
    for (const old of readdirSync(cacheDir))
      if (old.startsWith('pglite-') && !old.endsWith('.tmp') && path.join(cacheDir, old) !== file)
        rmSync(path.join(cacheDir, old), { recursive: true, force: true });
    return true;
  } catch {
    try {
      rmSync(writing, { force: true });
    } catch {
      // Nothing was written there (the cache is not a folder).
    }
    return false;
  }
}
