import { keyTaskInputSchema, readDayText, type KeyTaskImportReport, type KeyTaskInput } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { AppError } from '../platform/errors.ts';
import { insertImportedTasks } from './key-task-writes.service.ts';
import { leadOfText, platformsOfText, readKeyTaskSheet, type SheetProblem } from './key-task-workbooks.ts';

/** The contract speaks in codes; the sheet's user wrote Chinese names. */
function importMessage(field: string, message: string, cells: Record<string, string>): string {
  if (field === 'leadDepartment') return `牵头部门「${cells['牵头部门']}」应为 市发改委、市招商局 或 市经信委`;
  if (field === 'platformKeys')
    return `涉及平台「${cells['涉及平台']}」应为 瓯江口、浙南、高新区 中的一个或几个（用顿号分隔，不重复）`;
  return message;
}

/** Which Excel column each contract field comes from, to name it in a problem. */
const COLUMN_OF: Record<string, string> = {
  title: '任务名称',
  leadDepartment: '牵头部门',
  platformKeys: '涉及平台',
  deadline: '完成期限',
  target: '目标值',
  unit: '计量单位',
  description: '任务说明',
};

/**
 * The drc imports a year's key-task list from Excel (R4.4), like the enterprise import: a dry run reports every problem
 * by row and column and writes nothing; the real import writes every row or, with any problem, none (422 with the
 * problems). Imported tasks are added to the year's list.
 */
export async function importKeyTasks(
  db: Db,
  actor: Actor,
  readFile: () => Promise<Buffer>,
  options: { year: number; dryRun: boolean },
  now: Date,
): Promise<KeyTaskImportReport> {
  requirePermission(actor, 'keyTasks.edit');
  const { year, dryRun } = options;
  const sheet = await readKeyTaskSheet(await readFile());
  const problems: SheetProblem[] = [];
  const inputs: KeyTaskInput[] = [];
  if (!Array.isArray(sheet)) problems.push(sheet);
  else {
    if (sheet.length === 0) problems.push({ row: 2, column: '', message: '表中没有任务行' });
    for (const raw of sheet) {
      problems.push(...raw.problems);
      if (raw.problems.length > 0) continue;
      const day = readDayText(raw.cells['完成期限']);
      const parsed = keyTaskInputSchema.safeParse({
        year,
        title: raw.cells['任务名称'],
        leadDepartment: leadOfText(raw.cells['牵头部门']),
        platformKeys: platformsOfText(raw.cells['涉及平台']),
        deadline: day && 'day' in day ? day.day : raw.cells['完成期限'],
        target: raw.cells['目标值'].replace(/,/g, ''),
        unit: raw.cells['计量单位'],
        description: raw.cells['任务说明'],
      });
      if (parsed.success) inputs.push(parsed.data);
      else
        for (const issue of parsed.error.issues)
          problems.push({
            row: raw.row,
            column: COLUMN_OF[String(issue.path[0])] ?? '',
            message: importMessage(String(issue.path[0]), issue.message, raw.cells),
          });
    }
  }
  const rows = Array.isArray(sheet) ? sheet.length : 0;
  const [firstProblem] = problems;
  if (!dryRun && firstProblem)
    throw new AppError(
      422,
      'IMPORT_INVALID',
      `导入文件有 ${problems.length} 处问题，未导入任何任务：${firstProblem.message}`,
      { problems },
    );
  if (dryRun) return { year, dryRun, rows, created: 0, valid: problems.length === 0, problems };
  const ids = await db.transaction((tx) => insertImportedTasks(tx, actor, year, inputs, now));
  return { year, dryRun, rows, created: ids.length, valid: true, problems: [] };
}
