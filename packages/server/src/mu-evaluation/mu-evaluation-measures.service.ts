import {
  measuresOf,
  RECTIFICATION_TRACK_LABELS,
  type EnterpriseRecord,
  type EvaluationClass,
  type MeasureItemView,
  type MeasureSettings,
  type MeasuresFilter,
  type RectificationFilter,
  type RectificationItemView,
} from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import type { Actor } from '../platform/actor.ts';
import { recordsOfCodes, recordsOfYear } from '../enterprises/enterprise-records.service.ts';
import { rectificationPage, rectificationRows, type RectificationRow } from './rectification.repository.ts';
import { resultRows, resultsPage, type ResultFilter, type ResultRow } from './mu-evaluation-results.repository.ts';
import { scopedPlatform, visibleRun, type Paging } from './mu-evaluation-views.ts';

/**
 * The two lists a run makes for its C and D enterprises: the R3.3 measures (with amounts from the run's settings)
 * and the R3.4 rectification list; the run's visibility and the platform scope are mu-evaluation.service.ts's.
 */

// ---------------------------------------------------------------- R3.3 measures

/**
 * Figures absent: an enterprise whose record of the year was removed after the run keeps its measures, without amounts.
 */
const WITHOUT_FIGURES = { electricityKwh: null, waterTons: null, energyTce: null };

function measureItem(row: ResultRow, record: EnterpriseRecord | undefined, settings: MeasureSettings): MeasureItemView {
  const cls = row.class;
  // The query reads classes C and D only; the column's type cannot say so.
  if (cls !== 'C' && cls !== 'D') throw new Error(`measures of a class ${cls} result`);
  return {
    creditCode: row.creditCode,
    name: row.name,
    platformKey: row.platformKey,
    class: cls,
    set: row.set,
    measures: measuresOf(cls, record ?? WITHOUT_FIGURES, settings),
  };
}

const measureClasses = (filter: MeasuresFilter): EvaluationClass[] => (filter.class ? [filter.class] : ['C', 'D']);

async function recordsByCode(db: Db, year: number): Promise<Map<string, EnterpriseRecord>> {
  return new Map((await recordsOfYear(db, year)).map((record) => [record.creditCode, record]));
}

/**
 * R3.3: every C and D enterprise of the run with its six measures, amounts from the run's measure settings (the
 * snapshot taken when it ran) and the year's figures (kWh, water, energy) as the base database holds them now.
 */
export async function listMeasures(db: Db, actor: Actor, id: number, query: MeasuresFilter & Paging) {
  const run = await visibleRun(db, actor, id);
  const filter: ResultFilter = {
    platformKey: scopedPlatform(actor, query.platformKey),
    classes: measureClasses(query),
  };
  // Issue #15: the page first, then only its enterprises' records (not every record of the year).
  const { rows, total } = await resultsPage(db, id, filter, query.page, query.pageSize);
  const records = await recordsOfCodes(
    db,
    run.year,
    rows.map((row) => row.creditCode),
  );
  return {
    items: rows.map((row) => measureItem(row, records.get(row.creditCode), run.measures)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function measuresForExport(db: Db, actor: Actor, id: number, query: MeasuresFilter) {
  const run = await visibleRun(db, actor, id);
  const filter: ResultFilter = {
    platformKey: scopedPlatform(actor, query.platformKey),
    classes: measureClasses(query),
  };
  const records = await recordsByCode(db, run.year);
  const rows = (async function* items() {
    for await (const row of resultRows(db, id, filter))
      yield measureItem(row, records.get(row.creditCode), run.measures);
  })();
  return { year: run.year, rows };
}

// ---------------------------------------------------------------- R3.4 rectification

/**
 * R3.4 (D16 tracks): the run's list as it was made with the run (evaluation-rectification.repository.ts), so a
 * published list does not change when records are re-imported. A platform user reads its own platform's part.
 */
function rectificationView(row: RectificationRow): RectificationItemView {
  return {
    ...row,
    trackLabel: RECTIFICATION_TRACK_LABELS[row.track],
  };
}

export async function listRectification(db: Db, actor: Actor, id: number, query: RectificationFilter & Paging) {
  await visibleRun(db, actor, id);
  const { rows, total } = await rectificationPage(
    db,
    id,
    { platformKey: scopedPlatform(actor, query.platformKey), track: query.track },
    query.page,
    query.pageSize,
  );
  return { items: rows.map(rectificationView), total, page: query.page, pageSize: query.pageSize };
}

export async function rectificationForExport(db: Db, actor: Actor, id: number, query: RectificationFilter) {
  const run = await visibleRun(db, actor, id);
  const scope = { platformKey: scopedPlatform(actor, query.platformKey), track: query.track };
  const rows = (async function* items() {
    for await (const row of rectificationRows(db, id, scope)) yield rectificationView(row);
  })();
  return { year: run.year, rows };
}
