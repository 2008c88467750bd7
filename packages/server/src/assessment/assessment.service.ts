import {
  rubricProblems,
  shanghaiDay,
  type AssessmentSummary,
  type AssessmentView,
  type CreateAssessmentInput,
  type PlatformKey,
  type Rubric,
} from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, SYSTEM_ACTOR, type Actor } from '../platform/actor.ts';
import { platformScope } from '../platform/platform-scope.ts';
import { badRequest, conflict, notFound } from '../platform/errors.ts';
import { isUniqueViolation } from '../platform/db-errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  assessmentPage,
  findAssessment,
  insertAssessment,
  markPublished,
  publishedOfYear,
  setAssessmentResult,
  type AssessmentRow,
} from './assessment.repository.ts';
import {
  computeResult,
  countBeforeSaving,
  figureView,
  type StoredFigure,
  type StoredResult,
} from './assessment-result.ts';
import { invalidRubric, rubricOfYear } from './rubrics.service.ts';
import { displayNames } from './people.ts';

/** The leader and the drc see drafts; the other readers see published assessments only. */
const seesDrafts = (actor: Actor) => actor.role === 'system' || actor.role === 'drc' || actor.role === 'leader';

/** The assessment day: given, or today; never after today (figures of the future do not exist yet). */
function assessmentDay(input: CreateAssessmentInput, now: Date): string {
  const today = shanghaiDay(now);
  const asOf =
    input.asOf ?? (today.startsWith(`${input.year}-`) || today < `${input.year}-01-01` ? today : `${input.year}-12-31`);
  if (asOf > today) throw badRequest(`考核截止日期 ${asOf} 不能晚于今天（${today}）`);
  if (!asOf.startsWith(`${input.year}-`)) throw badRequest(`考核截止日期 ${asOf} 应在 ${input.year} 年内`);
  return asOf;
}

/**
 * `POST /assessments`: the drc runs the year's assessment as of a day with the saved rubric (stored as a draft with
 * its rubric and every figure frozen), or simulates it (`simulate: true`, optionally with another rubric) without
 * writing anything.
 */
export async function createAssessment(
  db: Db,
  actor: Actor,
  input: CreateAssessmentInput,
  now: Date,
): Promise<AssessmentView> {
  requirePermission(actor, 'assessment.manage');
  if (input.rubric && !input.simulate) throw badRequest('只有模拟试算（simulate: true）可以使用另一套考核办法');
  const asOf = assessmentDay(input, now);
  const saved = await rubricOfYear(db, input.year);
  const rubric = input.rubric ?? saved.rubric;
  const problems = rubricProblems(rubric);
  if (problems.length > 0) throw invalidRubric(problems);
  if (input.simulate) {
    const result = await computeResult(db, input.year, asOf, rubric, now, null);
    return viewOf(
      {
        id: null,
        year: input.year,
        asOf,
        status: 'simulation',
        rubric,
        rubricVersion: input.rubric ? 0 : saved.version,
        result,
        createdAt: now,
        createdBy: actor.username,
        publishedAt: null,
        publishedBy: null,
      },
      actor,
      await displayNames(db, [actor.username]),
    );
  }
  // The figures counted in Node are read first, through the pool; the transaction then writes their rows and runs
  // the sources that count in the database, whose statement that counts a figure's rows is the one that keeps them
  // (both need the assessment's id).
  const counted = await countBeforeSaving(db, input.year, asOf, rubric, now);
  const id = await db.transaction(async (tx) => {
    const empty: StoredResult = { platforms: [], warningNote: '', bonusExcluded: [] };
    const newId = await insertAssessment(tx, {
      year: input.year,
      asOf,
      status: 'draft',
      rubric,
      rubricVersion: saved.version,
      result: empty,
      createdAt: now,
      createdBy: actor.username,
    });
    const result = await computeResult(tx, input.year, asOf, rubric, now, newId, counted);
    await setAssessmentResult(tx, newId, result);
    await recordAudit(
      tx,
      actor,
      {
        action: 'assessment.run',
        entityType: 'assessment',
        entityId: newId,
        after: {
          year: input.year,
          asOf,
          rubricVersion: saved.version,
          ranking: result.platforms.map((p) => ({ platformKey: p.platformKey, score: p.score, rank: p.rank })),
        },
      },
      now,
    );
    return newId;
  });
  return getAssessment(db, actor, id);
}

type ViewSource = Omit<AssessmentRow, 'id' | 'status'> & { id: number | null; status: AssessmentView['status'] };

