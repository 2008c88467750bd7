import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fillFromTemplate, isInitialised, pgliteVersion, templateKey } from './pglite-template.ts';
import { MIGRATIONS_DIR } from './db.ts';

/**
 * Issue #15: an empty data dir starts as a copy of an initialised, migrated one. The copy must never be stale:
 * a changed or added migration, or another PGlite, makes a new template. `make` stands in for initdb + migrate here
 * (npm start's real one is covered by start-stop.test.ts, which starts on an empty data dir).
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

describe('fillFromTemplate', () => {
  const cache = () => path.join(work, 'cache');
  let made: string[];
  const make = async (dir: string) => {
    made.push(dir);
    writeFileSync(path.join(dir, 'PG_VERSION'), '17');
    writeFileSync(path.join(dir, 'content'), `made ${made.length}`);
  };
  beforeEach(() => {
    made = [];
  });

  it('makes the template once, copies it into each empty data dir, keeps what the dir already held', async () => {
    const first = path.join(work, 'data1');
    mkdirSync(first);
    writeFileSync(path.join(first, 'audit.key'), 'key');
    expect(await fillFromTemplate(first, cache(), 'k1', make)).toBe(true);
    const second = path.join(work, 'data2');
    expect(await fillFromTemplate(second, cache(), 'k1', make)).toBe(true);
    expect(made).toHaveLength(1);
    for (const dir of [first, second]) {
      expect(isInitialised(dir)).toBe(true);
      expect(readFileSync(path.join(dir, 'content'), 'utf8')).toBe('made 1');
    }
    expect(readFileSync(path.join(first, 'audit.key'), 'utf8')).toBe('key');
  });

  it('makes a new template for a new key and removes the stale one', async () => {
    await fillFromTemplate(path.join(work, 'a'), cache(), 'k1', make);
    await fillFromTemplate(path.join(work, 'b'), cache(), 'k2', make);
    expect(made).toHaveLength(2);
    expect(readFileSync(path.join(work, 'b', 'content'), 'utf8')).toBe('made 2');
    expect(existsSync(path.join(cache(), 'pglite-k1'))).toBe(false);
    expect(existsSync(path.join(cache(), 'pglite-k2'))).toBe(true);
  });

  it('leaves the data dir as it was and no template when making one fails', async () => {
    const dir = path.join(work, 'data');
    const failing = async (into: string) => {
      writeFileSync(path.join(into, 'PG_VERSION'), '17');
      throw new Error('initdb failed');
    };
    expect(await fillFromTemplate(dir, cache(), 'k1', failing)).toBe(false);
    expect(isInitialised(dir)).toBe(false);
    expect(existsSync(path.join(cache(), 'pglite-k1'))).toBe(false);
  });
});
