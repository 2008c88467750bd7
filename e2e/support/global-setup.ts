import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the e2e files keep the seeded data dirs they copy (app-server.ts), one per set of demo options. */
    pgsE2eTemplates: string;
  }
}

/**
 * vitest global setup of the e2e project: one folder for the run's data-dir templates, removed at the end. The first
 * file that needs a set of demo data seeds it there once (as a first `npm start` would); every later file copies
 * it (as a warm restart opens it) instead of migrating and seeding again (issue #11: ≈ 30–70 s a file under load).
 */
export default function setup(project: TestProject): () => Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pgs-e2e-templates-'));
  project.provide('pgsE2eTemplates', dir);
  return () => rm(dir, { recursive: true, force: true });
}
