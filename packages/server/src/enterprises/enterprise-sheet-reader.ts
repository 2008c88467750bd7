import {
  cleanCellText,
  CODE_AS_NUMBER_MESSAGE,
  groupedNumberText,
  readDayText,
  type EnterpriseRecordField,
  type RecordRowError,
} from '@pgs/domain';
import {
  openWorkbook,
  UnreadableCell,
  WorkbookFormatError,
  ZipDamagedError,
  type SheetCell,
  type SheetRow,
} from '../platform/xlsx-reader.ts';
import { DATA_SHEET, label, REQUIRED } from './enterprise-workbook-columns.ts';
import { objectOfValues } from '../platform/object-literal.ts';
import { SheetProblems, unreadable, fileProblem, sheetList, titleRows } from './enterprise-sheet-refusals.ts';
import {
  type ChoiceField,
  type ChoiceWords,
  CHOICES,
  choose,
  HEADERS,
  normal,
  wordsOf,
  PLATFORM_WORDS,
  KIND_WORDS,
  SCALE_WORDS,
} from './enterprise-sheet-words.ts';

/**
 * Reading a filled-in import template (R3.1) as it streams out of the zip: the header row maps columns to fields,
 * and every later row becomes the raw record the domain checks (cells as typed; 是/否 and the Chinese choices of
 * platform, kind and scale as the domain's words). Rows come in batches of about 1 MB of sheet XML, so the import
 * can check and write one batch while the next is inflated.
 */

/**
 * A zip of 64 MB can unpack to far more rows than anyone files; past this the reader stops instead of filling memory.
 */
export const MAX_IMPORT_ROWS = 200_000;

/**
 * One data row: its spreadsheet row number, the raw record, and the Chinese message of each cell the sheet itself
 * explains better than the domain's check can (a choice not in the list, an Excel error value, a formula without
 * its result, a code stored as a number). Such a cell reaches the domain as UNREADABLE (or as typed), which its check
 * refuses in that column: the check keeps its say over the row, and the message is the sheet's.
 */
export type SheetRecord = {
  row: number;
  raw: Record<string, unknown>;
  problems: Partial<Record<EnterpriseRecordField, string>> | null;
};

/** What the workbook says beside its rows: columns the import ignored (shown as warnings in the report). */
export type SheetNotes = { ignoredColumns: string[] };

/**
 * The raw value of a cell the sheet refused: no field of the record schema accepts an object, so the check refuses it.
 */
export const UNREADABLE: unknown = Object.freeze({ unreadable: true });

/**
 * Date cells arrive as Dates at UTC midnight of the day shown (xlsx-sheet-scanner.ts excelDate, in UTC), so
 * the UTC calendar day is the day the user typed, whatever the server's time zone.
 */
const utcDay = (date: Date) => (Number.isNaN(date.getTime()) ? 'invalid' : date.toISOString().slice(0, 10));

/** How a column's cell becomes its field, decided once per column from the header (not once per cell). */
const enum Reading {
  Text,
  Choice,
  YesNo,
  Day,
  Code,
  Figure,
}
function readingOf(field: EnterpriseRecordField): Reading {
  if (field === 'creditCode' || field === 'name') return Reading.Text;
  if (field === 'platformKey' || field === 'kind' || field === 'scale') return Reading.Choice;
  if (field === 'producing' || field === 'backward' || field === 'zombie' || field === 'utility') return Reading.YesNo;
  if (field === 'registeredOn') return Reading.Day;
  if (field === 'industryCode' || field === 'backwardBasis' || field === 'zombieBasis') return Reading.Code;
  return Reading.Figure;
}

const isBlank = (cell: SheetCell) => cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/** A cell's value, or the sheet's own message for it: the domain never sees an error value or an uncomputed formula. */
/**
 * The sheet's message for the cell just read, if any. The readers below return the value and set this, rather than
 * return a pair: 2.4 million cells for 100 000 rows, and the common cell allocates nothing.
 */
let cellProblem: string | null = null;
const refused = (problem: string): unknown => {
  cellProblem = problem;
  return UNREADABLE;
};
const accepted = (value: unknown): unknown => value;
type Read = unknown;

/** A typed date (2019/5/20, 2019年5月20日, 20190520 …) as 'YYYY-MM-DD'; a day that does not exist is refused here. */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
function dayValue(field: EnterpriseRecordField, text: string): Read {
  // The template's own form goes to the domain's check as typed (the import's common case, no allocation).
  if (ISO_DAY.test(text)) return accepted(text);
  const day = readDayText(text);
  if (day === null) return accepted(text);
  return 'day' in day ? accepted(day.day) : refused(`“${label(field)}”${text.trim()} 不存在`);
}