function viewOf(row: ViewSource, actor: Actor, names: Map<string, string>): AssessmentView {
  const result = row.result as StoredResult;
  const own = platformScope(actor);
  const platforms = result.platforms.map((p) => {
    if (own === null || p.platformKey === own)
      return {
        ...p,
        detailed: true,
        criteria: p.criteria.map((c) => ({ ...c, figure: figureView(c.figure as StoredFigure) })),
      };
    // A platform reads its own rows and the published ranking only (D10).
    return {
      ...p,
      detailed: false,
      criteria: [],
      manual: [],
      bonus: { points: 0, projects: [] },
      schedule: null,
      warnings: [],
    };
  });
  return {
    ...summaryFields(row, names, own),
    rubric: row.rubric as Rubric,
    platforms,
    warningNote: result.warningNote,
    bonusExcluded: seesDrafts(actor) ? result.bonusExcluded : [],
  };
}

/** `own`: a platform user's platform, whose warnings alone it counts (another platform's warnings are not its to read). */
function summaryFields(row: ViewSource, names: Map<string, string>, own: PlatformKey | null): AssessmentSummary {
  const result = row.result as StoredResult;
  const rubric = row.rubric as Rubric;
  return {
    id: row.id,
    year: row.year,
    asOf: row.asOf,
    status: row.status,
    rubricName: rubric.name,
    rubricVersion: row.rubricVersion,
    ranking: result.platforms.map((p) => ({ platformKey: p.platformKey, score: p.score, rank: p.rank })),
    warningCount: result.platforms
      .filter((p) => own === null || p.platformKey === own)
      .reduce((n, p) => n + p.warnings.length, 0),
    createdAt: row.createdAt.toISOString(),
    createdByName: names.get(row.createdBy) ?? row.createdBy,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publishedByName: row.publishedBy ? (names.get(row.publishedBy) ?? row.publishedBy) : null,
  };
}

export async function visibleAssessment(db: Db, actor: Actor, id: number): Promise<AssessmentRow> {
  requirePermission(actor, 'assessment.read');
  const row = await findAssessment(db, id);
  if (!row || (row.status !== 'published' && !seesDrafts(actor))) throw notFound('考核结果不存在');
  return row;
}

export async function getAssessment(db: Db, actor: Actor, id: number): Promise<AssessmentView> {
  const row = await visibleAssessment(db, actor, id);
  return viewOf(row as ViewSource, actor, await displayNames(db, [row.createdBy, row.publishedBy]));
}

/**
 * For the circular (通报): a circular goes to every platform, so once published it carries every platform's scores
 * whoever downloads it; a draft's circular (a proof for the drc and the leader) is refused to others like the draft.
 */
export async function assessmentForCircular(db: Db, actor: Actor, id: number): Promise<AssessmentView> {
  const row = await visibleAssessment(db, actor, id);
  return viewOf(row as ViewSource, SYSTEM_ACTOR, await displayNames(db, [row.createdBy, row.publishedBy]));
}

export async function listAssessments(
  db: Db,
  actor: Actor,
  query: { year?: number; status?: 'draft' | 'published'; page: number; pageSize: number },
) {
  requirePermission(actor, 'assessment.read');
  const statuses = seesDrafts(actor)
    ? query.status
      ? [query.status]
      : ['draft', 'published']
    : query.status === 'draft'
      ? []
      : ['published'];
  const { rows, total } = await assessmentPage(db, { year: query.year, statuses }, query.page, query.pageSize);
  const names = await displayNames(
    db,
    rows.flatMap((r) => [r.createdBy, r.publishedBy]),
  );
  return {
    items: rows.map((row) => summaryFields(row as ViewSource, names, platformScope(actor))),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * The drc publishes a draft: from then on it never changes (rubric and figures frozen in the row). 409 when it is
 * already published, or when the year already has a published assessment (the partial unique index backs this up
 * under concurrency: of two publishes exactly one wins).
 */
export async function publishAssessment(db: Db, actor: Actor, id: number, now: Date): Promise<AssessmentView> {
  requirePermission(actor, 'assessment.manage');
  const row = await visibleAssessment(db, actor, id);
  if (row.status === 'published') throw conflict('该考核结果已发布，不能再次发布', 'ALREADY_PUBLISHED');
  const other = await publishedOfYear(db, row.year);
  if (other)
    throw conflict(
      `${row.year} 年度已有发布的考核结果（编号 ${other.id}），发布后的结果不再变更`,
      'YEAR_ALREADY_PUBLISHED',
    );
  try {
    await db.transaction(async (tx) => {
      const changed = await markPublished(tx, id, now, actor.username);
      if (changed.length === 0) throw conflict('该考核结果已发布，不能再次发布', 'ALREADY_PUBLISHED');
      await recordAudit(
        tx,
        actor,
        {
          action: 'assessment.publish',
          entityType: 'assessment',
          entityId: id,
          after: { year: row.year, asOf: row.asOf },
        },
        now,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(`${row.year} 年度已有发布的考核结果，发布后的结果不再变更`, 'YEAR_ALREADY_PUBLISHED');
    throw error;
  }
  return getAssessment(db, actor, id);
}
