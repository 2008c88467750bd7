import {
  acceptsObjections,
  objectionReference,
  shanghaiDay,
  type LodgeObjectionInput,
  type NoticeView,
  type PublicNoticeView,
} from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { PUBLIC_ACTOR } from '../platform/actor.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { currentRequestClient } from '../platform/request-context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  findNotice,
  insertObjection,
  lockNotice,
  nextObjectionNumber,
  noticesPage,
  type NoticeRow,
} from './notices.repository.ts';
import { viewsOf, viewOf, providerOf } from './notice-views.ts';

// ——— The public side: no sign-in; only what the notice shows ———

export function publicView(view: NoticeView): PublicNoticeView {
  return {
    id: view.id,
    kind: view.kind,
    title: view.title,
    startDay: view.startDay,
    endDay: view.endDay,
    status: view.status,
    entries: view.entries,
  };
}

/** Notices that have started (a scheduled one is not public yet), newest first. */
export async function listPublicNotices(db: Db, query: { page: number; pageSize: number }, now: Date) {
  const today = shanghaiDay(now);
  const { rows, total } = await noticesPage(db, query.page, query.pageSize, today);
  const views = await viewsOf(db, rows, today);
  return { items: views.map(publicView), total, page: query.page, pageSize: query.pageSize };
}

async function startedNotice(db: Db, id: number, today: string): Promise<NoticeRow> {
  const row = await findNotice(db, id);
  if (!row || row.startDay > today) throw notFound('公示不存在');
  return row;
}

export async function getPublicNotice(db: Db, id: number, now: Date): Promise<PublicNoticeView> {
  const today = shanghaiDay(now);
  const row = await startedNotice(db, id, today);
  return publicView(await viewOf(db, row, today));
}

export async function publicNoticeEntries(
  db: Db,
  id: number,
  query: { q?: string; page: number; pageSize: number },
  now: Date,
) {
  const row = await startedNotice(db, id, shanghaiDay(now));
  const { items, total } = await providerOf(row.kind).entries(db, row.subjectId, query);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/**
 * Anyone lodges an objection while the notice is on (its first to its last day): the credit code has passed its
 * check digit at the contract; the answer is the reference number to quote. Rate-limited per address at the route.
 */
export async function lodgeObjection(db: Db, id: number, input: LodgeObjectionInput, now: Date) {
  const today = shanghaiDay(now);
  return db.transaction(async (tx) => {
    const notice = await lockNotice(tx, id);
    if (!notice || notice.startDay > today) throw notFound('公示不存在');
    if (!acceptsObjections(notice, today))
      throw new AppError(
        409,
        'NOTICE_CLOSED',
        `该公示的异议受理期为 ${notice.startDay} 至 ${notice.endDay}，现已截止，不再受理异议`,
      );
    const number = await nextObjectionNumber(tx, id);
    const reference = objectionReference(id, number);
    const objectionId = await insertObjection(tx, {
      noticeId: id,
      numberInNotice: number,
      reference,
      creditCode: input.creditCode,
      contact: input.contact,
      reason: input.reason,
      submittedAt: now,
      clientAddress: currentRequestClient()?.address ?? null,
    });
    await recordAudit(
      tx,
      PUBLIC_ACTOR,
      {
        action: 'notices.objection',
        entityType: 'notice_objection',
        entityId: objectionId,
        after: { noticeId: id, reference, creditCode: input.creditCode },
      },
      now,
    );
    return { reference, submittedAt: now.toISOString() };
  });
}
