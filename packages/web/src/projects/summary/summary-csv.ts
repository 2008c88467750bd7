import { PROJECT_STATUS_LABELS, type ProjectStatus } from '@pgs/domain';
import type { InvestmentSummary } from '../projects.api.ts';

type Cell = string | number;

/**
 * One CSV field: quoted when it holds a separator, quote or line break; a text starting like a formula
 * (= + - @, tab, CR) gets a leading apostrophe so Excel shows it instead of evaluating it. Numbers stay numbers.
 */
function field(value: Cell): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function statusLabel(status: string): string {
  return PROJECT_STATUS_LABELS[status as ProjectStatus] ?? status;
}

/** The summary as the table shows it, plus a total row: UTF-8 with a BOM and CRLF, so Excel opens the Chinese right. */
export function summaryCsv(summary: InvestmentSummary, platformName: string): string {
  const header: Cell[] = ['平台', '年度', '项目编号', '项目名称', '阶段', '计分', '是否计入', '说明'];
  const rows: Cell[][] = summary.projects.map((project) => [
    platformName,
    summary.year,
    project.id,
    project.name,
    statusLabel(project.status),
    project.credit,
    project.counted ? '计入' : '不计入',
    project.reason,
  ]);
  const counted = summary.projects.filter((project) => project.counted).length;
  const total: Cell[] = [platformName, summary.year, '', '合计', '', summary.totalCredit, `计入 ${counted} 个`, `未计入 ${summary.projects.length - counted} 个`];
  return `\uFEFF${[header, ...rows, total].map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

export function summaryCsvName(platformName: string, year: number): string {
  return `年度招商完成情况-${platformName}-${year}.csv`;
}

/** Hands the text to the browser as a file download. */
export function saveText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
