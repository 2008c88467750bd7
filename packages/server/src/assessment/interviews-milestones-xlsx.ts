import { loadExcelJS } from '../platform/lazy-libraries.ts';
import {
  MILESTONE_KINDS,
  MILESTONE_LABELS,
  platformName,
  type InterviewView,
  type KeyProjectView,
  type PlatformKey,
} from '@pgs/domain';
import { excelColumns, excelDay, excelTime, styleHeaderRow, type SheetColumn } from '../platform/xlsx-format.ts';

/** Every list is exportable (COMMON.md): the interviews (约谈, R4.3) and the key projects' milestones (§四(三)). */

async function oneSheet(name: string, columns: SheetColumn[], rows: Record<string, unknown>[]): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  const sheet = workbook.addWorksheet(name);
  sheet.columns = excelColumns(columns, rows);
  sheet.addRows(rows);
  styleHeaderRow(sheet, sheet.columns);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function interviewsWorkbook(items: readonly InterviewView[]): Promise<Buffer> {
  const columns: SheetColumn[] = [
    { header: '平台', key: 'platform' },
    { header: '考核年度', key: 'year', kind: 'integer' },
    { header: '约谈日期', key: 'heldOn', kind: 'day' },
    { header: '约谈事由', key: 'reason' },
    { header: '参加人员', key: 'participants' },
    { header: '约谈纪要', key: 'minutes' },
    { header: '整改期限', key: 'followUpDeadline', kind: 'day' },
    { header: '整改是否逾期', key: 'overdue' },
    { header: '记录人', key: 'recordedBy' },
    { header: '记录时间', key: 'recordedAt', kind: 'time' },
  ];
  const rows = items.map((i) => ({
    platform: platformName(i.platformKey),
    year: i.year,
    heldOn: excelDay(i.heldOn),
    reason: i.reason,
    participants: i.participants,
    minutes: i.minutes,
    followUpDeadline: excelDay(i.followUpDeadline),
    overdue: i.followUpOverdue ? '已逾期' : '未逾期',
    recordedBy: i.recordedByName,
    recordedAt: excelTime(i.recordedAt),
  }));
  return oneSheet('约谈记录', columns, rows);
}

/** One row per key project: each milestone's planned and actual day and its state at the quarter's check day. */
export function milestonesWorkbook(items: readonly KeyProjectView[], title: string): Promise<Buffer> {
  const columns: SheetColumn[] = [
    { header: '项目', key: 'name' },
    { header: '平台', key: 'platform' },
    { header: '责任单位', key: 'responsibleUnit' },
    { header: '判定日', key: 'checkDay', kind: 'day' },
    ...MILESTONE_KINDS.flatMap((kind): SheetColumn[] => [
      { header: `${MILESTONE_LABELS[kind]}计划`, key: `${kind}Planned`, kind: 'day' },
      { header: `${MILESTONE_LABELS[kind]}实际`, key: `${kind}Actual`, kind: 'day' },
      { header: `${MILESTONE_LABELS[kind]}状态`, key: `${kind}State` },
    ]),
    { header: '是否滞后', key: 'late' },
  ];
  const rows = items.map((p) => {
    const row: Record<string, unknown> = {
      name: p.name,
      platform: platformName(p.platformKey as PlatformKey),
      responsibleUnit: p.responsibleUnit ?? '',
      checkDay: excelDay(p.checkDay),
      late: p.late ? '滞后' : '',
    };
    for (const m of p.milestones) {
      row[`${m.kind}Planned`] = excelDay(m.planned);
      row[`${m.kind}Actual`] = excelDay(m.actual);
      row[`${m.kind}State`] = m.stateLabel;
    }
    return row;
  });
  return oneSheet(title, columns, rows);
}
