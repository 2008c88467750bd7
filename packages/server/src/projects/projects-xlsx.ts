import type { PassThrough } from 'node:stream';
import { streamWorkbook } from '../platform/xlsx-stream.ts';
import { CATEGORY_LABELS, platformName, PROJECT_STATUS_LABELS, shanghaiDateTime, type ClassifyCategory, type PlatformKey, type ProjectView } from '@pgs/domain';

/** Streams the ledger (招商项目台账) into a workbook as the bureau keeps it in Excel, one row per project. */
export function streamLedgerWorkbook(rows: AsyncIterable<ProjectView>): PassThrough {
  const number = (value: string | null) => (value === null ? '无独立用地' : Number(value));
  return streamWorkbook('招商项目台账', LEDGER_COLUMNS, rows, (project) => ({
    ...project,
    platform: platformName(project.platformKey as PlatformKey),
    reportedPlatform: platformName(project.reportedPlatformKey as PlatformKey),
    investorCreditCode: project.investorCreditCode ?? '',
    category: CATEGORY_LABELS[project.category as ClassifyCategory] ?? project.category,
    totalInvestment: Number(project.totalInvestment),
    fixedAssetInvestment: Number(project.fixedAssetInvestment),
    landMu: number(project.landMu),
    expectedAnnualTax: Number(project.expectedAnnualTax),
    status: PROJECT_STATUS_LABELS[project.status],
    first: project.firstReport ? '首报' : `重复（首报 #${project.duplicateOf}）`,
    trackedOn: project.trackedOn ?? '',
    negotiationDeadline: project.negotiationDeadline ?? '',
    overdue: project.overdue ? '是' : '',
    landedOn: project.landedOn ?? '',
    reportedAt: shanghaiDateTime(project.reportedAt),
  }));
}

const LEDGER_COLUMNS = [
  { header: '项目编号', key: 'id', width: 10 },
  { header: '项目名称', key: 'name', width: 32 },
  { header: '所属平台', key: 'platform', width: 22 },
  { header: '首报平台', key: 'reportedPlatform', width: 22 },
  { header: '投资方', key: 'investorName', width: 28 },
  { header: '统一社会信用代码', key: 'investorCreditCode', width: 22 },
  { header: '行业代码', key: 'industryCode', width: 10 },
  { header: '目录类别', key: 'category', width: 10 },
  { header: '总投资（万元）', key: 'totalInvestment', width: 14 },
  { header: '固定资产投资（万元）', key: 'fixedAssetInvestment', width: 18 },
  { header: '用地（亩）', key: 'landMu', width: 12 },
  { header: '预计年税收（万元）', key: 'expectedAnnualTax', width: 16 },
  { header: '阶段', key: 'status', width: 12 },
  { header: '首报/重复', key: 'first', width: 12 },
  { header: '入库日期', key: 'trackedOn', width: 12 },
  { header: '签约期限', key: 'negotiationDeadline', width: 12 },
  { header: '超期', key: 'overdue', width: 8 },
  { header: '落地日期', key: 'landedOn', width: 12 },
  { header: '登记时间', key: 'reportedAt', width: 20 },
];

type SummaryRow = { id: number; name: string; status: string; credit: number; counted: boolean; reason: string };

/** A platform's yearly summary (R2.6) as the sheet the bureau sends round, with the total credit as the last row. */
export function summaryWorkbook(summary: { platformKey: string; year: number; projects: SummaryRow[]; totalCredit: number }): PassThrough {
  async function* rows() {
    yield* summary.projects;
    yield { id: null, name: '合计', status: '', credit: summary.totalCredit, counted: null, reason: `计入 ${summary.projects.filter((p) => p.counted).length} 个，未计入 ${summary.projects.filter((p) => !p.counted).length} 个` };
  }
  return streamWorkbook(`${summary.year}年招商完成情况`, SUMMARY_COLUMNS, rows(), (row) => ({
    ...row,
    status: PROJECT_STATUS_LABELS[row.status as ProjectView['status']] ?? row.status,
    counted: row.counted === null ? '' : row.counted ? '计入' : '不计入',
  }));
}

const SUMMARY_COLUMNS = [
  { header: '项目编号', key: 'id', width: 10 },
  { header: '项目名称', key: 'name', width: 32 },
  { header: '阶段', key: 'status', width: 10 },
  { header: '计分', key: 'credit', width: 8 },
  { header: '是否计入', key: 'counted', width: 10 },
  { header: '说明', key: 'reason', width: 60 },
];
