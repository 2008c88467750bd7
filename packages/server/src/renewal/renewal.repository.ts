import { and, asc, count, desc, eq, ilike, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { PlatformKey, RenewalFilter, RenewalStatus } from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { firstRow } from '../platform/rows.ts';
import { renewalCases, renewalCaseSteps } from './renewal.table.ts';

/** SQL only (STYLE.md): the renewal cases and their steps. Rules and permissions are the service's. */
export type RenewalCaseRow = typeof renewalCases.$inferSelect;
export type RenewalStepRow = typeof renewalCaseSteps.$inferSelect;

const OPEN: RenewalStatus[] = ['planned', 'in_progress'];

export async function insertCase(tx: Tx, values: typeof renewalCases.$inferInsert): Promise<RenewalCaseRow> {
  return firstRow(await tx.insert(renewalCases).values(values).returning(), 'insert renewal case');
}

export async function findCase(db: Db | Tx, id: number): Promise<RenewalCaseRow | undefined> {
  const [row] = await db.select().from(renewalCases).where(eq(renewalCases.id, id));
  return row;
}

export async function stepsOfCase(db: Db | Tx, caseId: number): Promise<RenewalStepRow[]> {
  return db
    .select()
    .from(renewalCaseSteps)
    .where(eq(renewalCaseSteps.caseId, caseId))
    .orderBy(asc(renewalCaseSteps.stepNo));
}

/** The conditional update of optimistic concurrency: nothing changes unless the row still has `version`. */
export async function updateCase(
  tx: Tx,
  id: number,
  version: number,
  set: Partial<typeof renewalCases.$inferInsert>,
): Promise<RenewalCaseRow | undefined> {
  const [row] = await tx
    .update(renewalCases)
    .set({ ...set, version: sql`${renewalCases.version} + 1` })
    .where(and(eq(renewalCases.id, id), eq(renewalCases.version, version)))
    .returning();
  return row;
}

export async function insertStep(tx: Tx, values: typeof renewalCaseSteps.$inferInsert): Promise<void> {
  await tx.insert(renewalCaseSteps).values(values);
}

/** The list's WHERE: the scope's platform (null = every platform) and the filters; `asOf` for the overdue filter. */
export function caseCondition(platformKey: PlatformKey | null, filter: RenewalFilter, asOf: string): SQL | undefined {
  const parts: Array<SQL | undefined> = [];
  if (platformKey) parts.push(eq(renewalCases.platformKey, platformKey));
  if (filter.track) parts.push(eq(renewalCases.track, filter.track));
  if (filter.status) parts.push(eq(renewalCases.status, filter.status));
  if (filter.department) parts.push(eq(renewalCases.department, filter.department));
  if (filter.planYear) parts.push(eq(renewalCases.planYear, filter.planYear));
  if (filter.parcelCode) parts.push(eq(renewalCases.parcelCode, filter.parcelCode));
  const isOverdue = and(inArray(renewalCases.status, OPEN), lt(renewalCases.deadline, asOf));
  if (filter.overdue === 'true') parts.push(isOverdue);
  if (filter.overdue === 'false') parts.push(sql`NOT (${isOverdue})`);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(or(ilike(renewalCases.enterpriseName, like), ilike(renewalCases.creditCode, like)));
  }
  return and(...parts);
}

export async function casePage(db: Db, condition: SQL | undefined, limit: number, offset: number) {
  const rows = await db
    .select()
    .from(renewalCases)
    .where(condition)
    .orderBy(asc(renewalCases.deadline), desc(renewalCases.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(renewalCases).where(condition);
  return { rows, total: total?.n ?? 0 };
}

/** Every case the condition selects (the export), by deadline; read in batches by the caller's offset. */
export async function casesAfter(db: Db, condition: SQL | undefined, offset: number, limit: number) {
  return db
    .select()
    .from(renewalCases)
    .where(condition)
    .orderBy(asc(renewalCases.deadline), desc(renewalCases.id))
    .limit(limit)
    .offset(offset);
}

/** Open cases past their deadline as of `asOf` (the deadline day itself is in time), most overdue first. */
export async function overdueCases(db: Db, platformKey: PlatformKey | null, asOf: string) {
  return db
    .select()
    .from(renewalCases)
    .where(
      and(
        platformKey ? eq(renewalCases.platformKey, platformKey) : undefined,
        inArray(renewalCases.status, OPEN),
        lt(renewalCases.deadline, asOf),
      ),
    )
    .orderBy(asc(renewalCases.platformKey), asc(renewalCases.department), asc(renewalCases.deadline));
}

/**
 * The cases not withdrawn of the enterprises of a platform (or all): what the candidate and R1.6 lists compare with.
 */
export async function caseKeys(db: Db, platformKey: PlatformKey | null) {
  return db
    .select({
      id: renewalCases.id,
      creditCode: renewalCases.creditCode,
      track: renewalCases.track,
      planYear: renewalCases.planYear,
      status: renewalCases.status,
    })
    .from(renewalCases)
    .where(
      and(platformKey ? eq(renewalCases.platformKey, platformKey) : undefined, ne(renewalCases.status, 'withdrawn')),
    );
}

/**
 * For the cockpit (issue #14), per platform: cases open at the end of `asOf` (a past day included: completed or
 * withdrawn later still counts open on it), open ones past their deadline on that day, and cases completed from
 * `from` through `asOf`, of which on or before their deadline. One grouped statement.
 */
export async function caseFigures(db: Db, platformKey: PlatformKey | null, from: string, asOf: string) {
  // Open at the end of `asOf`: opened by then, not completed by then, not withdrawn by then. A withdrawn case keeps
  // no withdrawal day, but it takes no change after it (no step, no second withdrawal), so its last change is it.
  const open = sql`${renewalCases.openedOn} <= ${asOf}
    and not (${renewalCases.status} = 'completed' and ${renewalCases.completedOn} <= ${asOf})
    and not (${renewalCases.status} = 'withdrawn'
      and (${renewalCases.updatedAt} at time zone 'Asia/Shanghai')::date <= ${asOf})`;
  const closed = sql`${renewalCases.status} = 'completed' and ${renewalCases.completedOn} between ${from} and ${asOf}`;
  return db
    .select({
      platformKey: renewalCases.platformKey,
      open: sql<number>`count(*) filter (where ${open})::int`,
      overdue: sql<number>`count(*) filter (where ${open} and ${renewalCases.deadline} < ${asOf})::int`,
      closed: sql<number>`count(*) filter (where ${closed})::int`,
      closedOnTime: sql<number>`count(*) filter (
        where ${closed} and ${renewalCases.completedOn} <= ${renewalCases.deadline})::int`,
    })
    .from(renewalCases)
    .where(platformKey ? eq(renewalCases.platformKey, platformKey) : undefined)
    .groupBy(renewalCases.platformKey);
}
