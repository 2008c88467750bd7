import { NOTICE_STATUS_LABELS, type NoticeKind, type NoticeStatus } from '@pgs/domain';

export const NOTICE_STATUS_COLORS: Record<NoticeStatus, string> = {
  scheduled: 'default',
  open: 'processing',
  awaiting_answers: 'warning',
  final: 'success',
};
export const noticeStatusLabel = (status: NoticeStatus) => NOTICE_STATUS_LABELS[status];

/** How each kind of notice names its lines (R3.2 企业与等级; R4.2 平台与名次). */
export const NOTICE_KIND_WORDS: Record<
  NoticeKind,
  {
    unit: string;
    noun: string;
    nameTitle: string;
    resultTitle: string;
    intro: string;
  }
> = {
  mu_evaluation: {
    unit: '家',
    noun: '企业',
    nameTitle: '企业名称',
    resultTitle: '评价等级',
    intro: '名单列出参评企业的名称及评价等级（A、B、C、D 类），按等级和名称排列。',
  },
  platform_assessment: {
    unit: '个平台',
    noun: '平台',
    nameTitle: '平台',
    resultTitle: '考核名次',
    intro: '名单列出三大平台的年度考核名次，按名次排列。',
  },
};

/** A line's result as shown: a class reads "A 类", a rank is already words. */
export const resultText = (kind: NoticeKind, result: string) => (kind === 'mu_evaluation' ? `${result} 类` : result);
