import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db.ts';
import { assessmentInterviews, assessmentMilestones, assessmentRubrics, assessments } from './assessment.table.ts';

/** SQL of the assessment module only (its four tables); rules and permissions are in the services. */

export type RubricRow = typeof assessmentRubrics.$inferSelect;
export type AssessmentRow = typeof assessments.$inferSelect;
export type InterviewRow = typeof assessmentInterviews.$inferSelect;
export type MilestoneRow = typeof assessmentMilestones.$inferSelect;

export async function findRubric(db: Db | Tx, year: number): Promise<RubricRow | undefined> {
  const [row] = await db.select().from(assessmentRubrics).where(eq(assessmentRubrics.year, year));
  return row;
}

export async function insertRubric(tx: Tx, values: typeof assessmentRubrics.$inferInsert) {
  return tx.insert(assessmentRubrics).values(values).onConflictDoNothing().returning({ year: assessmentRubrics.year });
}

export async function updateRubricIfVersion(
  tx: Tx,
  year: number,
  version: number,
  values: Omit<typeof assessmentRubrics.$inferInsert, 'year' | 'version'>,
) {
  return tx
    .update(assessmentRubrics)
    .set({ ...values, version: sql`${assessmentRubrics.version} + 1` })
    .where(and(eq(assessmentRubrics.year, year), eq(assessmentRubrics.version, version)))
    .returning({ year: assessmentRubrics.year });
}

export async function insertAssessment(tx: Tx, values: typeof assessments.$inferInsert): Promise<number> {
  const [row] = await tx.insert(assessments).values(values).returning({ id: assessments.id });
  return row!.id;
}

/** The figures of an assessment inserted in the same transaction, once they are counted. */
export async function setAssessmentResult(tx: Tx, id: number, result: unknown) {
  await tx.update(assessments).set({ result }).where(eq(assessments.id, id));
}

export async function findAssessment(db: Db | Tx, id: number): Promise<AssessmentRow | undefined> {
  const [row] = await db.select().from(assessments).where(eq(assessments.id, id));
  return row;
}

export async function publishedOfYear(db: Db | Tx, year: number): Promise<AssessmentRow | undefined> {
  const [row] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.year, year), eq(assessments.status, 'published')));
  return row;
}

/** Draft → published, only if still a draft: of two publishes exactly one changes the row. */
export async function markPublished(tx: Tx, id: number, at: Date, by: string) {
  return tx
    .update(assessments)
    .set({ status: 'published', publishedAt: at, publishedBy: by })
    .where(and(eq(assessments.id, id), eq(assessments.status, 'draft')))
    .returning({ id: assessments.id });
}

export async function assessmentPage(
  db: Db,
  filter: { year?: number; statuses: string[] },
  page: number,
  pageSize: number,
) {
  if (filter.statuses.length === 0) return { rows: [], total: 0 };
  const where: SQL[] = [inArray(assessments.status, filter.statuses)];
  if (filter.year !== undefined) where.push(eq(assessments.year, filter.year));
  const condition = and(...where);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(assessments)
      .where(condition)
      .orderBy(desc(assessments.year), desc(assessments.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ value: count() }).from(assessments).where(condition),
  ]);
  return { rows, total: total!.value };
}

export async function insertInterview(tx: Tx, values: typeof assessmentInterviews.$inferInsert): Promise<number> {
  const [row] = await tx.insert(assessmentInterviews).values(values).returning({ id: assessmentInterviews.id });
  return row!.id;
}

export async function interviewPage(
  db: Db,
  filter: { platformKey?: string; year?: number },
  page: number,
  pageSize: number,
) {
  const where: SQL[] = [];
  if (filter.platformKey) where.push(eq(assessmentInterviews.platformKey, filter.platformKey));
  if (filter.year !== undefined) where.push(eq(assessmentInterviews.year, filter.year));
  const condition = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(assessmentInterviews)
      .where(condition)
      .orderBy(desc(assessmentInterviews.heldOn), desc(assessmentInterviews.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ value: count() }).from(assessmentInterviews).where(condition),
  ]);
  return { rows, total: total!.value };
}

export async function milestonesOf(db: Db | Tx, projectIds: number[]): Promise<Map<number, MilestoneRow>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db.select().from(assessmentMilestones).where(inArray(assessmentMilestones.projectId, projectIds));
  return new Map(rows.map((row) => [row.projectId, row]));
}

export async function insertMilestones(tx: Tx, values: typeof assessmentMilestones.$inferInsert) {
  return tx
    .insert(assessmentMilestones)
    .values(values)
    .onConflictDoNothing()
    .returning({ projectId: assessmentMilestones.projectId });
}

export async function updateMilestonesIfVersion(
  tx: Tx,
  projectId: number,
  version: number,
  values: Omit<typeof assessmentMilestones.$inferInsert, 'projectId' | 'version'>,
) {
  return tx
    .update(assessmentMilestones)
    .set({ ...values, version: sql`${assessmentMilestones.version} + 1` })
    .where(and(eq(assessmentMilestones.projectId, projectId), eq(assessmentMilestones.version, version)))
    .returning({ projectId: assessmentMilestones.projectId });
}
