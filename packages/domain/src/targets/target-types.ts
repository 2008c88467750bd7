/** R2.7: the kinds of enterprise a target library aims at; more than one may apply. */
export const TARGET_TYPES = [
  'global500',
  'china500',
  'central_soe',
  'private_leader',
  'industry_leader',
  'wenzhou_origin',
] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

export function isTargetType(value: string): value is TargetType {
  return (TARGET_TYPES as readonly string[]).includes(value);
}

export const TARGET_TYPE_LABELS: Record<TargetType, string> = {
  global500: '世界500强',
  china500: '中国500强',
  central_soe: '央企',
  private_leader: '知名民企',
  industry_leader: '行业龙头',
  wenzhou_origin: '实力温商',
};

/** R2.8 market channels: entrusted agencies (委托招商) and business-led leads (以商招商). */
export const CHANNEL_KINDS = [
  'consulting',
  'accounting',
  'law',
  'entrepreneur',
  'investor',
  'chamber',
  'other',
] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const CHANNEL_KIND_LABELS: Record<ChannelKind, string> = {
  consulting: '咨询机构（委托招商）',
  accounting: '会计师事务所（委托招商）',
  law: '律师事务所（委托招商）',
  entrepreneur: '企业家（以商招商）',
  investor: '投资人（以商招商）',
  chamber: '异地温州商会（以商招商）',
  other: '其他渠道',
};

/** Entrusted agencies hold contracts; business-led channels name who brought the lead. */
export function isEntrustedAgency(kind: ChannelKind): boolean {
  return kind === 'consulting' || kind === 'accounting' || kind === 'law';
}

/**
 * Issue #13: only an `encouraged` industry of the platform's catalog may be a target without a written reason.
 * Returns the problem, or null.
 */
export function industryReasonProblem(category: string, reason: string | null | undefined): string | null {
  if (category === 'encouraged') return null;
  if (reason?.trim()) return null;
  return '该行业不属于本平台鼓励类产业，列为目标企业须填写理由';
}
