import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { shanghaiDay } from '@pgs/domain';

/**
 * Issue #15: every start ran all of `prepareDatabase` (reference data, catalogs, calendars, admin, a dozen demo
 * seeders), each checking with queries that its work was done: about 3 s of a warm start on the loaded machine.
 * Each step only adds what is missing, so after a complete run the next one changes nothing, as long as the code
 * and what was asked for are the same and the day has not changed (a seeder may decide by today's date). A file in
 * the PGlite data dir records the key of the last complete run; a start with the same key skips the steps.
 * The file moves with the data dir (a copy or a restored backup carries the key of its own contents).
 */
const MARKER = 'pgs-prepared';

export type PrepareRequest = { demo: boolean; demoProjects: boolean; demoTargets: boolean; adminPassword: boolean };

/** The key of a run of `prepareDatabase`: this build, what was asked, and the day in Beijing time. */
export function preparedKey(buildId: string, request: PrepareRequest, now: Date): string {
  return createHash('sha256')
    .update(JSON.stringify({ buildId, request, day: shanghaiDay(now) }))
    .digest('hex');
}

/** Whether a run with this key completed on this data dir. */
export function isPrepared(dataDir: string, key: string): boolean {
  try {
    return readFileSync(path.join(dataDir, MARKER), 'utf8') === key;
  } catch {
    return false;
  }
}

/** Called after a complete run only: a run cut short leaves the old key, so the next start runs again. */
export function markPrepared(dataDir: string, key: string): void {
  writeFileSync(path.join(dataDir, MARKER), key);
}
