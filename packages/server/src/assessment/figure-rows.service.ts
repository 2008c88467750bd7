import {
  platformName,
  type FigureRow,
  type FigureRowsQuery,
  type FigureSourceKey,
  type PlatformKey,
} from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import type { Actor } from '../platform/actor.ts';
import { platformScope } from '../platform/platform-scope.ts';
import { forbidden } from '../platform/errors.ts';
import type { StoredFigure, StoredResult } from './assessment-result.ts';
import { visibleAssessment } from './assessment.service.ts';
import { allFigureRows, figureRowsPage } from './figure-rows.repository.ts';

/**
 * One platform's figure of an assessment, for whoever may read the assessment; a platform user reads only its own
 * platform's rows (D10). `stored.rows` is set for an assessment saved before the rows had a table of their own.
 */
async function readableFigure(db: Db, actor: Actor, id: number, source: FigureSourceKey, platformKey: PlatformKey) {
  const assessment = await visibleAssessment(db, actor, id);
  const own = platformScope(actor);
  if (own !== null && own !== platformKey) throw forbidden('平台只能查看本平台的考核明细');
  const criterion = (assessment.result as StoredResult).platforms
    .find((p) => p.platformKey === platformKey)
    ?.criteria.find((c) => c.source === source);
  return {
    assessment,
    label: criterion?.label ?? null,
    stored: criterion?.figure as StoredFigure | undefined,
    of: { assessmentId: id, platformKey, sourceKey: source },
  };
}

/** `GET /assessments/:id/figures/:source/rows`: a page of the rows behind one platform's figure, in its order. */
export async function figureRows(
  db: Db,
  actor: Actor,
  id: number,
  source: FigureSourceKey,
  query: FigureRowsQuery,
): Promise<{ items: FigureRow[]; total: number; page: number; pageSize: number }> {
  const { stored, of } = await readableFigure(db, actor, id, source, query.platformKey);
  const { page, pageSize } = query;
  if (stored && 'rows' in stored) {
    const items = stored.rows.slice((page - 1) * pageSize, page * pageSize);
    return { items, total: stored.rows.length, page, pageSize };
  }
  const { rows, total } = await figureRowsPage(db, of, page, pageSize);
  return { items: rows, total, page, pageSize };
}

/**
 * `GET /assessments/:id/figures/:source/rows.xlsx`: every row behind the figure, for Excel (every list is
 * exportable), with the title its file is named by. The checks run before the first row is read, so a refusal is
 * an answer of its own and not a broken download.
 */
export async function figureRowsForExport(
  db: Db,
  actor: Actor,
  id: number,
  source: FigureSourceKey,
  platformKey: PlatformKey,
): Promise<{ title: string; rows: AsyncIterable<FigureRow> | readonly FigureRow[] }> {
  const { assessment, label, stored, of } = await readableFigure(db, actor, id, source, platformKey);
  const title = `${assessment.year}年度平台考核${platformName(platformKey)}${label ? `“${label}”` : ''}明细`;
  return { title, rows: stored && 'rows' in stored ? stored.rows : allFigureRows(db, of) };
}
