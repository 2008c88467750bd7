import type { PassThrough } from 'node:stream';
import { streamWorkbook } from '../platform/xlsx-stream.ts';
import { excelDay, excelNumber, excelTime, type SheetColumn } from '../platform/xlsx-format.ts';
import {
  CATEGORY_LABELS,
  labelOr,
  platformName,
  PROJECT_STATUS_LABELS,
  type PlatformKey,
  type ProjectView,
} from '@pgs/domain';

/** Streams the ledger (招商项目台账) into a workbook as the bureau keeps it in Excel, one row per project. */
export function streamLedgerWorkbook(rows: AsyncIterable<ProjectView>): PassThrough {
  const land = (value: string | null) => (value === null ? '无独立用地' : Number(value));
  return streamWorkbook('招商项目台账', LEDGER_COLUMNS, rows, (project) => ({
    ...project,
    platform: platformName(project.platformKey as PlatformKey),
    reportedPlatform: platformName(project.reportedPlatformKey as PlatformKey),
    investorCreditCode: project.investorCreditCode ?? '',
    category: labelOr(CATEGORY_LABELS, project.category),
    totalInvestment: excelNumber(project.totalInvestment),
    fixedAssetInvestment: excelNumber(project.fixedAssetInvestment),
    landMu: land(project.landMu),
    expectedAnnualTax: excelNumber(project.expectedAnnualTax),
    status: PROJECT_STATUS_LABELS[project.status],
    first: project.firstReport ? '首报' : `重复（首报 #${project.duplicateOf}）`,
    trackedOn: excelDay(project.trackedOn),
    negotiationDeadline: excelDay(project.negotiationDeadline),
    overdue: project.overdue ? '是' : '',
    landedOn: excelDay(project.landedOn),
    reportedAt: excelTime(project.reportedAt),
  }));
}

const LEDGER_COLUMNS: SheetColumn[] = [
  { header: '项目编号', key: 'id', kind: 'integer' },
  { header: '项目名称', key: 'name', width: 24 },
  { header: '所属平台', key: 'platform' },
  { header: '首报平台', key: 'reportedPlatform' },
  { header: '投资方', key: 'investorName', width: 20 },
  { header: '统一社会信用代码', key: 'investorCreditCode', width: 20 },
  { header: '行业代码', key: 'industryCode' },
  { header: '目录类别', key: 'category' },
  { header: '总投资（万元）', key: 'totalInvestment', kind: 'money' },
  { header: '固定资产投资（万元）', key: 'fixedAssetInvestment', kind: 'money' },
  { header: '用地（亩）', key: 'landMu', kind: 'decimal' },
  { header: '预计年税收（万元）', key: 'expectedAnnualTax', kind: 'money' },
  { header: '阶段', key: 'status' },
  { header: '首报/重复', key: 'first' },
  { header: '入库日期', key: 'trackedOn', kind: 'day' },
  { header: '签约期限', key: 'negotiationDeadline', kind: 'day' },
  { header: '超期', key: 'overdue' },
  { header: '落地日期', key: 'landedOn', kind: 'day' },
  { header: '登记时间（北京时间）', key: 'reportedAt', kind: 'time' },
];

type SummaryRow = { id: number; name: string; status: string; credit: number; counted: boolean; reason: string };

/** A platform's yearly summary (R2.6) as the sheet the bureau sends round, with the total credit as the last row. */
export function summaryWorkbook(summary: {
  platformKey: string;
  year: number;
  projects: SummaryRow[];
  totalCredit: number;
}): PassThrough {
  async function* rows() {
    yield* summary.projects;
    yield {
      id: null,
      name: '合计',
      status: '',
      credit: summary.totalCredit,
      counted: null,
      reason: `计入 ${summary.projects.filter((p) => p.counted).length} 个，未计入 ${summary.projects.filter((p) => !p.counted).length} 个`,
    };
  }
  return streamWorkbook(`${summary.year}年招商完成情况`, SUMMARY_COLUMNS, rows(), (row) => ({
    ...row,
    status: labelOr(PROJECT_STATUS_LABELS, row.status),
    counted: row.counted === null ? '' : row.counted ? '计入' : '不计入',
  }));
}

const SUMMARY_COLUMNS: SheetColumn[] = [
  { header: '项目编号', key: 'id', kind: 'integer' },
  { header: '项目名称', key: 'name', width: 24 },
  { header: '阶段', key: 'status' },
  { header: '计分', key: 'credit', kind: 'score' },
  { header: '是否计入', key: 'counted' },
  { header: '说明', key: 'reason', width: 40 },
];
