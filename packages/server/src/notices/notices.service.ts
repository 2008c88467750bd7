import {
  DEFAULT_NOTICE_WORKING_DAYS,
  shanghaiDay,
  workingPeriodEnd,
  type CreateNoticeInput,
  type NoticeKind,
  type NoticeView,
  type ObjectionView,
  type WorkingDayCalendar,
} from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { PUBLIC_ACTOR, requirePermission, type Actor } from '../platform/actor.ts';
import { AppError, badRequest, conflict, notFound, staleVersion } from '../platform/errors.ts';
import { known } from '../platform/rows.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { displayNamesOf } from '../users/users.service.ts';
import {
  answerObjectionRow,
  findNotice,
  findObjection,
  insertNotice,
  noticesPage,
  objectionsOf,
  type ObjectionRow,
} from './notices.repository.ts';
import { providerOf, viewOf, viewsOf } from './notice-views.ts';

// For other modules: this file stays the module's public face.
export { lodgeObjection } from './notices-public.service.ts';

/**
 * R3.2 公示 as use cases. The eitc puts a published mu-evaluation on notice for a period of working days (the
 * calendar is given by app.ts: weekends by default, the national holiday calendar when plugged in); anyone reads the
 * public lines and lodges an objection without signing in; the eitc answers; the status (公示中 … 公示结束) is the
 * domain's noticeStatus as of today. What is on notice comes from the kind's provider (notice-providers.ts).
 */

/** Who lodged a public objection, for the audit trail: no account, the client's address is in the audit row. */
export { PUBLIC_ACTOR };

/** The largest number of days ahead a notice may be set to start. */
const MAX_START_AHEAD_DAYS = 30;

const addDays = (day: string, days: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

function requireManage(actor: Actor, kind: NoticeKind) {
  requirePermission(actor, 'notices.manage');
  requirePermission(actor, providerOf(kind).managePermission);
}

export async function createNotice(
  db: Db,
  actor: Actor,
  input: CreateNoticeInput,
  calendar: WorkingDayCalendar,
  now: Date,
): Promise<NoticeView> {
  requireManage(actor, input.kind);
  const today = shanghaiDay(now);
  const startDay = input.startDay ?? today;
  if (startDay < today) throw badRequest(`公示开始日期 ${startDay} 早于今天，请选择今天或以后的日期`);
  if (startDay > addDays(today, MAX_START_AHEAD_DAYS))
    throw badRequest(`公示开始日期最多为今天起 ${MAX_START_AHEAD_DAYS} 天内`);
  const workingDays = input.workingDays ?? DEFAULT_NOTICE_WORKING_DAYS;
  const subject = await providerOf(input.kind).describe(db, input.subjectId);
  if (!subject) throw new AppError(422, 'NOT_PUBLISHED', '只能公示已发布的评价结果：该评价不存在或尚未发布');
  const endDay = workingPeriodEnd(startDay, workingDays, calendar);
  const id = await db.transaction(async (tx) => {
    const [row] = await insertNotice(tx, {
      kind: input.kind,
      subjectId: input.subjectId,
      title: `${subject.title}公示`,
      year: subject.year,
      startDay,
      endDay,
      workingDays,
      createdAt: now,
      createdBy: actor.username,
    });
    if (!row) throw conflict('该评价结果已经发起过公示');
    await recordAudit(
      tx,
      actor,
      {
        action: 'notices.create',
        entityType: 'notice',
        entityId: row.id,
        after: { kind: input.kind, subjectId: input.subjectId, startDay, endDay, workingDays },
      },
      now,
    );
    return row.id;
  });
  return viewOf(db, known(await findNotice(db, id), `notice ${id} just written`), today);
}

export async function listNotices(db: Db, actor: Actor, query: { page: number; pageSize: number }, now: Date) {
  requirePermission(actor, 'notices.read');
  const { rows, total } = await noticesPage(db, query.page, query.pageSize);
  return { items: await viewsOf(db, rows, shanghaiDay(now)), total, page: query.page, pageSize: query.pageSize };
}

function objectionView(row: ObjectionRow, nameOf: (u: string | null) => string | null): ObjectionView {
  return {
    id: row.id,
    reference: row.reference,
    creditCode: row.creditCode,
    contact: row.contact,
    reason: row.reason,
    submittedAt: row.submittedAt.toISOString(),
    answer: row.answer,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    answeredByName: nameOf(row.answeredBy),
    version: row.version,
  };
}

export async function getNotice(db: Db, actor: Actor, id: number, now: Date) {
  requirePermission(actor, 'notices.read');
  const row = await findNotice(db, id);
  if (!row) throw notFound('公示不存在');
  const view = await viewOf(db, row, shanghaiDay(now));
  const objections = await objectionsOf(db, id);
  const nameOf = await displayNamesOf(
    db,
    objections.map((o) => o.answeredBy),
  );
  return { ...view, objectionList: objections.map((o) => objectionView(o, (u) => nameOf(u))) };
}

export async function objectionsForExport(db: Db, actor: Actor, id: number, now: Date) {
  return getNotice(db, actor, id, now);
}

/** The eitc records its answer to an objection (with the version it saw: 409 when someone answered meanwhile). */
export async function answerObjection(
  db: Db,
  actor: Actor,
  noticeId: number,
  objectionId: number,
  input: { answer: string; version: number },
  now: Date,
) {
  requirePermission(actor, 'notices.manage');
  const notice = await findNotice(db, noticeId);
  if (!notice) throw notFound('公示不存在');
  requireManage(actor, notice.kind);
  await db.transaction(async (tx) => {
    const before = await findObjection(tx, noticeId, objectionId);
    if (!before) throw notFound('异议不存在');
    const saved = await answerObjectionRow(tx, objectionId, input.version, {
      answer: input.answer,
      answeredAt: now,
      answeredBy: actor.username,
    });
    if (saved.length === 0) throw staleVersion('该异议');
    await recordAudit(
      tx,
      actor,
      {
        action: 'notices.answer',
        entityType: 'notice_objection',
        entityId: objectionId,
        before: { answer: before.answer, version: before.version },
        after: { reference: before.reference, answer: input.answer, version: input.version + 1 },
      },
      now,
    );
  });
  return getNotice(db, actor, noticeId, now);
}
