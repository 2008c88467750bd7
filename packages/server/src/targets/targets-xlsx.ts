import type { PassThrough } from 'node:stream';
import {
  CATEGORY_LABELS,
  CHANNEL_KIND_LABELS,
  isPlatformKey,
  platformName,
  TARGET_STATUS_LABELS,
  TARGET_TYPE_LABELS,
  TIER_LABELS,
  type ChannelKind,
  type FunnelView,
  type PlatformKey,
  type TargetView,
} from '@pgs/domain';
import { streamWorkbook } from '../platform/xlsx-stream.ts';
import { excelDay, excelNumber, type SheetColumn } from '../platform/xlsx-format.ts';

// The view carries types and categories as plain text; a value outside the lists is written as it is.
const TYPE_LABEL = new Map<string, string>(Object.entries(TARGET_TYPE_LABELS));
const CATEGORY_LABEL = new Map<string, string>(Object.entries(CATEGORY_LABELS));

/** The target library as the platforms keep it in Excel: one row per enterprise of the quarter. */
export function streamTargetWorkbook(rows: AsyncIterable<TargetView>): PassThrough {
  return streamWorkbook('拟招引目标企业库', TARGET_COLUMNS, rows, (t) => ({
    ...t,
    platform: isPlatformKey(t.platformKey) ? platformName(t.platformKey) : t.platformKey,
    creditCode: t.creditCode ?? '',
    types: t.types.map((type) => TYPE_LABEL.get(type) ?? type).join('、'),
    focus: t.focusRegion ? '北上广深杭' : '',
    industry: `${t.industryCode} ${t.industryName ?? ''}`.trim(),
    category: CATEGORY_LABEL.get(t.category) ?? t.category,
    expectedInvestment: excelNumber(t.expectedInvestment),
    tier: t.tier ? TIER_LABELS[t.tier] : '5亿元以下',
    status: TARGET_STATUS_LABELS[t.status],
    channel: t.channelName ?? '',
    identifiedOn: excelDay(t.identifiedOn),
    contactedOn: excelDay(t.contactedOn),
    path: t.plan.path,
    planning: t.plan.planning,
    strategy: t.plan.strategy,
    tactics: t.plan.tactics,
  }));
}

const TARGET_COLUMNS: SheetColumn[] = [
  { header: '编号', key: 'id', kind: 'integer' },
  { header: '季度', key: 'quarter' },
  { header: '平台', key: 'platform' },
  { header: '企业名称', key: 'name', width: 24 },
  { header: '统一社会信用代码', key: 'creditCode', width: 20 },
  { header: '企业类型', key: 'types', width: 18 },
  { header: '总部省份', key: 'hqProvince' },
  { header: '总部城市', key: 'hqCity' },
  { header: '重点区域', key: 'focus' },
  { header: '行业', key: 'industry', width: 20 },
  { header: '本平台目录类别', key: 'category' },
  { header: '预计投资（万元）', key: 'expectedInvestment', kind: 'money' },
  { header: '规模档次', key: 'tier' },
  { header: '状态', key: 'status' },
  { header: '放弃原因', key: 'statusReason', width: 20 },
  { header: '列为目标理由', key: 'reason', width: 20 },
  { header: '责任人', key: 'owner' },
  { header: '来源渠道', key: 'channel' },
  { header: '入库日期', key: 'identifiedOn', kind: 'day' },
  { header: '首次接触日期', key: 'contactedOn', kind: 'day' },
  { header: '招商路径', key: 'path', width: 24 },
  { header: '规划', key: 'planning', width: 24 },
  { header: '招商策略', key: 'strategy', width: 24 },
  { header: '谈判对策', key: 'tactics', width: 24 },
];

/** The funnel table with its total row, rates as percentages (D2: fractions in the file, % by the cell format). */
export function funnelWorkbook(funnel: FunnelView): PassThrough {
  const rows = [...funnel.rows, { key: '', label: '合计', ...funnel.total }];
  return streamWorkbook('招商漏斗', FUNNEL_COLUMNS, rows, (row) => ({
    label: row.label,
    targets: row.targets,
    contacted: row.contacted,
    reported: row.reported,
    landed: row.landed,
    contactRate: row.rates.contact,
    reportRate: row.rates.report,
    landRate: row.rates.land,
    overallRate: row.rates.overall,
    toContact: row.medianDays.toContact,
    toReport: row.medianDays.toReport,
    toLand: row.medianDays.toLand,
  }));
}

const FUNNEL_COLUMNS: SheetColumn[] = [
  { header: '分组', key: 'label', width: 20 },
  { header: '目标企业', key: 'targets', kind: 'integer' },
  { header: '已接触', key: 'contacted', kind: 'integer' },
  { header: '已报项目', key: 'reported', kind: 'integer' },
  { header: '已落地', key: 'landed', kind: 'integer' },
  { header: '接触率', key: 'contactRate', kind: 'percent' },
  { header: '接触→报项目', key: 'reportRate', kind: 'percent' },
  { header: '报项目→落地', key: 'landRate', kind: 'percent' },
  { header: '总转化率（落地÷目标）', key: 'overallRate', kind: 'percent' },
  { header: '入库→接触中位天数', key: 'toContact', kind: 'decimal' },
  { header: '接触→报项目中位天数', key: 'toReport', kind: 'decimal' },
  { header: '报项目→落地中位天数', key: 'toLand', kind: 'decimal' },
];

type ChannelExportRow = {
  platformKey: PlatformKey;
  kind: ChannelKind;
  name: string;
  broughtBy: string | null;
  contact: string | null;
  contracts: Array<{ startOn: string; endOn: string; scope: string; feeTerms: string }>;
  leads: number;
  reported: number;
  landed: number;
};

export function channelsWorkbook(channels: ChannelExportRow[]): PassThrough {
  return streamWorkbook('招商渠道', CHANNEL_COLUMNS, channels, (c) => ({
    platform: platformName(c.platformKey),
    kind: CHANNEL_KIND_LABELS[c.kind],
    name: c.name,
    broughtBy: c.broughtBy ?? '',
    contact: c.contact ?? '',
    contracts: c.contracts.map((k) => `${k.startOn} 至 ${k.endOn}：${k.scope}（${k.feeTerms}）`).join('；'),
    leads: c.leads,
    reported: c.reported,
    landed: c.landed,
  }));
}

const CHANNEL_COLUMNS: SheetColumn[] = [
  { header: '平台', key: 'platform' },
  { header: '渠道类型', key: 'kind', width: 18 },
  { header: '名称', key: 'name', width: 24 },
  { header: '引荐人', key: 'broughtBy' },
  { header: '联系方式', key: 'contact' },
  { header: '委托合同（期限、范围、费用）', key: 'contracts', width: 40 },
  { header: '带来目标企业', key: 'leads', kind: 'integer' },
  { header: '已报项目', key: 'reported', kind: 'integer' },
  { header: '已落地', key: 'landed', kind: 'integer' },
];