/**
 * A cell as the record field the domain validates; blanks become what the domain reads as "not given" for that field.
 */
function fieldValue(field: EnterpriseRecordField, reading: Reading, cell: SheetCell, blank: boolean): Read {
  switch (reading) {
    case Reading.Text:
      if (blank) return accepted('');
      // 18 characters as a number: Excel kept 15 digits (9.13303E+17), the code is lost.
      if (typeof cell === 'number' && field === 'creditCode') return refused(CODE_AS_NUMBER_MESSAGE);
      return accepted(cellText(cell));
    case Reading.YesNo:
      return accepted(blank ? undefined : typeof cell === 'string' ? cell.trim() : cell);
    case Reading.Day:
      if (blank) return accepted(undefined);
      if (cell instanceof Date) return accepted(utcDay(cell));
      // 20190520 typed into a cell of the General format is stored as a number.
      return typeof cell === 'string' || (typeof cell === 'number' && Number.isInteger(cell))
        ? dayValue(field, String(cell))
        : accepted(cell);
    case Reading.Code:
      return accepted(blank ? undefined : typeof cell === 'number' ? String(cell) : cell);
    default:
      // The figures: a blank cell is a missing figure (D14); numbers and text go to the domain as they are, a figure
      // typed with thousands separators ("1,234.56") as its plain text.
      if (blank) return accepted(null);
      return accepted(typeof cell === 'string' ? (groupedNumberText(cell) ?? cell) : cell);
  }
}

/**
 * A platform, kind or scale cell: the domain's word, or the cell as it is with the Chinese message of what is allowed.
 */
function choiceValue(
  field: ChoiceField,
  cell: SheetCell,
  blank: boolean,
  words: ChoiceWords,
): { value: unknown; problem: string | null } {
  if (blank) return { value: undefined, problem: `请填写“${label(field)}”：${CHOICES[field]}` };
  const choice = choose(words[field], cell);
  return choice.unknown
    ? { value: choice.value, problem: `“${label(field)}”应为${CHOICES[field]}，实为“${cellText(cell)}”` }
    : { value: choice.value, problem: null };
}

type Columns = {
  numbers: number[];
  fields: EnterpriseRecordField[];
  readings: Reading[];
  /** The raw record of a row's values, one per field in `fields` order (object-literal.ts). */
  build: (values: readonly unknown[]) => Record<string, unknown>;
  /** The row being read's values, reused from row to row: `build` copies them into the record. */
  values: unknown[];
};

/** A cell as the text it shows (an unreadable cell is refused before any reading, so it never gets here as text). */
const cellText = (value: SheetCell) =>
  value instanceof Date ? utcDay(value) : value instanceof UnreadableCell ? '' : String(value ?? '');

const headerText = (value: SheetCell) => cleanCellText(cellText(value)).trim();

/** How many of a row's cells name a template column: the header has many, a title row none. */
function knownColumns(row: SheetRow): number {
  let known = 0;
  for (const value of row.values) if (HEADERS.has(normal(headerText(value)))) known++;
  return known;
}

/**
 * Maps header cells to fields; a repeated or missing required column is a problem of row 1. A column the template
 * does not have (备注, a scratch column) is ignored and listed in `notes`, so offices can keep their own columns.
 */
function readHeader(row: SheetRow, notes: SheetNotes): Columns {
  const problems: RecordRowError[] = [];
  const columns: Pick<Columns, 'numbers' | 'fields' | 'readings'> = { numbers: [], fields: [], readings: [] };
  const seen = new Set<EnterpriseRecordField>();
  row.values.forEach((value, column) => {
    const text = headerText(value);
    if (text === '') return;
    const field = HEADERS.get(normal(text));
    if (field === undefined) notes.ignoredColumns.push(text);
    else if (field === null) return;
    else if (seen.has(field)) problems.push({ row: 1, column: text, message: `列“${text}”出现了不止一次` });
    else {
      seen.add(field);
      columns.numbers.push(column);
      columns.fields.push(field);
      columns.readings.push(readingOf(field));
    }
  });
  for (const field of REQUIRED)
    if (!seen.has(field)) problems.push({ row: 1, column: label(field), message: `缺少必填列“${label(field)}”` });
  if (problems.length > 0) throw new SheetProblems(problems);
  return { ...columns, build: objectOfValues(columns.fields), values: new Array<unknown>(columns.fields.length) };
}

