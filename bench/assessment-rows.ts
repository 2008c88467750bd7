import type { Db } from '../packages/server/src/platform/db.ts';
import type { Actor } from '../packages/server/src/platform/actor.ts';
import { getAssessment } from '../packages/server/src/assessment/assessment.service.ts';
import { figureRows } from '../packages/server/src/assessment/figure-rows.service.ts';

/**
 * Every figure of a saved assessment with all its rows, as the reader gets them (for the bench's digest): the rows
 * through the paged read, 200 at a time. The digest's input has the shape the bench had before issue #15 (the
 * figure without its rows or their count, then the rows), so equal digests mean equal answers.
 */
export async function allFigureRows(db: Db, actor: Actor, id: number) {
  const view = await getAssessment(db, actor, id);
  const digestInput: unknown[] = [];
  const rowCounts: Record<string, number> = {};
  for (const p of view.platforms)
    for (const c of p.criteria) {
      const { rowCount, ...figure } = c.figure;
      const rows = [];
      for (let page = 1; (page - 1) * 200 < rowCount; page++) {
        const answer = await figureRows(db, actor, id, c.source, { platformKey: p.platformKey, page, pageSize: 200 });
        rows.push(...answer.items);
      }
      digestInput.push({ platform: p.platformKey, key: c.key, points: c.points, figure, rows });
      rowCounts[c.source] = (rowCounts[c.source] ?? 0) + rows.length;
    }
  return { digestInput, rowCounts };
}
