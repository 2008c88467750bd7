import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './platform/db.ts';
import { createTestDatabase } from './test/test-database.ts';
import { prepareDatabaseOnce } from './startup.ts';

/**
 * Issue #15: a warm `npm start` skips `prepareDatabase` only when this same build prepared this data dir with the
 * same options on the same day (Beijing time); any change runs it again.
 */
let database: Database;
let dataDir: string;
beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'pgs-prepared-'));
});
afterAll(async () => {
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const options = { adminPassword: null, demo: true };
const day1 = new Date('2026-11-28T02:00:00Z');
const laterDay1 = new Date('2026-11-28T15:30:00Z'); // 23:30 in Beijing: still the 28th
const day2 = new Date('2026-11-28T16:30:00Z'); // 00:30 on the 29th in Beijing
const once = (buildId: string | null, now: Date, extra: { demo?: boolean } = {}) =>
  prepareDatabaseOnce(database.db, { dataDir, buildId }, { ...options, ...extra }, now).then((r) => r.skipped);

describe('prepareDatabaseOnce (issue #15: a warm start skips work already done)', () => {
  it('runs on a data dir without a record, then skips the same build, options and day', async () => {
    expect(await once('build-a', day1)).toBe(false);
    expect(readFileSync(path.join(dataDir, 'pgs-prepared'), 'utf8')).toMatch(/^[0-9a-f]{64}$/);
    expect(await once('build-a', laterDay1)).toBe(true);
  });

  it('runs again when the build changed (a changed source makes a new bundle), and records the new one', async () => {
    expect(await once('build-b', day1)).toBe(false);
    expect(await once('build-b', day1)).toBe(true);
    expect(await once('build-a', day1)).toBe(false);
  });

  it('runs again on a new day in Beijing, and when the demo mode changed', async () => {
    expect(await once('build-a', day2)).toBe(false);
    expect(await once('build-a', day2)).toBe(true);
    expect(await once('build-a', day2, { demo: false })).toBe(false);
    expect(await once('build-a', day2, { demo: false })).toBe(true);
    expect(await once('build-a', day2, { demo: true })).toBe(false);
  });

  it('always runs without a build id (npm run dev) or without a data dir (PostgreSQL)', async () => {
    expect(await once(null, day2)).toBe(false);
    expect(await once(null, day2)).toBe(false);
    const withoutDir = await prepareDatabaseOnce(database.db, { dataDir: null, buildId: 'build-a' }, options, day2);
    expect(withoutDir.skipped).toBe(false);
  });
});
