import { shanghaiDay, type InterviewInput, type InterviewView, type PlatformKey } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { platformScope } from '../platform/platform-scope.ts';
import { badRequest, notFound } from '../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findAssessment, insertInterview, interviewPage, type InterviewRow } from './assessment.repository.ts';
import { displayNames } from './people.ts';

/** R4.3 约谈: the drc records an interview of a warned platform; the platform reads its own. */
export async function recordInterview(db: Db, actor: Actor, input: InterviewInput, now: Date): Promise<InterviewView> {
  requirePermission(actor, 'assessment.manage');
  if (input.heldOn > shanghaiDay(now)) throw badRequest(`约谈日期 ${input.heldOn} 不能晚于今天`);
  if (input.followUpDeadline < input.heldOn) throw badRequest('整改期限不能早于约谈日期');
  if (input.assessmentId) {
    const assessment = await findAssessment(db, input.assessmentId);
    if (!assessment) throw notFound('所关联的考核结果不存在');
    if (assessment.year !== input.year)
      throw badRequest(`所关联的考核结果是 ${assessment.year} 年度的，与约谈年度不符`);
  }
  const id = await db.transaction(async (tx) => {
    const newId = await insertInterview(tx, {
      platformKey: input.platformKey,
      year: input.year,
      assessmentId: input.assessmentId ?? null,
      reason: input.reason,
      heldOn: input.heldOn,
      participants: input.participants,
      minutes: input.minutes,
      followUpDeadline: input.followUpDeadline,
      recordedAt: now,
      recordedBy: actor.username,
    });
    await recordAudit(
      tx,
      actor,
      { action: 'assessment.interview', entityType: 'assessment_interview', entityId: newId, after: input },
      now,
    );
    return newId;
  });
  const { items } = await listInterviews(db, actor, { page: 1, pageSize: 200 }, now);
  return items.find((item) => item.id === id)!;
}

export async function listInterviews(
  db: Db,
  actor: Actor,
  query: { platformKey?: PlatformKey; year?: number; page: number; pageSize: number },
  now: Date,
) {
  requirePermission(actor, 'assessment.read');
  const platformKey = platformScope(actor) ?? query.platformKey;
  const { rows, total } = await interviewPage(db, { platformKey, year: query.year }, query.page, query.pageSize);
  const names = await displayNames(
    db,
    rows.map((r) => r.recordedBy),
  );
  const today = shanghaiDay(now);
  return {
    items: rows.map((row) => interviewView(row, names, today)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

function interviewView(row: InterviewRow, names: Map<string, string>, today: string): InterviewView {
  return {
    id: row.id,
    platformKey: row.platformKey as PlatformKey,
    year: row.year,
    assessmentId: row.assessmentId,
    reason: row.reason,
    heldOn: row.heldOn,
    participants: row.participants,
    minutes: row.minutes,
    followUpDeadline: row.followUpDeadline,
    recordedAt: row.recordedAt.toISOString(),
    recordedByName: names.get(row.recordedBy) ?? row.recordedBy,
    followUpOverdue: row.followUpDeadline < today,
  };
}

/** The whole filtered list for the Excel export, read a page at a time (tens of rows a year; no paging limit). */
export async function interviewsForExport(
  db: Db,
  actor: Actor,
  filter: { platformKey?: PlatformKey; year?: number },
  now: Date,
): Promise<InterviewView[]> {
  const items: InterviewView[] = [];
  for (let page = 1; ; page++) {
    const batch = await listInterviews(db, actor, { ...filter, page, pageSize: 200 }, now);
    items.push(...batch.items);
    if (items.length >= batch.total || batch.items.length === 0) return items;
  }
}
