import { platformName, type PlatformKey, type PublicEntry } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { findAssessment } from './assessment.repository.ts';

/**
 * For the public notice (公示) of a published yearly assessment (R4.2, issue 14): the notices module shows the
 * platform and its rank and nothing else (no figures, no rows), read from the frozen result — a published
 * assessment never changes, so the notice never does. Drafts are not noticeable (null).
 */
type Ranked = { platforms: { platformKey: PlatformKey; rank: number }[] };

async function published(db: Db, id: number) {
  const row = await findAssessment(db, id);
  return row && row.status === 'published' ? row : null;
}

export async function publishedAssessmentForNotice(
  db: Db,
  id: number,
): Promise<{ year: number; title: string } | null> {
  const row = await published(db, id);
  return row ? { year: row.year, title: `${row.year}年度市级三大功能性平台考核结果` } : null;
}

export async function noticeLinesOfAssessment(
  db: Db,
  id: number,
  q: string | undefined,
  page: number,
  pageSize: number,
): Promise<{ items: PublicEntry[]; total: number }> {
  const row = await published(db, id);
  if (!row) return { items: [], total: 0 };
  const lines = [...(row.result as Ranked).platforms]
    .sort((a, b) => a.rank - b.rank || a.platformKey.localeCompare(b.platformKey))
    .map((p) => ({ name: platformName(p.platformKey), result: `第 ${p.rank} 名` }))
    .filter((line) => !q || line.name.includes(q));
  return { items: lines.slice((page - 1) * pageSize, page * pageSize), total: lines.length };
}