/**
 * The record of a data row, or null for a row with nothing in it (blank rows are skipped, not errors). Every column of
 * the header is a key of the raw record, undefined where the cell says nothing (a blank choice, 是/否, day or code):
 * the schema and its shortcut read undefined as not given.
 */
function recordOf(row: SheetRow, columns: Columns, words: ChoiceWords): SheetRecord | null {
  const { values } = columns;
  let problems: SheetRecord['problems'] = null;
  let empty = true;
  for (let i = 0; i < columns.fields.length; i++) {
    const field = columns.fields[i]!;
    let cell = row.values[columns.numbers[i]!];
    // Zero-width and other invisible characters pasted with the text are not part of what was typed.
    if (typeof cell === 'string') cell = cleanCellText(cell);
    const blank = isBlank(cell);
    if (!blank) empty = false;
    cellProblem = unreadable(cell);
    let value: unknown;
    if (cellProblem !== null) value = UNREADABLE;
    else if (columns.readings[i] === Reading.Choice) {
      const choice = choiceValue(field as ChoiceField, cell, blank, words);
      value = choice.value;
      cellProblem = choice.problem;
    } else value = fieldValue(field, columns.readings[i]!, cell, blank);
    if (cellProblem !== null) (problems ??= {})[field] = cellProblem;
    values[i] = value;
  }
  return empty ? null : { row: row.number, raw: columns.build(values), problems };
}

/** The data sheet: the one named as in the template, or a workbook's only sheet. */
function dataSheetName(names: readonly string[]): string | undefined {
  return names.includes(DATA_SHEET) ? DATA_SHEET : names.length === 1 ? names[0] : undefined;
}

/** A title above the header: the header is looked for in the first rows, to say where it is. */
const HEADER_SEARCH_ROWS = 10;

/**
 * The data rows of an uploaded workbook, a batch at a time. Throws SheetProblems for a file that is not a readable
 * .xlsx, a bad header, too many rows, no data row, or damage found at the end of the sheet (the caller must then
 * drop what it did with earlier batches, as the import does by rolling back). `onInflated` hears how much of the
 * sheet's XML has been read (the import's progress).
 */
export async function* readEnterpriseSheet(
  file: Buffer,
  onInflated?: (bytes: number, total: number) => void,
  notes: SheetNotes = { ignoredColumns: [] },
): AsyncGenerator<SheetRecord[]> {
  const words: ChoiceWords = {
    platformKey: wordsOf(PLATFORM_WORDS),
    kind: wordsOf(KIND_WORDS),
    scale: wordsOf(SCALE_WORDS),
  };
  let columns: Columns | null = null;
  // Row 1 when it names no template column: a title, unless no header follows in the next rows.
  let firstRow: SheetRow | null = null;
  let count = 0;
  try {
    const workbook = openWorkbook(file);
    const sheetName = dataSheetName(workbook.sheetNames);
    if (sheetName === undefined)
      throw fileProblem(
        `工作簿中没有名为“${DATA_SHEET}”的工作表（现有工作表：${sheetList(workbook.sheetNames)}），请把填好数据的工作表改名为“${DATA_SHEET}”后重新上传`,
      );
    for await (const rows of workbook.rows(sheetName, onInflated)) {
      const records: SheetRecord[] = [];
      for (const row of rows) {
        if (columns === null) {
          const known = knownColumns(row);
          if (known > 0 && row.number !== 1) throw titleRows(row.number);
          if (known === 0 && row.number < HEADER_SEARCH_ROWS) {
            firstRow ??= row;
            continue;
          }
          // The header on row 1, or no header anywhere near the top: row 1's problems (the columns it lacks).
          columns = readHeader(firstRow ?? row, notes);
          continue;
        }
        const record = recordOf(row, columns, words);
        if (record === null) continue;
        if (++count > MAX_IMPORT_ROWS)
          throw new SheetProblems([
            { row: row.number, column: '', message: `数据超过 ${MAX_IMPORT_ROWS} 行上限，请分批导入` },
          ]);
        records.push(record);
      }
      if (records.length > 0) yield records;
    }
  } catch (error) {
    if (error instanceof WorkbookFormatError || error instanceof ZipDamagedError) throw fileProblem(error.message);
    throw error;
  }
  if (columns === null && firstRow !== null) readHeader(firstRow, notes);
  if (columns === null)
    throw new SheetProblems([{ row: 1, column: '', message: `“${DATA_SHEET}”表是空的，请使用模板填写` }]);
  if (count === 0)
    throw new SheetProblems([{ row: 2, column: '', message: '没有数据行：请从第 2 行起每行填写一家企业' }]);
}
