import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { isInitialised, keepTemplate, pgliteVersion, readTemplate, templateKey } from './pglite-template.ts';
import { MIGRATIONS_DIR, openDatabase } from './db.ts';

/**
 * Issue #15: an empty data dir starts from an initialised, migrated one kept as a tarball. It must never be stale:
 * a changed or added migration, or another PGlite, makes a new template. npm start's own use is also covered by
 * start-stop.test.ts, which starts on an empty data dir.
 */
let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'pgs-template-'));
});
afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

function migrations(files: Record<string, string>): string {
  const dir = path.join(work, 'migrations');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'meta'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('the key of a PGlite template', () => {
  it('changes with a changed migration, an added one, or another PGlite version; not otherwise', () => {
    const base = templateKey('0.5.17', migrations({ '0000_a.sql': 'create table a ();' }));
    expect(templateKey('0.5.17', migrations({ '0000_a.sql': 'create table a ();' }))).toBe(base);
    expect(templateKey('0.5.17', migrations({ '0000_a.sql': 'create table a (x int);' }))).not.toBe(base);
    expect(
      templateKey('0.5.17', migrations({ '0000_a.sql': 'create table a ();', 'meta/_journal.json': '{}' })),
    ).not.toBe(base);
    expect(templateKey('0.5.18', migrations({ '0000_a.sql': 'create table a ();' }))).not.toBe(base);
  });

  it('reads the installed PGlite version and the real migrations', () => {
    expect(pgliteVersion()).toMatch(/^\d+\.\d+\.\d+/);
    expect(templateKey(pgliteVersion(), MIGRATIONS_DIR)).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('keeping and reading a template', () => {
  const cache = () => path.join(work, 'cache');
  const dump = (text: string) => async () => new Blob([text]);
  const read = async (key: string) => {
    const blob = readTemplate(cache(), key);
    return blob === undefined ? undefined : await blob.text();
  };

  it('reads nothing before a template is kept, then the tarball kept under its key', async () => {
    expect(readTemplate(cache(), 'k1')).toBeUndefined();
    expect(await keepTemplate(cache(), 'k1', dump('tarball 1'))).toBe(true);
    expect(await read('k1')).toBe('tarball 1');
    expect(await read('k2')).toBeUndefined();
  });

  it("removes other keys' templates, and the folders of the earlier form, when it keeps a new one", async () => {
    await keepTemplate(cache(), 'k1', dump('tarball 1'));
    mkdirSync(path.join(cache(), 'pglite-k0', 'base'), { recursive: true });
    writeFileSync(path.join(cache(), 'pglite-k0', 'PG_VERSION'), '17');
    expect(await keepTemplate(cache(), 'k2', dump('tarball 2'))).toBe(true);
    expect(readdirSync(cache())).toEqual(['pglite-k2.tar']);
    expect(await read('k1')).toBeUndefined();
    expect(await read('k2')).toBe('tarball 2');
  });

  it('keeps nothing, and says so, when the dump fails or the cache cannot be written', async () => {
    const failing = async (): Promise<Blob> => {
      throw new Error('dump failed');
    };
    expect(await keepTemplate(cache(), 'k1', failing)).toBe(false);
    expect(await read('k1')).toBeUndefined();
    // A file where the cache folder should be: nothing can be written under it.
    writeFileSync(path.join(work, 'not-a-folder'), '');
    expect(await keepTemplate(path.join(work, 'not-a-folder'), 'k1', dump('tarball'))).toBe(false);
  });
});

describe('an empty data dir on PGlite with a template cache', () => {
  it('keeps the first one as the template, starts the next from it, and keeps what a data dir already held', async () => {
    const cache = path.join(work, 'cache');
    const first = await openDatabase({ url: null, dataDir: path.join(work, 'data1'), templateCacheDir: cache });
    await first.close();
    const key = templateKey(pgliteVersion(), MIGRATIONS_DIR);
    expect(readdirSync(cache)).toEqual([`pglite-${key}.tar`]);

    // A template with a mark of its own shows that the next data dir is loaded from it, not made by initdb.
    const marked = await openDatabase({ url: null, dataDir: null });
    await marked.db.execute(sql`CREATE TABLE template_mark (made_from text)`);
    await marked.db.execute(sql`INSERT INTO template_mark VALUES ('the template')`);
    expect(await keepTemplate(cache, key, () => marked.dumpDataDir!())).toBe(true);
    await marked.close();

    const second = path.join(work, 'data2');
    mkdirSync(second);
    writeFileSync(path.join(second, 'audit.key'), 'key');
    const opened = await openDatabase({ url: null, dataDir: second, templateCacheDir: cache });
    const rows = await opened.db.execute(sql`SELECT made_from FROM template_mark`);
    await opened.close();
    expect((rows as { rows: unknown[] }).rows).toEqual([{ made_from: 'the template' }]);
    expect(readFileSync(path.join(second, 'audit.key'), 'utf8')).toBe('key');
    expect(isInitialised(second)).toBe(true);
  });

  it('runs initdb instead when the template cannot be loaded, and keeps what the data dir already held', async () => {
    const cache = path.join(work, 'cache');
    const key = templateKey(pgliteVersion(), MIGRATIONS_DIR);
    expect(await keepTemplate(cache, key, async () => new Blob(['not a tarball of a data dir']))).toBe(true);
    const dir = path.join(work, 'data');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'audit.key'), 'key');
    const opened = await openDatabase({ url: null, dataDir: dir, templateCacheDir: cache });
    const rows = await opened.db.execute(sql`SELECT count(*)::int AS n FROM platforms`);
    await opened.close();
    expect((rows as { rows: unknown[] }).rows).toEqual([{ n: 0 }]);
    expect(readFileSync(path.join(dir, 'audit.key'), 'utf8')).toBe('key');
  });
});
