import { noticeStatus, type NoticeKind, type NoticeView } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { known } from '../platform/rows.ts';
import { displayNamesOf } from '../users/users.service.ts';
import { NOTICE_PROVIDERS } from './notice-providers.ts';
import { objectionCounts, type NoticeRow } from './notices.repository.ts';

export function providerOf(kind: NoticeKind) {
  return NOTICE_PROVIDERS[kind];
}

/** One notice's view (viewsOf answers one view per row). */
export async function viewOf(db: Db, row: NoticeRow, today: string): Promise<NoticeView> {
  return known((await viewsOf(db, [row], today))[0], `view of notice ${row.id}`);
}

export async function viewsOf(db: Db, rows: readonly NoticeRow[], today: string): Promise<NoticeView[]> {
  const counts = await objectionCounts(
    db,
    rows.map((r) => r.id),
  );
  const nameOf = await displayNamesOf(
    db,
    rows.map((r) => r.createdBy),
  );
  return Promise.all(
    rows.map(async (row) => {
      const { objections, unanswered } = counts.get(row.id) ?? { objections: 0, unanswered: 0 };
      const entries = await providerOf(row.kind).entries(db, row.subjectId, { page: 1, pageSize: 1 });
      return {
        id: row.id,
        kind: row.kind,
        subjectId: row.subjectId,
        title: row.title,
        year: row.year,
        startDay: row.startDay,
        endDay: row.endDay,
        workingDays: row.workingDays,
        status: noticeStatus(row, unanswered, today),
        objections,
        unanswered,
        entries: entries.total,
        createdAt: row.createdAt.toISOString(),
        createdByName: nameOf(row.createdBy) ?? row.createdBy,
      };
    }),
  );
}
