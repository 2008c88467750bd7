/**
 * The public notice of a published result (公示, R3.2 for the mu-evaluation; later R4.2 for the platforms'
 * assessment): on notice from its first day to the last day of its period; anyone may object while it is on notice;
 * the result is final (公示结束) once the period has ended AND every objection has been answered. Computed as of a
 * day, never stored.
 */
export const NOTICE_STATUSES = ['scheduled', 'open', 'awaiting_answers', 'final'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = {
  scheduled: '待公示',
  open: '公示中',
  awaiting_answers: '公示期满，异议待答复',
  final: '公示结束',
};

/** What is put on notice; a second kind (the platforms' yearly assessment, R4.2) is added here and by a provider. */
export const NOTICE_KINDS = ['mu_evaluation', 'platform_assessment'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  mu_evaluation: '亩均效益综合评价结果',
  platform_assessment: '平台年度考核结果',
};

export const DEFAULT_NOTICE_WORKING_DAYS = 5;

export type NoticeTimes = { startDay: string; endDay: string };

export function noticeStatus(notice: NoticeTimes, unansweredObjections: number, today: string): NoticeStatus {
  if (today < notice.startDay) return 'scheduled';
  if (today <= notice.endDay) return 'open';
  return unansweredObjections > 0 ? 'awaiting_answers' : 'final';
}

/** Objections are taken on the days of the notice only (its first day to its last, both included). */
export function acceptsObjections(notice: NoticeTimes, today: string): boolean {
  return noticeStatus(notice, 0, today) === 'open';
}

/** The reference number the objector keeps: the notice and the objection's number within it (GS-12-0003). */
export function objectionReference(noticeId: number, numberInNotice: number): string {
  return `GS-${noticeId}-${String(numberInNotice).padStart(4, '0')}`;
}
