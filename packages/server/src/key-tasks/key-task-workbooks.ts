import { loadExcelJS } from '../platform/lazy-libraries.ts';
import type { PassThrough } from 'node:stream';
import {
  cleanCellText,
  excelErrorMessage,
  excelErrorValue,
  KEY_TASK_STATUS_LABELS,
  LEAD_DEPARTMENTS,
  PLATFORMS,
  readDayText,
  ROLE_LABELS,
  UNCOMPUTED_FORMULA_MESSAGE,
  type KeyTaskView,
  type PlatformKey,
} from '@pgs/domain';
import { streamWorkbook } from '../platform/xlsx-stream.ts';
import { excelColumns, excelDay, styleHeaderRow, type SheetColumn } from '../platform/xlsx-format.ts';
import {
  openWorkbook,
  UnreadableCell,
  WorkbookFormatError,
  ZipDamagedError,
  type SheetCell,
} from '../platform/xlsx-reader.ts';

/**
 * The key-task list as Excel (R4.4 附件1 任务安排表): the export, the import template and the reading of an uploaded
 * sheet. Platforms and lead departments are written by their Chinese names, as the office's sheet has them.
 */

export const KEY_TASK_SHEET = '任务安排表';
export const MAX_KEY_TASK_ROWS = 2_000;

const platformLabel = (key: PlatformKey) => PLATFORMS.find((p) => p.key === key)?.shortName ?? key;

export function streamKeyTasksWorkbook(year: number, tasks: readonly KeyTaskView[]): PassThrough {
  async function* rows() {
    yield* tasks;
  }
  return streamWorkbook(`${year}年重点任务`, EXPORT_COLUMNS, rows(), (task) => ({
    id: task.id,
    title: task.title,
    lead: ROLE_LABELS[task.leadDepartment],
    platforms: task.platformKeys.map(platformLabel).join('、') || '（牵头部门）',
    deadline: excelDay(task.deadline),
    target: Number(task.target),
    unit: task.unit,
    progress: task.parts
      .map((p) => `${p.platformKey ? platformLabel(p.platformKey) : '全部'} ${p.reached}/${task.target}${task.unit}`)
      .join('；'),
    status: KEY_TASK_STATUS_LABELS[task.status],
    overdue: task.overdue ? '是' : '',
    asOf: excelDay(task.asOf),
    description: task.description,
  }));
}

const EXPORT_COLUMNS: SheetColumn[] = [
  { header: '任务编号', key: 'id', kind: 'integer' },
  { header: '任务名称', key: 'title', width: 30 },
  { header: '牵头部门', key: 'lead' },
  { header: '涉及平台', key: 'platforms' },
  { header: '完成期限', key: 'deadline', kind: 'day' },
  { header: '目标值', key: 'target', kind: 'decimal' },
  { header: '计量单位', key: 'unit' },
  { header: '累计完成（各部分）', key: 'progress', width: 30 },
  { header: '状态', key: 'status' },
  { header: '逾期', key: 'overdue' },
  { header: '状态计算日', key: 'asOf', kind: 'day' },
  { header: '任务说明', key: 'description', width: 30 },
];

/** The columns of the import, in the template's order; * marks the required ones. */
export const IMPORT_HEADERS = [
  '任务名称',
  '牵头部门',
  '涉及平台',
  '完成期限',
  '目标值',
  '计量单位',
  '任务说明',
] as const;
type ImportHeader = (typeof IMPORT_HEADERS)[number];
const REQUIRED: readonly ImportHeader[] = ['任务名称', '牵头部门', '完成期限', '目标值', '计量单位'];

