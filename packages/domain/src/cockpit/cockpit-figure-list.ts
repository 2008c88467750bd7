import type { CockpitFigures } from './cockpit.contract.ts';

/**
 * Every number the cockpit shows, with the sentence that explains it (shown in the page's tooltip and written in the
 * Excel export), in one list so the page and the workbook cannot drift. `value` reads it from one column's figures;
 * null = no data (shown as "—").
 */
export type CockpitFigureDef = {
  key: string;
  section: string;
  label: string;
  unit: string;
  explanation: string;
  value: (figures: CockpitFigures) => string | number | null;
};

const percent = (share: number | string | null | undefined) =>
  share === null || share === undefined ? null : `${(Number(share) * 100).toFixed(1)}%`;

export const COCKPIT_FIGURES: readonly CockpitFigureDef[] = [
  {
    key: 'pipelineOpen',
    section: '招商项目',
    label: '在谈在库项目',
    unit: '个',
    explanation:
      '首报登记的项目中当前尚未落地、也未终止或退回的项目个数（首报、可研、方案、评估、入库、洽谈、签约各阶段合计），按项目当前所在平台统计。',
    value: (f) => f.pipeline.openCount,
  },
  {
    key: 'pipelineInvestment',
    section: '招商项目',
    label: '在谈在库项目总投资',
    unit: '万元',
    explanation: '上述在谈在库项目登记的总投资之和（万元）。',
    value: (f) => f.pipeline.openInvestment,
  },
  {
    key: 'landedCredit',
    section: '招商项目',
    label: '本年落地项目计数',
    unit: '个',
    explanation:
      '本年 1 月 1 日至统计截止日落地的项目按精准招商计数规则折算的个数：流转项目按首谈地与落地平台的分成比例各计一部分。',
    value: (f) => f.landed.credit,
  },
  {
    key: 'landedTask',
    section: '招商项目',
    label: '年度招商任务',
    unit: '个',
    explanation: '本年度考核实施办法中为该平台设定的年度招商引资任务数；未设定时显示“—”。',
    value: (f) => f.landed.task,
  },
  {
    key: 'landedShare',
    section: '招商项目',
    label: '任务完成率',
    unit: '%',
    explanation:
      '本年落地项目计数 ÷ 年度招商任务。每季度末按时间进度检查：完成率低于“时间进度 × 滞后比例”即为明显滞后。',
    value: (f) => percent(f.landed.taskShare),
  },
  {
    key: 'largeLanded',
    section: '招商项目',
    label: '本年落地 20亿元以上项目',
    unit: '个',
    explanation: '本年至统计截止日落地、总投资 20亿元（200000万元，含）以上的项目个数。',
    value: (f) => f.landed.large.length,
  },
  {
    key: 'abcdA',
    section: '亩均评价',
    label: 'A类企业',
    unit: '家',
    explanation: '最近一次已发布的亩均效益评价中评为 A 类的企业数。',
    value: (f) => f.abcd?.counts.A ?? null,
  },
  {
    key: 'abcdB',
    section: '亩均评价',
    label: 'B类企业',
    unit: '家',
    explanation: '最近一次已发布的亩均效益评价中评为 B 类的企业数。',
    value: (f) => f.abcd?.counts.B ?? null,
  },
  {
    key: 'abcdC',
    section: '亩均评价',
    label: 'C类企业',
    unit: '家',
    explanation: '最近一次已发布的亩均效益评价中评为 C 类的企业数。',
    value: (f) => f.abcd?.counts.C ?? null,
  },
  {
    key: 'abcdD',
    section: '亩均评价',
    label: 'D类企业',
    unit: '家',
    explanation: '最近一次已发布的亩均效益评价中评为 D 类的企业数。',
    value: (f) => f.abcd?.counts.D ?? null,
  },
  {
    key: 'abcdDShare',
    section: '亩均评价',
    label: 'D类占比',
    unit: '%',
    explanation: '参评企业中 D 类所占比例（不含 T 类）。各平台 D 类占比应高于全市 5 至 10 个百分点。',
    value: (f) => percent(f.abcd?.dShare),
  },
  {
    key: 'landApproved',
    section: '土地清理',
    label: '批而未供地块',
    unit: '宗',
    explanation: '地块台账中当前处于“批而未供”（含收回待供）的地块数。',
    value: (f) => f.land.approvedNotSupplied.count,
  },
  {
    key: 'landApprovedArea',
    section: '土地清理',
    label: '批而未供面积',
    unit: '亩',
    explanation: '上述批而未供地块的面积之和（亩）。',
    value: (f) => f.land.approvedNotSupplied.area,
  },
  {
    key: 'landUnused',
    section: '土地清理',
    label: '供而未用地块',
    unit: '宗',
    explanation: '地块台账中当前已供地但尚未开工或尚未竣工的地块数。',
    value: (f) => f.land.suppliedNotUsed.count,
  },
  {
    key: 'landVacated',
    section: '土地清理',
    label: '腾空待用地块',
    unit: '宗',
    explanation: '地块台账中当前已腾空、尚未再利用的地块数。',
    value: (f) => f.land.vacated.count,
  },
  {
    key: 'landHandled',
    section: '土地清理',
    label: '本年处置地块',
    unit: '宗次',
    explanation: '本年 1 月 1 日至统计截止日：签订供地合同、开工、腾空地块再利用、依法收回的次数之和。',
    value: (f) => f.land.supplied + f.land.started + f.land.reused + f.land.recovered,
  },
  {
    key: 'renewalOpen',
    section: '存量更新',
    label: '在办整治个案',
    unit: '件',
    explanation:
      '淘汰落后、僵尸企业出清、过剩产能清理、搬迁处置和技术改造个案中，统计截止日前立案、当前尚未完成也未撤销的件数。',
    value: (f) => f.renewal.open,
  },
  {
    key: 'renewalOverdue',
    section: '存量更新',
    label: '逾期个案',
    unit: '件',
    explanation: '在办个案中办理期限早于统计截止日的件数。',
    value: (f) => f.renewal.overdue,
  },
  {
    key: 'renewalClosed',
    section: '存量更新',
    label: '本年办结个案',
    unit: '件',
    explanation: '本年 1 月 1 日至统计截止日办结（销号）的个案数；括号内为期限内办结的件数。',
    value: (f) => f.renewal.closed,
  },
  {
    key: 'targets',
    section: '精准招商',
    label: '本年目标企业',
    unit: '家',
    explanation: '本年各季度目标企业库中的企业（同一企业只计一次）。',
    value: (f) => f.targets.targets,
  },
  {
    key: 'targetsReported',
    section: '精准招商',
    label: '目标企业已首报项目',
    unit: '家',
    explanation: '上述目标企业中已有项目首报登记的企业数。',
    value: (f) => f.targets.reported,
  },
  {
    key: 'targetsLanded',
    section: '精准招商',
    label: '目标企业已落地项目',
    unit: '家',
    explanation: '上述目标企业中已有项目落地的企业数。',
    value: (f) => f.targets.landed,
  },
  {
    key: 'tripsOk',
    section: '招商力量',
    label: '招商力量达标月数',
    unit: '个月',
    explanation:
      '本年 1 月至统计截止月，主要领导招商时间不少于三分之一、每月外出招商不少于 1 次、招商人员比例达标且资料齐全的月数（平台合计为各平台月数之和）。',
    value: (f) => f.trips.monthsOk,
  },
  {
    key: 'tripsMonths',
    section: '招商力量',
    label: '已检查月数',
    unit: '个月',
    explanation: '本年 1 月至统计截止月的月数（平台合计为各平台月数之和）。',
    value: (f) => f.trips.months,
  },
  {
    key: 'assessmentRank',
    section: '平台考核',
    label: '最近一次考核排名',
    unit: '名',
    explanation: '最近一次已发布的平台年度考核中的排名（并列按同一名次）。',
    value: (f) => f.assessment?.rank ?? null,
  },
  {
    key: 'assessmentScore',
    section: '平台考核',
    label: '最近一次考核得分',
    unit: '分',
    explanation: '最近一次已发布的平台年度考核得分（含不封顶加分）。',
    value: (f) => f.assessment?.score ?? null,
  },
  {
    key: 'assessmentWarnings',
    section: '平台考核',
    label: '考核预警',
    unit: '项',
    explanation: '最近一次已发布考核中的预警：连续两年排名末位，或年度任务进度明显滞后。',
    value: (f) => f.assessment?.warnings.length ?? null,
  },
  {
    key: 'keyTasksDone',
    section: '重点任务',
    label: '重点任务已完成',
    unit: '项',
    explanation: '本年度重点攻坚任务清单中，该平台负责部分截至统计截止日已达到目标值的项数。',
    value: (f) => f.keyTasks.done,
  },
  {
    key: 'keyTasksParts',
    section: '重点任务',
    label: '重点任务总数',
    unit: '项',
    explanation: '本年度重点攻坚任务清单中涉及该平台的任务项数（每个平台各计一项）。',
    value: (f) => f.keyTasks.parts,
  },
  {
    key: 'keyTasksOverdue',
    section: '重点任务',
    label: '重点任务逾期',
    unit: '项',
    explanation: '完成期限已过（期限当日之后）而仍未达到目标值的任务项数。',
    value: (f) => f.keyTasks.overdue,
  },
];
