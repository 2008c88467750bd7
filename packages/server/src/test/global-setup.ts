import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  dropPostgresTemplate,
  makePgliteTemplate,
  makePostgresTemplate,
  type TestTemplate,
} from './template-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated, seeded database each server test file copies (template-database.ts). */
    pgsTemplate: TestTemplate;
  }
}

/**
 * vitest global setup of the server projects: migrate and seed once per run, before any file of the project starts,
 * and hand the files the template (`inject('pgsTemplate')` in test-database.ts). The project's `env.PGS_TEST_DRIVER`
 * says which database (the workers see it as an environment variable; this runs in vitest's own process).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const driver = project.config.env.PGS_TEST_DRIVER ?? 'pglite';
  if (driver === 'pglite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pgs-test-template-'));
    project.provide('pgsTemplate', await makePgliteTemplate(path.join(dir, 'template.tar')));
    return async () => {
      await rm(dir, { recursive: true, force: true });
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('PGS_TEST_DRIVER=postgres needs TEST_DATABASE_URL');
  const template = await makePostgresTemplate(adminUrl);
  project.provide('pgsTemplate', template);
  return () => dropPostgresTemplate(template);
}
