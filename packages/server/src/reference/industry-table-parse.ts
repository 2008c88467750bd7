import { parse } from 'csv-parse/sync';
import { industryLevel, isWellFormedIndustryCode, parentIndustryCode, type IndustryLevel } from '@pgs/domain';

export type IndustryEntry = { code: string; name: string; level: IndustryLevel; parent: string | null };
export type RowError = { row: number; column: string; message: string };

/**
 * Reads a GB/T 4754 table from CSV with at least `code,name` columns (the official file); level and parent are
 * derived from the code's structure. Returns every row error at once, with the line number a user sees in Excel.
 */
export function parseIndustryCsv(text: string): { entries: IndustryEntry[]; errors: RowError[] } {
  const errors: RowError[] = [];
  let records: Record<string, string>[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (error) {
    return { entries: [], errors: [{ row: 0, column: '', message: `CSV 格式错误：${(error as Error).message}` }] };
  }
  if (records.length === 0 || !('code' in records[0]!) || !('name' in records[0]!)) {
    return { entries: [], errors: [{ row: 1, column: '', message: '第一行必须是表头，且包含 code 和 name 两列' }] };
  }
  const entries: IndustryEntry[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    const row = index + 2;
    const code = (record.code ?? '').toUpperCase();
    const name = record.name ?? '';
    if (!isWellFormedIndustryCode(code)) {
      errors.push({ row, column: 'code', message: `行业代码“${code}”格式不正确` });
      return;
    }
    if (!name) errors.push({ row, column: 'name', message: '行业名称不能为空' });
    const firstRow = seen.get(code);
    if (firstRow) errors.push({ row, column: 'code', message: `行业代码 ${code} 与第 ${firstRow} 行重复` });
    seen.set(code, row);
    entries.push({ code, name, level: industryLevel(code), parent: parentIndustryCode(code) });
  });
  for (const entry of entries) {
    if (entry.parent && !seen.has(entry.parent)) {
      errors.push({ row: seen.get(entry.code)!, column: 'code', message: `行业代码 ${entry.code} 的上级代码 ${entry.parent} 不在表中` });
    }
  }
  const sections = entries.filter((e) => e.level === 'section').length;
  if (errors.length === 0 && sections === 0) errors.push({ row: 0, column: 'code', message: '表中没有门类（A–T），不是完整的行业分类表' });
  return { entries, errors };
}
