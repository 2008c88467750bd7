import { EVALUATION_SETS } from '@pgs/domain';
import type {
  EvaluationResultsFilter,
  EvaluationRunDetail,
  EvaluationRunStatus,
  EvaluationRunSummary,
} from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { conflict, notFound } from '../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  findRun,
  listRuns as selectRuns,
  runNumbersInYear,
  lockRunsOfYear,
  markPublished,
  noticeLinesPage,
  resultRows,
  resultsPage,
  supersedeOthers,
} from './mu-evaluation-results.repository.ts';
import { known } from '../platform/rows.ts';
import {
  type Paging,
  isManager,
  runLabels,
  summaryOf,
  visibleRun,
  detailOf,
  resultFilter,
  resultViewer,
  summaryOfId,
} from './mu-evaluation-views.ts';

// For other modules: this file stays the module's public face.
export { runEvaluation } from './mu-evaluation-run.service.ts';
export type { RunTimings } from './mu-evaluation-run.service.ts';

export async function listRuns(db: Db, actor: Actor, query: { year?: number; status?: EvaluationRunStatus } & Paging) {
  requirePermission(actor, 'evaluations.read');
  // D17: only the eitc sees drafts and superseded runs; a reader asking for them gets an empty list.
  const statuses: EvaluationRunStatus[] = isManager(actor)
    ? query.status
      ? [query.status]
      : ['draft', 'published', 'superseded']
    : query.status && query.status !== 'published'
      ? []
      : ['published'];
  const { rows, total } = await selectRuns(db, { year: query.year, statuses }, query.page, query.pageSize);
  const labels = await runLabels(db, rows);
  return { items: rows.map((row) => summaryOf(row, actor, labels)), total, page: query.page, pageSize: query.pageSize };
}

export async function getRun(db: Db, actor: Actor, id: number): Promise<EvaluationRunDetail> {
  const row = await visibleRun(db, actor, id);
  return detailOf(row, actor, await runLabels(db, [row]));
}

export async function listResults(db: Db, actor: Actor, id: number, query: EvaluationResultsFilter & Paging) {
  const run = await visibleRun(db, actor, id);
  const { rows, total } = await resultsPage(db, id, resultFilter(actor, query), query.page, query.pageSize);
  return { items: rows.map(resultViewer(run)), total, page: query.page, pageSize: query.pageSize };
}

/**
 * The export's run (for its headers and the overview sheet), the sets it covers, and its rows as a stream; the
 * checks run before anything is sent, so a refusal is a proper 4xx, not a broken download.
 */
export async function resultsForExport(db: Db, actor: Actor, id: number, filter: EvaluationResultsFilter) {
  const row = await visibleRun(db, actor, id);
  const scoped = resultFilter(actor, filter);
  const view = resultViewer(row);
  const rows = (async function* views() {
    for await (const result of resultRows(db, id, scoped)) yield view(result);
  })();
  return {
    run: detailOf(row, actor, await runLabels(db, [row])),
    sets: filter.set ? [filter.set] : [...EVALUATION_SETS],
    rows,
  };
}

/**
 * D17: the eitc publishes a draft; an earlier published run of the same year becomes 'superseded' in the same
 * transaction. The year's runs are locked first, so concurrent publishes follow one another; the status change is
 * conditional (`WHERE status = 'draft'`), so of two publishes of one run exactly one wins and the other gets 409.
 */
export async function publishRun(db: Db, actor: Actor, id: number, now: Date): Promise<EvaluationRunSummary> {
  requirePermission(actor, 'evaluations.manage');
  await db.transaction(async (tx) => {
    const run = await findRun(tx, id);
    if (!run) throw notFound('评价不存在');
    await lockRunsOfYear(tx, run.year);
    if (!(await markPublished(tx, id, actor.username, now))) {
      // The run was read and locked above in this transaction, so it is still there.
      const current = known(await findRun(tx, id), `evaluation run ${id}`);
      if (current.status === 'published')
        throw conflict(`该评价已由 ${current.publishedBy ?? '他人'} 发布，无需重复发布`, 'ALREADY_PUBLISHED');
      throw conflict('该评价已被同年度后来发布的评价替代，不能再次发布；如需沿用，请重新运行评价后发布', 'SUPERSEDED');
    }
    const superseded = await supersedeOthers(tx, run.year, id);
    await recordAudit(
      tx,
      actor,
      {
        action: 'evaluations.publish',
        entityType: 'evaluation_run',
        entityId: id,
        before: { status: 'draft' },
        after: { status: 'published', year: run.year, superseded },
      },
      now,
    );
  });
  return summaryOfId(db, actor, id);
}

/**
 * For the public notice of results (R3.2 公示, notices/): a published run's year and title, or null when the run does
 * not exist or is not published (a draft is never put on notice; a superseded run no longer stands).
 */
export async function publishedRunForNotice(db: Db, id: number): Promise<{ year: number; title: string } | null> {
  const run = await findRun(db, id);
  if (!run || run.status !== 'published') return null;
  const number = (await runNumbersInYear(db, [id])).get(id) ?? 1;
  return { year: run.year, title: `${run.year}年度亩均效益综合评价结果${number > 1 ? `（第 ${number} 次）` : ''}` };
}

/** The public lines of a published run: each rated enterprise's name and class, nothing else (R3.2 公示). */
export async function noticeLinesOfRun(db: Db, id: number, q: string | undefined, page: number, pageSize: number) {
  return noticeLinesPage(db, id, q, page, pageSize);
}
