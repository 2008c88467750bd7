import type { Db } from './platform/db.ts';
import { SYSTEM_ACTOR } from './platform/actor.ts';
import { ensureReferenceData } from './reference/reference.service.ts';
import { ensureCatalog2018 } from './catalog/catalog-seed.ts';
import { bootstrapAdmin } from './users/users.service.ts';
import { ensureDemoUsers } from './demo/demo-users.ts';
import { ensureDemoProjects } from './demo/demo-projects.ts';
import { ensureDemoEnterprises } from './demo/demo-enterprises.ts';
import { ensureDemoEvaluation } from './demo/demo-evaluations.ts';
import { ensureHolidayCalendars } from './calendar/calendar.service.ts';
import { ensureDemoTrips } from './demo/demo-trips.ts';
import { ensureDemoTargets } from './demo/demo-targets.ts';
import { ensureDemoKeyTasks } from './demo/demo-key-tasks.ts';
import { ensureDemoNotice } from './demo/demo-notices.ts';
import { ensureDemoAssessments } from './demo/demo-assessments.ts';
import { ensureDemoLand } from './demo/demo-land.ts';
import { ensureDemoRenewal } from './demo/demo-renewal.ts';
import { isPrepared, markPrepared, preparedKey } from './startup-marker.ts';

export type PreparedDatabase = {
  adminPassword?: string;
  adminCreated: boolean;
  demoUsers: string[];
  demoProjects: number;
  demoEnterprises: number;
};

/**
 * Everything a fresh database needs before the first request: platforms, the GB/T 4754 table, the 2018年本
 * catalogs, the admin account and, in demo mode, the demo accounts. Each step does nothing when already done.
 */
export async function prepareDatabase(
  db: Db,
  /** `demoProjects`: also fill the project ledger and the base database of enterprises (npm start); tests take the demo accounts without them. */
  options: { adminPassword: string | null; demo: boolean; demoProjects?: boolean; demoTargets?: boolean },
  now: Date,
): Promise<PreparedDatabase> {
  await ensureReferenceData(db, SYSTEM_ACTOR, now);
  await ensureCatalog2018(db, SYSTEM_ACTOR, now);
  await ensureHolidayCalendars(db, SYSTEM_ACTOR, now);
  const admin = await bootstrapAdmin(db, options.adminPassword, now);
  const demoUsers = options.demo ? await ensureDemoUsers(db, now) : [];
  const demoProjects = options.demo && options.demoProjects ? await ensureDemoProjects(db, now) : 0;
  const demoEnterprises = options.demo && options.demoProjects ? await ensureDemoEnterprises(db, now) : 0;
  if (options.demo && options.demoProjects) {
    await ensureDemoEvaluation(db, now);
    await ensureDemoLand(db, now);
    await ensureDemoRenewal(db, now);
    await ensureDemoAssessments(db, now);
    await ensureDemoKeyTasks(db, now);
    await ensureDemoNotice(db, now);
    // After the projects: the demo trips link some of them.
    await ensureDemoTrips(db, now);
  }
  // After the projects: some demo targets are the investors of demo projects, linked to them (issue #13).
  // Its own switch: npm start sets it; e2e files that do not need the target libraries start faster without them.
  if (options.demo && options.demoProjects && options.demoTargets) await ensureDemoTargets(db, now);
  return { adminPassword: admin.password, adminCreated: admin.created, demoUsers, demoProjects, demoEnterprises };
}

type PrepareOptions = Parameters<typeof prepareDatabase>[1];

/**
 * `prepareDatabase` for `npm start` (issue #15): on a PGlite data dir that this build already prepared today with
 * the same options, nothing is run (`skipped`); otherwise it runs, and a complete run is recorded in the data dir
 * (startup-marker.ts). Without a build id (`npm run dev`) or a data dir (PostgreSQL) it always runs.
 */
export async function prepareDatabaseOnce(
  db: Db,
  where: { dataDir: string | null; buildId: string | null },
  options: PrepareOptions,
  now: Date,
): Promise<PreparedDatabase & { skipped: boolean }> {
  const key =
    where.dataDir && where.buildId
      ? preparedKey(
          where.buildId,
          {
            demo: options.demo,
            demoProjects: Boolean(options.demoProjects),
            demoTargets: Boolean(options.demoTargets),
            adminPassword: options.adminPassword !== null,
          },
          now,
        )
      : null;
  if (key && where.dataDir && isPrepared(where.dataDir, key))
    return { adminCreated: false, demoUsers: [], demoProjects: 0, demoEnterprises: 0, skipped: true };
  const prepared = await prepareDatabase(db, options, now);
  if (key && where.dataDir) markPrepared(where.dataDir, key);
  return { ...prepared, skipped: false };
}
