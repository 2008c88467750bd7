import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parse } from 'csv-parse';
import { industryLevel, isWellFormedIndustryCode, parentIndustryCode, type IndustryLevel } from '@pgs/domain';

/** Offices write the header in Chinese; files made by programs use code,name (the published table's own header). */
const HEADER_ALIASES: Record<string, string> = { 行业代码: 'code', 行业名称: 'name', 代码: 'code', 名称: 'name' };

export type IndustryEntry = { code: string; name: string; level: IndustryLevel; parent: string | null };
export type RowError = { row: number; column: string; message: string };
/** `errors` lists the first MAX_LISTED_ERRORS of `errorCount` (issue #10: 200 000 bad lines answered 15.9 MB). */
export type IndustryTable = { entries: IndustryEntry[]; errors: RowError[]; errorCount: number };

/** Beyond this many bad rows the answer lists no more, and says how many there were (as the enterprise import does). */
export const MAX_LISTED_ERRORS = 100;
/** The CSV is parsed in slices of this many characters, and the event loop gets a turn every YIELD_EVERY rows. */
const SLICE = 64 * 1024;
const YIELD_EVERY = 2000;

function* slices(text: string): Generator<string> {
  for (let at = 0; at < text.length; at += SLICE) yield text.slice(at, at + SLICE);
}

/**
 * Reads a GB/T 4754 table from CSV with at least `code,name` columns (the official file); level and parent are
 * derived from the code's structure. Every row error is counted, the first MAX_LISTED_ERRORS listed, each with the
 * line number a user sees in Excel. The text streams through the parser and the check yields to other requests
 * every few thousand rows, so a 200 000-line file never holds the server for long.
 */
export async function parseIndustryCsv(text: string): Promise<IndustryTable> {
  const errors: RowError[] = [];
  let errorCount = 0;
  const fail = (error: RowError) => {
    errorCount++;
    if (errors.length < MAX_LISTED_ERRORS) errors.push(error);
  };
  const entries: IndustryEntry[] = [];
  const seen = new Map<string, number>();
  const parser = Readable.from(slices(text.replace(/^\uFEFF/, ''))).pipe(
    parse({
      columns: (header: string[]) => header.map((h) => HEADER_ALIASES[h.trim()] ?? h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }),
  );
  let index = 0;
  try {
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      if (index === 0 && (!('code' in record) || !('name' in record))) {
        parser.destroy();
        return {
          entries: [],
          errors: [
            {
              row: 1,
              column: '',
              message: '第一行必须是表头，且包含“行业代码”和“行业名称”两列（也可写作 code 和 name）',
            },
          ],
          errorCount: 1,
        };
      }
      const row = index + 2;
      index++;
      if (index % YIELD_EVERY === 0) await nextTurn();
      const code = (record.code ?? '').toUpperCase();
      const name = record.name ?? '';
      if (!isWellFormedIndustryCode(code)) {
        fail({ row, column: 'code', message: `行业代码“${code}”格式不正确` });
        continue;
      }
      if (!name) fail({ row, column: 'name', message: '行业名称不能为空' });
      const firstRow = seen.get(code);
      if (firstRow) fail({ row, column: 'code', message: `行业代码 ${code} 与第 ${firstRow} 行重复` });
      seen.set(code, row);
      entries.push({ code, name, level: industryLevel(code), parent: parentIndustryCode(code) });
    }
  } catch (error) {
    return {
      entries: [],
      errors: [{ row: 0, column: '', message: `CSV 格式错误：${(error as Error).message}` }],
      errorCount: 1,
    };
  }
  if (index === 0)
    return {
      entries: [],
      errors: [
        { row: 1, column: '', message: '第一行必须是表头，且包含“行业代码”和“行业名称”两列（也可写作 code 和 name）' },
      ],
      errorCount: 1,
    };
  for (const entry of entries) {
    if (entry.parent && !seen.has(entry.parent)) {
      fail({
        row: seen.get(entry.code)!,
        column: 'code',
        message: `行业代码 ${entry.code} 的上级代码 ${entry.parent} 不在表中`,
      });
    }
  }
  const sections = entries.filter((e) => e.level === 'section').length;
  if (errorCount === 0 && sections === 0)
    fail({ row: 0, column: 'code', message: '表中没有门类（A–T），不是完整的行业分类表' });
  return { entries, errors, errorCount };
}