export async function keyTaskTemplate(year: number): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  const sheet = workbook.addWorksheet(KEY_TASK_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = excelColumns(
    IMPORT_HEADERS.map((header) => ({
      header: REQUIRED.includes(header) ? header : header,
      key: header,
      kind: header === '完成期限' ? ('day' as const) : undefined,
      width: header === '任务名称' || header === '任务说明' ? 30 : 14,
    })),
    [],
  );
  sheet.columns = columns;
  styleHeaderRow(sheet, columns);
  sheet.addRow({
    任务名称: '新引进亿元以上制造业项目',
    牵头部门: ROLE_LABELS.bureau,
    涉及平台: PLATFORMS.map((p) => p.shortName).join('、'),
    完成期限: excelDay(`${year}-12-31`),
    目标值: 5,
    计量单位: '个',
    任务说明: '示例行：导入前请删除或改写',
  });
  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [{ width: 16 }, { width: 80 }];
  for (const line of [
    ['列', '填写要求'],
    ['任务名称', '必填，不超过 200 字'],
    ['牵头部门', `必填：${LEAD_DEPARTMENTS.map((d) => ROLE_LABELS[d]).join('、')}`],
    ['涉及平台', `可空（牵头部门自身任务）；多个平台用顿号分隔：${PLATFORMS.map((p) => p.shortName).join('、')}`],
    ['完成期限', `必填，${year} 年内的日期，如 ${year}-06-30`],
    ['目标值', '必填，非负数；有涉及平台时为每个平台应完成的数'],
    ['计量单位', '必填，如 个、亿元、亩'],
    ['任务说明', '可空，不超过 2000 字'],
  ])
    notes.addRow(line);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type SheetProblem = { row: number; column: string; message: string };
export type RawTask = { row: number; cells: Record<ImportHeader, string>; problems: SheetProblem[] };

function cellText(cell: SheetCell): string | { problem: string } {
  if (cell === undefined) return '';
  if (cell instanceof UnreadableCell)
    return { problem: cell.error === null ? UNCOMPUTED_FORMULA_MESSAGE : excelErrorMessage(cell.error) };
  if (typeof cell === 'string') {
    const text = cleanCellText(cell).trim();
    const error = excelErrorValue(text);
    return error === null ? text : { problem: excelErrorMessage(error) };
  }
  if (typeof cell === 'number') return String(cell);
  // A date cell is read as its day (the sheet's dates are days, without time of day).
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return { problem: `单元格是逻辑值 ${cell ? 'TRUE' : 'FALSE'}，这一列应填文字或数字` };
}

/** The rows of an uploaded sheet as text per column, each with the problems of its cells; or the file's problem. */
export async function readKeyTaskSheet(file: Buffer): Promise<RawTask[] | SheetProblem> {
  try {
    const workbook = openWorkbook(file);
    const names = workbook.sheetNames;
    const sheetName = names.includes(KEY_TASK_SHEET) ? KEY_TASK_SHEET : names[0];
    if (!sheetName) return { row: 0, column: '', message: '工作簿中没有工作表' };
    let columns: Map<string, number> | null = null;
    const out: RawTask[] = [];
    for await (const batch of workbook.rows(sheetName)) {
      for (const row of batch) {
        if (columns === null) {
          const found = new Map<string, number>();
          row.values.forEach((cell, index) => {
            const text = cellText(cell);
            if (typeof text === 'string' && IMPORT_HEADERS.some((header) => header === text)) found.set(text, index);
          });
          columns = found;
          const missing = REQUIRED.filter((h) => !found.has(h));
          if (missing.length > 0)
            return { row: row.number, column: '', message: `表头缺少列：${missing.join('、')}（请使用下载的模板）` };
          continue;
        }
        const problems: SheetProblem[] = [];
        const cells = {} as Record<ImportHeader, string>;
        for (const header of IMPORT_HEADERS) {
          const index = columns.get(header);
          const text = index === undefined ? '' : cellText(row.values[index]);
          if (typeof text === 'string') cells[header] = text;
          else {
            cells[header] = '';
            problems.push({ row: row.number, column: header, message: text.problem });
          }
        }
        if (Object.values(cells).every((v) => v === '') && problems.length === 0) continue;
        out.push({ row: row.number, cells, problems });
        if (out.length > MAX_KEY_TASK_ROWS)
          return { row: row.number, column: '', message: `一次最多导入 ${MAX_KEY_TASK_ROWS} 项任务` };
      }
    }
    if (columns === null) return { row: 1, column: '', message: `“${sheetName}”表是空的，请使用下载的模板填写` };
    return out;
  } catch (error) {
    if (error instanceof WorkbookFormatError || error instanceof ZipDamagedError)
      return { row: 0, column: '', message: error.message };
    throw error;
  }
}

/** 牵头部门 by its Chinese name (or its code), 涉及平台 by short or full names separated by 、，, or spaces. */
export function leadOfText(text: string): string {
  const found = LEAD_DEPARTMENTS.find((d) => ROLE_LABELS[d] === text || d === text);
  return found ?? text;
}
export function platformsOfText(text: string): string[] {
  return text
    .split(/[、，,；;\s]+/)
    .filter((part) => part !== '')
    .map((part) => PLATFORMS.find((p) => p.shortName === part || p.name === part || p.key === part)?.key ?? part);
}
export { readDayText };
