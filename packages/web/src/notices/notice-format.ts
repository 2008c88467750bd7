import { NOTICE_STATUS_LABELS, type NoticeStatus } from '@pgs/domain';

export const NOTICE_STATUS_COLORS: Record<NoticeStatus, string> = {
  scheduled: 'default',
  open: 'processing',
  awaiting_answers: 'warning',
  final: 'success',
};
export const noticeStatusLabel = (status: NoticeStatus) => NOTICE_STATUS_LABELS[status];
