import { posix } from 'node:path';
import {
  inflateEntry,
  inflateEntryChunks,
  looksLikeZip,
  zipEntries,
  ZipDamagedError,
  type ZipEntry,
} from './zip-entries.ts';
import { attribute, runsText, startTags, xmlText } from './xml-text.ts';
import { scanSheetRows, type SheetCell, type SheetParts, type SheetRow } from './xlsx-sheet-scanner.ts';

/**
 * A lean, streaming reader of .xlsx worksheets (SpreadsheetML, ECMA-376 Part 1 §18.3) for bulk imports: the sheet's
 * XML is inflated in chunks and scanned one complete `<row>` at a time, so a 100 000-row sheet is never held whole,
 * nor turned into a workbook model. ExcelJS's streaming reader (a SAX parser over unzipper) took about 8× the time
 * of PostgreSQL COPY for the same rows (issue #4, bench (b)); the worksheet grammar is small enough to scan byte by
 * byte (xlsx-sheet-scanner.ts), which takes about a tenth of that. ExcelJS still writes every workbook.
 *
 * A cell comes as ExcelJS gave it: text (shared, inline or a formula's text result), number, boolean, a Date at UTC
 * midnight of the day shown for a number in a date format, an error's text (`#N/A`), or undefined when empty.
 */

export type { SheetCell, SheetRow };

export class WorkbookFormatError extends Error {}

const NOT_XLSX = '文件不是有效的 Excel（.xlsx）文件；旧版 .xls 或 CSV 请在 Excel 中另存为 .xlsx';
const NOT_A_WORKBOOK = '文件不是 Excel 工作簿（缺少 workbook.xml），请在 Excel 中另存为 .xlsx 后上传';

/** Far beyond 200 000 rows of XML (~200 MB): more than this unpacked is a zip bomb, not a spreadsheet. */
const MAX_SHEET_BYTES = 1024 * 1024 * 1024;
const MAX_PART_BYTES = 256 * 1024 * 1024;

// ── workbook parts ──────────────────────────────────────────────────────────────────────────────────────────────

function sharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let at = xml.indexOf('<si');
  while (at >= 0) {
    const end = xml.indexOf('>', at);
    if (end < 0) break;
    if (xml.charCodeAt(end - 1) === 47) {
      strings.push('');
      at = xml.indexOf('<si', end);
      continue;
    }
    const close = xml.indexOf('</si>', end);
    if (close < 0) break;
    strings.push(runsText(xml, end + 1, close));
    at = xml.indexOf('<si', close);
  }
  return strings;
}

/** Built-in number formats that show a date (ECMA-376 §18.8.30, with the zh-CN ones 27–36 and 50–58). */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/**
 * A custom format code shows a date when, outside quoted text, escapes and [colour] brackets, it has y, m, d, h or s.
 */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return !/^general$/i.test(bare.trim()) && /[ymdhs]/i.test(bare);
}

/** For each cell style index (`s`), whether its number format shows a date. */
function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const tag of startTags(xml, 'numFmt'))
    custom.set(Number(attribute(tag, 'numFmtId')), xmlText(attribute(tag, 'formatCode') ?? ''));
  const from = xml.indexOf('<cellXfs');
  const to = xml.indexOf('</cellXfs>', from);
  if (from < 0 || to < 0) return [];
  return [...startTags(xml, 'xf', from, to)].map((tag) => {
    const id = Number(attribute(tag, 'numFmtId') ?? 0);
    const format = custom.get(id);
    return DATE_FORMAT_IDS.has(id) || (format !== undefined && isDateFormat(format));
  });
}

// ── the workbook ────────────────────────────────────────────────────────────────────────────────────────────────

export type Workbook = {
  /** Sheet names in the workbook's order. */
  sheetNames: string[];
  /**
   * The rows of one sheet, a batch per inflated chunk (about 1 MB of XML), in order; `onInflated` hears the bytes of
   * XML read so far of the sheet's total.
   */
  rows(sheetName: string, onInflated?: (bytes: number, total: number) => void): AsyncGenerator<SheetRow[]>;
};

/** The namespace prefix of the sheet's elements (`x` of `<x:worksheet`), or null when they have none. */
function elementPrefix(start: Buffer): string | null {
  const head = start.toString('latin1', 0, Math.min(start.length, 4096));
  return /<([A-Za-z_][\w.-]*):worksheet[\s>]/.exec(head)?.[1] ?? null;
}

/** The sheet XML with `<p:` and `</p:` written as `<` and `</`, byte for byte otherwise (latin1 keeps every byte). */
function withoutPrefix(bytes: Buffer, prefix: string): Buffer {
  return Buffer.from(
    bytes.toString('latin1').replaceAll(`<${prefix}:`, '<').replaceAll(`</${prefix}:`, '</'),
    'latin1',
  );
}

