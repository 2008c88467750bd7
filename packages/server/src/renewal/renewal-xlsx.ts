import type { PassThrough } from 'node:stream';
import {
  DISPOSAL_WAY_LABELS,
  ELIMINATION_MEASURE_LABELS,
  EXIT_WAY_LABELS,
  platformName,
  RENEWAL_STATUS_LABELS,
  RENEWAL_TRACK_LABELS,
  completedLabel,
  type IndustryProfileView,
  type RenewalCaseView,
} from '@pgs/domain';
import { streamSheets, streamWorkbook } from '../platform/xlsx-stream.ts';
import { excelDay, excelNumber, type SheetColumn } from '../platform/xlsx-format.ts';

/** The renewal cases as the eitc keeps them in Excel: one row per case, with its owner, deadline and overdue state. */
export function streamCaseWorkbook(rows: AsyncIterable<RenewalCaseView>): PassThrough {
  return streamWorkbook('存量更新案件', CASE_COLUMNS, rows, (c) => ({
    ...c,
    platform: platformName(c.platformKey),
    track: RENEWAL_TRACK_LABELS[c.track],
    status: c.status === 'completed' ? completedLabel(c.track) : RENEWAL_STATUS_LABELS[c.status],
    way:
      (c.measure && ELIMINATION_MEASURE_LABELS[c.measure]) ||
      (c.exitWay && EXIT_WAY_LABELS[c.exitWay]) ||
      (c.disposalWay && DISPOSAL_WAY_LABELS[c.disposalWay]) ||
      '',
    planYear: c.planYear ?? '',
    progress: `${c.stepsDone}/${c.stepsTotal}`,
    next: c.nextStep?.label ?? '',
    openedOn: excelDay(c.openedOn),
    deadline: excelDay(c.deadline),
    completedOn: excelDay(c.completedOn),
    overdue: c.overdue ? '是' : c.completedLate ? '逾期完成' : '',
    parcelCode: c.parcelCode ?? '',
  }));
}

const CASE_COLUMNS: SheetColumn[] = [
  { header: '案件编号', key: 'id', kind: 'integer' },
  { header: '平台', key: 'platform' },
  { header: '企业名称', key: 'enterpriseName', width: 24 },
  { header: '统一社会信用代码', key: 'creditCode', width: 20 },
  { header: '行业代码', key: 'industryCode' },
  { header: '类型', key: 'track', width: 20 },
  { header: '计划年度', key: 'planYear' },
  { header: '措施/方式', key: 'way' },
  { header: '责任部门', key: 'department' },
  { header: '责任人', key: 'responsiblePerson' },
  { header: '立案日期', key: 'openedOn', kind: 'day' },
  { header: '完成期限', key: 'deadline', kind: 'day' },
  { header: '状态', key: 'status' },
  { header: '进度（已完成步骤/全部）', key: 'progress' },
  { header: '下一步', key: 'next' },
  { header: '完成日期', key: 'completedOn', kind: 'day' },
  { header: '逾期', key: 'overdue' },
  { header: `逾期天数（截至统计日）`, key: 'daysOverdue', kind: 'integer' },
  { header: '腾空地块编号', key: 'parcelCode' },
];

type ProfileSheetRow = IndustryProfileView['byDivision'][number] & { grouping: string };

type SpaceSheetRow = IndustryProfileView['futureSpace']['rows'][number];

/**
 * The industry profile (§三(一)) as the page shows it: a sheet of figures (the total, then each 大类, then each
 * leading industry) and a sheet of the future space (land available in 亩 by planned use, with the total).
 */
export function profileWorkbook(profile: IndustryProfileView): PassThrough {
  const figures: ProfileSheetRow[] = [
    { ...profile.total, grouping: '平台合计' },
    ...profile.byDivision.map((row) => ({ ...row, grouping: '按国民经济行业大类' })),
    ...profile.byLeading.map((row) => ({ ...row, grouping: '按平台主导产业' })),
  ];
  const space: SpaceSheetRow[] = [...profile.futureSpace.rows];
  return streamSheets([
    {
      name: `${platformName(profile.platformKey)}产业概况`,
      columns: PROFILE_COLUMNS,
      rows: figures,
      toRow: (row: ProfileSheetRow) => {
        const out: Record<string, unknown> = {
          grouping: row.grouping,
          key: row.key,
          name: row.name,
          missing: row.missing,
        };
        for (const [measure, figure] of Object.entries(row.figures)) {
          out[measure] = excelNumber(figure.value);
          out[`${measure}Share`] = figure.share;
          out[`${measure}Previous`] = excelNumber(figure.previous);
          out[`${measure}Change`] = figure.change;
        }
        return out;
      },
    },
    {
      name: '未来发展空间（亩）',
      columns: SPACE_COLUMNS,
      rows: [...space, null],
      // The last row (null) is the total, as the page states it under the table.
      toRow: (row: SpaceSheetRow | null) =>
        row
          ? {
              plannedUse: row.plannedUse,
              approved: excelNumber(row.byKind.approved_not_supplied),
              idle: excelNumber(row.byKind.idle),
              vacated: excelNumber(row.byKind.vacated),
              total: excelNumber(row.total),
              parcels: row.parcels,
            }
          : {
              plannedUse: '合计',
              total: excelNumber(profile.futureSpace.total),
              parcels: space.reduce((n, r) => n + r.parcels, 0),
            },
    },
  ]);
}

const SPACE_COLUMNS: SheetColumn[] = [
  { header: '规划用途', key: 'plannedUse', width: 16 },
  { header: '批而未供（亩）', key: 'approved', kind: 'decimal' },
  { header: '闲置（亩）', key: 'idle', kind: 'decimal' },
  { header: '腾空（亩）', key: 'vacated', kind: 'decimal' },
  { header: '合计（亩）', key: 'total', kind: 'decimal' },
  { header: '地块数（块）', key: 'parcels', kind: 'integer' },
];

const figureColumns = (measure: string, label: string, kind: 'money' | 'integer'): SheetColumn[] => [
  { header: label, key: measure, kind },
  { header: `${label}占比`, key: `${measure}Share`, kind: 'percent' },
  { header: `上年${label}`, key: `${measure}Previous`, kind },
  { header: `${label}同比增减`, key: `${measure}Change`, kind: 'percent' },
];

const PROFILE_COLUMNS: SheetColumn[] = [
  { header: '分组方式', key: 'grouping', width: 16 },
  { header: '代码', key: 'key' },
  { header: '名称', key: 'name', width: 24 },
  ...figureColumns('revenue', '营业收入（万元）', 'money'),
  ...figureColumns('tax', '税收（万元）', 'money'),
  ...figureColumns('valueAdded', '增加值（万元）', 'money'),
  ...figureColumns('enterprises', '企业数（家）', 'integer'),
  { header: '缺数企业数', key: 'missing', kind: 'integer' },
];
