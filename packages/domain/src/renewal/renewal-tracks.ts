/**
 * The renewal tracks of §三(二) (R3.5) and of the catalog's consequences for existing enterprises (R1.6). Each case
 * follows one track: a fixed sequence of steps, the last of which completes it. Labels are the users' words.
 */
export const RENEWAL_TRACKS = [
  'elimination',
  'overcapacity_cleanup',
  'zombie_exit',
  'catalog_relocation',
  'catalog_upgrade',
] as const;
export type RenewalTrack = (typeof RENEWAL_TRACKS)[number];

export const RENEWAL_TRACK_LABELS: Record<RenewalTrack, string> = {
  elimination: '淘汰落后（年度淘汰落后产能计划）',
  overcapacity_cleanup: '产能严重过剩行业违规项目清理',
  zombie_exit: '停产僵尸企业出清',
  catalog_relocation: '淘汰类企业搬迁处置',
  catalog_upgrade: '限制类企业技术改造',
};

/** Short names for board columns and tabs. */
export const RENEWAL_TRACK_SHORT: Record<RenewalTrack, string> = {
  elimination: '淘汰落后',
  overcapacity_cleanup: '过剩产能清理',
  zombie_exit: '僵尸企业出清',
  catalog_relocation: '搬迁处置',
  catalog_upgrade: '技术改造',
};

/** planned: opened, no step yet; in_progress: some steps; completed: the last step; withdrawn: closed with a reason. */
export const RENEWAL_STATUSES = ['planned', 'in_progress', 'completed', 'withdrawn'] as const;
export type RenewalStatus = (typeof RENEWAL_STATUSES)[number];
export const RENEWAL_STATUS_LABELS: Record<RenewalStatus, string> = {
  planned: '已立案',
  in_progress: '推进中',
  completed: '已完成',
  withdrawn: '已撤销',
};

/** R3.5 elimination plan: what is done with the backward capacity. */
export const ELIMINATION_MEASURES = ['shutdown', 'dismantle', 'convert', 'rectify'] as const;
export type EliminationMeasure = (typeof ELIMINATION_MEASURES)[number];
export const ELIMINATION_MEASURE_LABELS: Record<EliminationMeasure, string> = {
  shutdown: '关停',
  dismantle: '拆除淘汰设备',
  convert: '转产转型',
  rectify: '限期整改',
};

/** R3.5 (§三(二)1): the zombie enterprise's exit — 兼并重组、债务重组、整治逃废债、破产清算. */
export const EXIT_WAYS = ['merger', 'debt_restructuring', 'debt_evasion', 'bankruptcy'] as const;
export type ExitWay = (typeof EXIT_WAYS)[number];
export const EXIT_WAY_LABELS: Record<ExitWay, string> = {
  merger: '兼并重组',
  debt_restructuring: '债务重组',
  debt_evasion: '整治逃废债',
  bankruptcy: '破产清算',
};

/** R1.6: an eliminated enterprise's relocation or disposal plan (搬迁处置计划). */
export const DISPOSAL_WAYS = ['relocate', 'shutdown', 'convert'] as const;
export type DisposalWay = (typeof DISPOSAL_WAYS)[number];
export const DISPOSAL_WAY_LABELS: Record<DisposalWay, string> = {
  relocate: '搬迁',
  shutdown: '关停处置',
  convert: '转产',
};

export type RenewalStep = { key: string; label: string };

const step = (key: string, label: string): RenewalStep => ({ key, label });
const IDENTIFIED = step('identified', '认定僵尸企业');
const CLEARED = step('cleared', '出清');

/** The zombie exit's steps per way; every way ends in 出清. */
export const EXIT_STEPS: Record<ExitWay, readonly RenewalStep[]> = {
  merger: [
    IDENTIFIED,
    step('matched', '对接重组方'),
    step('agreement', '签订重组协议'),
    step('handover', '资产交割'),
    CLEARED,
  ],
  debt_restructuring: [
    IDENTIFIED,
    step('creditors', '召开债权人会议'),
    step('plan_approved', '重组方案通过'),
    step('executed', '方案执行完毕'),
    CLEARED,
  ],
  debt_evasion: [IDENTIFIED, step('investigated', '立案查处'), step('recovered', '追偿处置'), CLEARED],
  bankruptcy: [
    IDENTIFIED,
    step('court_accepted', '法院受理破产申请'),
    step('liquidated', '资产清算处置'),
    step('terminated', '裁定终结破产程序'),
    CLEARED,
  ],
};

const TRACK_STEPS: Record<Exclude<RenewalTrack, 'zombie_exit'>, readonly RenewalStep[]> = {
  elimination: [
    step('implementing', '组织实施淘汰'),
    step('dismantled', '设备拆除或关停到位'),
    step('accepted', '验收销号'),
  ],
  overcapacity_cleanup: [
    step('verified', '核查违规情形'),
    step('rectifying', '清理整改'),
    step('accepted', '验收销号'),
  ],
  catalog_relocation: [
    step('approved', '搬迁处置计划审定'),
    step('implementing', '组织实施'),
    step('completed', '搬迁处置完成'),
  ],
  catalog_upgrade: [step('implementing', '实施技术改造'), step('accepted', '竣工验收')],
};

/** The steps of a case, in order; a zombie case's depend on its exit way. */
export function stepsOf(track: RenewalTrack, exitWay?: ExitWay | null): readonly RenewalStep[] {
  if (track !== 'zombie_exit') return TRACK_STEPS[track];
  if (!exitWay) throw new Error('停产僵尸企业出清案件必须有出清方式');
  return EXIT_STEPS[exitWay];
}

/** The word for "completed" on the board: a zombie case is 出清. */
export function completedLabel(track: RenewalTrack): string {
  return track === 'zombie_exit' ? '已出清' : RENEWAL_STATUS_LABELS.completed;
}
