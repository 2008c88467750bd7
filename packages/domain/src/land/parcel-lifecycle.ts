/**
 * R3.1 / R3.6: a parcel's life. 批而未供 (approved) → 供地 (supplied) → 开工 (started) → 竣工 (completed); a plant or
 * parcel given up is 腾空 (vacated) → 再利用 (reused) by one of four ways; an idle parcel may be 收回 (recovered) and
 * then supplied again. Each move is one of these actions; everything else is refused with a Chinese reason.
 */
export const PARCEL_STATES = [
  'approved',
  'supplied',
  'started',
  'completed',
  'vacated',
  'reused',
  'recovered',
] as const;
export type ParcelState = (typeof PARCEL_STATES)[number];

export const PARCEL_STATE_LABELS: Record<ParcelState, string> = {
  approved: '批而未供',
  supplied: '已供地',
  started: '已开工',
  completed: '已竣工',
  vacated: '已腾空',
  reused: '已再利用',
  recovered: '已收回',
};

export const PARCEL_ACTIONS = [
  'supply',
  'start',
  'progress',
  'complete',
  'vacate',
  'reuse',
  'recover',
  'delay',
  'publish',
] as const;
export type ParcelAction = (typeof PARCEL_ACTIONS)[number];

export const PARCEL_ACTION_LABELS: Record<ParcelAction, string> = {
  supply: '供地',
  start: '开工',
  progress: '报告建设进度',
  complete: '竣工',
  vacate: '腾空',
  reuse: '再利用',
  recover: '收回',
  delay: '登记延期',
  publish: '公开或撤回',
};

const ALLOWED_FROM: Record<ParcelAction, readonly ParcelState[]> = {
  supply: ['approved', 'recovered'],
  start: ['supplied'],
  progress: ['started'],
  complete: ['started'],
  vacate: ['supplied', 'started', 'completed', 'reused'],
  reuse: ['vacated'],
  recover: ['supplied', 'started'],
  delay: ['supplied', 'started'],
  // Withdrawing is always allowed; publishing checks isPublishable.
  publish: PARCEL_STATES,
};

export const SUPPLY_WAYS = ['transfer', 'allocation', 'lease'] as const;
export type SupplyWay = (typeof SUPPLY_WAYS)[number];
export const SUPPLY_WAY_LABELS: Record<SupplyWay, string> = { transfer: '出让', allocation: '划拨', lease: '租赁' };

export const VACATE_REASONS = ['elimination', 'low_efficiency', 'zombie_exit', 'relocation'] as const;
export type VacateReason = (typeof VACATE_REASONS)[number];
export const VACATE_REASON_LABELS: Record<VacateReason, string> = {
  elimination: '淘汰落后',
  low_efficiency: '低效整治',
  zombie_exit: '僵尸企业出清',
  relocation: '搬迁',
};

/** R3.6 and the seed: vacated plants are reused by government lease, buy-back, merger, or redeveloped as a whole. */
export const REUSE_WAYS = ['government_lease', 'government_buyback', 'merger', 'redevelopment'] as const;
export type ReuseWay = (typeof REUSE_WAYS)[number];
export const REUSE_WAY_LABELS: Record<ReuseWay, string> = {
  government_lease: '政府统一租赁',
  government_buyback: '政府回收回购',
  merger: '企业兼并重组',
  redevelopment: '整体改建开发',
};

export const DELAY_CAUSES = ['government', 'force_majeure'] as const;
export type DelayCause = (typeof DELAY_CAUSES)[number];
export const DELAY_CAUSE_LABELS: Record<DelayCause, string> = { government: '政府原因', force_majeure: '不可抗力' };

/** Whether `action` may be taken on a parcel in `state`; a refusal names both in Chinese. */
export function checkParcelAction(
  state: ParcelState,
  action: ParcelAction,
): { allowed: true } | { allowed: false; message: string } {
  if (ALLOWED_FROM[action].includes(state)) return { allowed: true };
  const from = ALLOWED_FROM[action].map((s) => PARCEL_STATE_LABELS[s]).join('、');
  return {
    allowed: false,
    message: `地块当前为“${PARCEL_STATE_LABELS[state]}”，不能${PARCEL_ACTION_LABELS[action]}（只有${from}的地块可以）`,
  };
}

/** R3.1 land sub-databases: which states each list holds. */
export const LAND_SUB_DATABASES = ['approved_not_supplied', 'supplied_not_used', 'vacated'] as const;
export type LandSubDatabase = (typeof LAND_SUB_DATABASES)[number];
export const LAND_SUB_DATABASE_LABELS: Record<LandSubDatabase, string> = {
  approved_not_supplied: '批而未供',
  supplied_not_used: '供而未用',
  vacated: '腾空改造',
};
export const LAND_SUB_DATABASE_STATES: Record<LandSubDatabase, readonly ParcelState[]> = {
  // A recovered parcel is government land waiting to be supplied again.
  approved_not_supplied: ['approved', 'recovered'],
  // DOMAIN-FACTS §2.2: supplied but not started or not finished — wider than legal idle land.
  supplied_not_used: ['supplied', 'started'],
  vacated: ['vacated'],
};

/** Parcels that may be published for investors (R3.6: 批而未供 and vacated ones). */
export function isPublishable(state: ParcelState): boolean {
  return state === 'approved' || state === 'recovered' || state === 'vacated';
}