/** Relationship id → part path, for the part at `partPath` (its rels live in `_rels/<name>.rels` beside it). */
function relationships(
  file: Buffer,
  entries: Map<string, ZipEntry>,
  partPath: string,
): Map<string, { type: string; path: string }> {
  const folder = partPath.includes('/') ? partPath.slice(0, partPath.lastIndexOf('/') + 1) : '';
  const relsEntry = entries.get(`${folder}_rels/${partPath.slice(folder.length)}.rels`);
  const map = new Map<string, { type: string; path: string }>();
  if (!relsEntry) return map;
  const xml = inflateEntry(file, relsEntry, MAX_PART_BYTES).toString('utf8');
  for (const tag of startTags(xml, 'Relationship')) {
    const target = xmlText(attribute(tag, 'Target') ?? '');
    // Targets are relative to the part's folder ('../' allowed) or absolute from the package root (OPC, ECMA-376 Part
    // 2).
    const resolved = posix.normalize(target.startsWith('/') ? target.slice(1) : `${folder}${target}`);
    map.set(attribute(tag, 'Id') ?? '', { type: attribute(tag, 'Type') ?? '', path: resolved });
  }
  return map;
}

/**
 * Opens an .xlsx held in memory: its directory, sheets, shared strings and styles (small parts, read whole). Throws
 * WorkbookFormatError or ZipDamagedError with the Chinese reason; a sheet's damage shows when its rows are read.
 */
export function openWorkbook(file: Buffer): Workbook {
  if (!looksLikeZip(file)) throw new WorkbookFormatError(NOT_XLSX);
  const entries = zipEntries(file);
  // Element prefixes (<x:sheet>, <x:si>) are dropped, so these small parts read as their unprefixed form.
  const part = (path: string | undefined) => {
    const entry = path ? entries.get(path) : undefined;
    return entry
      ? inflateEntry(file, entry, MAX_PART_BYTES)
          .toString('utf8')
          .replace(/<(\/?)[A-Za-z_][\w.-]*:/g, '<$1')
      : null;
  };
  const root = [...relationships(file, entries, '').values()].find((rel) => rel.type.endsWith('/officeDocument'));
  const workbookPath = root?.path ?? 'xl/workbook.xml';
  const workbookXml = part(workbookPath);
  if (workbookXml === null) throw new WorkbookFormatError(NOT_A_WORKBOOK);
  const rels = relationships(file, entries, workbookPath);
  const ofType = (suffix: string) => [...rels.values()].find((rel) => rel.type.endsWith(suffix))?.path;
  const stringsXml = part(ofType('/sharedStrings'));
  const stylesXml = part(ofType('/styles'));
  const workbookPr = [...startTags(workbookXml, 'workbookPr')][0];
  const date1904 = workbookPr !== undefined && /^(1|true)$/.test(attribute(workbookPr, 'date1904') ?? '');
  const parts: SheetParts = {
    strings: stringsXml ? sharedStrings(stringsXml) : [],
    dates: stylesXml ? dateStyles(stylesXml) : [],
    date1904,
  };
  const sheets = [...startTags(workbookXml, 'sheet')].map((tag) => ({
    name: xmlText(attribute(tag, 'name') ?? ''),
    path: rels.get(attribute(tag, 'r:id') ?? '')?.path,
  }));

  return {
    sheetNames: sheets.map((sheet) => sheet.name),
    async *rows(sheetName: string, onInflated?: (bytes: number, total: number) => void) {
      const path = sheets.find((sheet) => sheet.name === sheetName)?.path;
      const entry = path ? entries.get(path) : undefined;
      if (!entry) throw new WorkbookFormatError(`工作表“${sheetName}”缺失，请在 Excel 中重新保存后上传`);
      let carry: Buffer | null = null;
      let lastRow = 0;
      let prefix: string | null | undefined;
      let inflated = 0;
      for await (const chunk of inflateEntryChunks(file, entry, MAX_SHEET_BYTES)) {
        inflated += chunk.length;
        onInflated?.(inflated, entry.size);
        let bytes: Buffer = carry === null ? chunk : Buffer.concat([carry, chunk]);
        // Some writers (the .NET Open XML SDK) name the elements with a prefix: <x:row>, <x:c>, <x:v>.
        if (prefix === undefined) prefix = elementPrefix(bytes);
        if (prefix) bytes = withoutPrefix(bytes, prefix);
        // Only complete rows are scanned; the rest waits for the next chunk.
        const cut = bytes.lastIndexOf('</row>');
        if (cut < 0) {
          carry = bytes;
          continue;
        }
        const rows: SheetRow[] = [];
        lastRow = scanSheetRows(bytes, cut + 6, lastRow, parts, rows);
        carry = bytes.subarray(cut + 6);
        if (rows.length > 0) yield rows;
      }
      if (carry !== null && carry.length > 0) {
        const rows: SheetRow[] = [];
        scanSheetRows(carry, carry.length, lastRow, parts, rows);
        if (rows.length > 0) yield rows;
      }
    },
  };
}

export { ZipDamagedError };
export { UNCOMPUTED_FORMULA, UnreadableCell } from './xlsx-sheet-scanner.ts';
