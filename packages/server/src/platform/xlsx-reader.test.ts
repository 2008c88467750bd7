import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  isDateFormat,
  openWorkbook,
  WorkbookFormatError,
  ZipDamagedError,
  type SheetCell,
  type SheetRow,
  type Workbook,
} from './xlsx-reader.ts';
import { EXCEL_ERROR_VALUES } from '@pgs/domain';
import { excelDate, scanSheetRows, UNCOMPUTED_FORMULA, UnreadableCell, type SheetParts } from './xlsx-sheet-scanner.ts';
import { attribute, runsText, startTags, xmlText } from './xml-text.ts';
import { inflateEntry, inflateEntryChunks, zipEntries } from './zip-entries.ts';
import { flip, makeZip, thrown } from './zip.test-support.ts';

/**
 * The streaming .xlsx reader that replaced ExcelJS's for the base database import (R3.1, issue #4): the XML helpers
 * (xml-text.ts), the byte-level <sheetData> scanner (xlsx-sheet-scanner.ts) and openWorkbook (xlsx-reader.ts).
 * Workbooks are made two ways: by ExcelJS, as the import template is filled in for real (shared strings, dates in
 * date formats, formulas, rich text, errors, Chinese sheet names), and as hand-written zips whose XML is exactly
 * what other writers (Excel, WPS, LibreOffice, scripts) may produce: inline strings, attribute orders and quotes,
 * cells and rows without `r`, entities and `_xHHHH_` escapes, the 1904 date system, stored entries, sheets larger
 * than one 1 MB inflate chunk with rows and multi-byte characters cut at the chunk boundary, and damaged files,
 * which must be refused with the Chinese reason and never hang.
 */

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const MB = 1 << 20;

const NOT_XLSX = '文件不是有效的 Excel（.xlsx）文件；旧版 .xls 或 CSV 请在 Excel 中另存为 .xlsx';
const NOT_A_WORKBOOK = '文件不是 Excel 工作簿（缺少 workbook.xml），请在 Excel 中另存为 .xlsx 后上传';
const DAMAGED = '文件已损坏，请在 Excel 中重新保存为 .xlsx 后上传';
const CUT = '文件不完整（可能上传或复制时中断），请重新保存后上传';
const TOO_LARGE = '文件解压后过大，不是正常的 Excel 表格';

// ── hand-made zips and workbooks ────────────────────────────────────────────────────────────────────────────────

type Part = { name: string; data: string | Buffer; stored?: boolean; recordedSize?: number; recordedCrc?: number };

/** A zip of the parts in order, through the shared hand-made zip (zip.test-support.ts). */
const zip = (parts: Part[]): Buffer =>
  makeZip(
    parts.map((part) => ({
      name: part.name,
      data: part.data,
      method: part.stored ? 0 : 8,
      recordedSize: part.recordedSize,
      recordedCrc: part.recordedCrc,
    })),
  );

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const worksheetXml = (rows: string, before = '<dimension ref="A1"/>', after = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${before}<sheetData>${rows}</sheetData>${after}</worksheet>`;

/** styles.xml: custom formats, and cellXfs by number format id (cellStyleXfs holds a date format as a decoy). */
const stylesXml = (numFmts: Record<number, string>, xfFormatIds: number[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}"><numFmts count="${Object.keys(numFmts).length}">${Object.entries(
    numFmts,
  )
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`)
    .join(
      '',
    )}</numFmts><fonts count="1"><font><sz val="11"/></font></fonts><cellStyleXfs count="2"><xf numFmtId="0" fontId="0"/><xf numFmtId="14" fontId="0"/></cellStyleXfs><cellXfs count="${xfFormatIds.length}">${xfFormatIds
    .map(
      (id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ''}/>`,
    )
    .join(
      '',
    )}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

type HandSheet = { name: string; xml: string };
type HandWorkbook = {
  sheets: HandSheet[];
  /** The inner XML of each `<si>`. */
  strings?: string[];
  styles?: string;
  /** The attributes of `<workbookPr>`, e.g. `date1904="1"`. */
  workbookPr?: string;
  stored?: boolean;
  /** Per part name: what its headers record instead of the truth, or `null` to leave the part out. */
  parts?: Record<string, Partial<Part> | null>;
};

/** A workbook as Excel lays it out: root rels → xl/workbook.xml → its rels → sheets, shared strings and styles. */
function handWorkbook({ sheets, strings, styles, workbookPr = '', stored = false, parts = {} }: HandWorkbook): Buffer {
  const rels = [
    ...sheets.map(
      (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    ),
    strings ? `<Relationship Id="rIdS" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` : '',
    styles ? `<Relationship Id="rIdT" Type="${REL_NS}/styles" Target="styles.xml"/>` : '',
  ];
  const files: Part[] = [
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr ${workbookPr}/><sheets>${sheets
        .map((sheet, i) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">${rels.join('')}</Relationships>`,
    },
    ...sheets.map((sheet, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: sheet.xml })),
    ...(strings
      ? [
          {
            name: 'xl/sharedStrings.xml',
            data: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((si) => (si === '' ? '<si/>' : `<si>${si}</si>`)).join('')}</sst>`,
          },
        ]
      : []),
    ...(styles ? [{ name: 'xl/styles.xml', data: styles }] : []),
  ];
  return zip(
    files.filter((file) => parts[file.name] !== null).map((file) => ({ ...file, stored, ...parts[file.name] })),
  );
}

/** One sheet of rows, no shared strings or styles unless given. */
const oneSheet = (rows: string, more: Omit<HandWorkbook, 'sheets'> = {}) =>
  handWorkbook({ sheets: [{ name: 'Sheet1', xml: worksheetXml(rows) }], ...more });

// ── reading ─────────────────────────────────────────────────────────────────────────────────────────────────────

function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A row's cells by column letter: only the cells that hold a value (the array is sparse). */
const cellsOf = (values: SheetCell[]): Record<string, SheetCell> =>
  Object.fromEntries(Object.keys(values).map((key) => [columnName(Number(key)), values[Number(key)]]));
/** Rows as `[number, cells]`, in the order read. */
const table = (rows: SheetRow[]) =>
  rows.map((row): [number, Record<string, SheetCell>] => [row.number, cellsOf(row.values)]);

async function readSheet(workbook: Workbook, sheetName: string): Promise<{ batches: SheetRow[][]; rows: SheetRow[] }> {
  const batches: SheetRow[][] = [];
  for await (const batch of workbook.rows(sheetName)) batches.push(batch);
  return { batches, rows: batches.flat() };
}

const readTable = async (file: Buffer, sheetName = 'Sheet1') =>
  table((await readSheet(openWorkbook(file), sheetName)).rows);

/** The rows read before a failure, and the failure. */
async function readUntilError(workbook: Workbook, sheetName: string): Promise<{ rows: SheetRow[]; error: unknown }> {
  const rows: SheetRow[] = [];
  try {
    for await (const batch of workbook.rows(sheetName)) rows.push(...batch);
  } catch (error) {
    return { rows, error };
  }
  return { rows, error: undefined };
}

function expectError(error: unknown, type: typeof ZipDamagedError | typeof WorkbookFormatError, message: string) {
  expect(error).toBeInstanceOf(type);
  expect((error as Error).message).toBe(message);
}

const utc = (year: number, month: number, day: number, hours = 0, minutes = 0, seconds = 0) =>
  new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds));

const noParts: SheetParts = { strings: [], dates: [], date1904: false };
/** scanSheetRows over a whole XML text. */
function scan(xml: string, parts: SheetParts = noParts, lastRow = 0) {
  const bytes = Buffer.from(xml, 'utf8');
  const rows: SheetRow[] = [];
  const last = scanSheetRows(bytes, bytes.length, lastRow, parts, rows);
  return { rows, last, table: table(rows) };
}

// ── xml-text.ts ─────────────────────────────────────────────────────────────────────────────────────────────────

describe('xmlText: cell and sheet-name text of a base database workbook (R3.1)', () => {
  it('returns text without escapes as it is', () => {
    expect(xmlText('温州市 瓯海区 x_y')).toBe('温州市 瓯海区 x_y');
    expect(xmlText('')).toBe('');
  });

  it('decodes the five named entities and decimal and hexadecimal character references', () => {
    expect(xmlText('A&amp;B &lt;C&gt; &quot;q&quot; &apos;s&apos;')).toBe('A&B <C> "q" \'s\'');
    expect(xmlText('&#x4E2D;&#20013;&#x1F600;&#x4e2d;&#65;')).toBe('中中😀中A');
  });

  it('decodes once: an escaped ampersand does not start a second reference', () => {
    expect(xmlText('&amp;lt;')).toBe('&lt;');
    expect(xmlText('&amp;#20013;')).toBe('&#20013;');
    expect(xmlText('&amp;amp;')).toBe('&amp;');
  });

  it('leaves unknown entities, references beyond U+10FFFF and bare ampersands alone', () => {
    expect(xmlText('&nbsp; &copy; &#x110000; & a')).toBe('&nbsp; &copy; &#x110000; & a');
  });

  it('decodes SpreadsheetML’s _xHHHH_ escapes, with _x005F_ escaping a literal underscore', () => {
    expect(xmlText('第一行_x000D_第二行')).toBe('第一行\r第二行');
    expect(xmlText('a_x000a_b_x0009_c')).toBe('a\nb\tc');
    expect(xmlText('_x4E2D__x6587_')).toBe('中文');
    expect(xmlText('_x005F_x000D_')).toBe('_x000D_');
    expect(xmlText('_x005F_')).toBe('_');
    expect(xmlText('x_x005F_x005F_y')).toBe('x_x005F_y');
  });

  it('leaves _x…_ that is not four hexadecimal digits alone', () => {
    expect(xmlText('_x00D_ _x000G_ _x0000D_ _X000D_')).toBe('_x00D_ _x000G_ _x0000D_ _X000D_');
  });

  it('reads a literal CR LF or lone CR as LF (XML end-of-line handling), but &#13; and _x000D_ as CR', () => {
    expect(xmlText('a\r\nb\rc\n\nd')).toBe('a\nb\nc\n\nd');
    expect(xmlText('a\r\n&amp;&#13;_x000D_&#xD;')).toBe('a\n&\r\r\r');
  });

  it('decodes entities and escapes mixed in one text', () => {
    expect(xmlText('R&amp;D_x000D_&#x4E2D;心')).toBe('R&D\r中心');
  });
});

describe('attribute and startTags: reading workbook.xml, rels and styles of an R3.1 import', () => {
  it('reads an attribute in double or single quotes, wherever it stands in the tag', () => {
    const tag = `<sheet name="企业名单" sheetId='2' r:id="rId5" state="hidden"/>`;
    expect(attribute(tag, 'name')).toBe('企业名单');
    expect(attribute(tag, 'sheetId')).toBe('2');
    expect(attribute(tag, 'r:id')).toBe('rId5');
    expect(attribute(tag, 'state')).toBe('hidden');
  });

  it('matches the whole attribute name only, and keeps the other quote inside a value', () => {
    const tag = `<sheet sheetname="wrong" name="O'Brien" xr:id="x" id="rId1"/>`;
    expect(attribute(tag, 'name')).toBe("O'Brien");
    expect(attribute(tag, 'id')).toBe('rId1');
    expect(attribute(tag, 'sheetId')).toBeUndefined();
  });

  it('is undefined for a missing attribute, an unquoted value or an unterminated one', () => {
    expect(attribute('<sheet name="a"/>', 'r:id')).toBeUndefined();
    expect(attribute('<sheet name=a/>', 'name')).toBeUndefined();
    expect(attribute('<sheet name="a', 'name')).toBeUndefined();
    expect(attribute('<sheet name=""/>', 'name')).toBe('');
  });

  it('yields each start tag of exactly that name, self-closing or not, and not longer names', () => {
    const xml = '<sheets><sheet name="a"/><sheetPr/><sheet\n name="b"></sheet><sheet\tname="c"/></sheets>';
    expect([...startTags(xml, 'sheet')]).toEqual(['<sheet name="a"/>', '<sheet\n name="b">', '<sheet\tname="c"/>']);
    expect([...startTags(xml, 'sheets')]).toEqual(['<sheets>']);
  });

  it('yields only the tags starting within [from, to)', () => {
    const xml = '<cellStyleXfs><xf a="1"/></cellStyleXfs><cellXfs><xf a="2"/><xf a="3"/></cellXfs>';
    const from = xml.indexOf('<cellXfs');
    const to = xml.indexOf('</cellXfs>');
    expect([...startTags(xml, 'xf', from, to)]).toEqual(['<xf a="2"/>', '<xf a="3"/>']);
    expect([...startTags(xml, 'xf', 0, from)]).toEqual(['<xf a="1"/>']);
  });

  it('stops at a start tag left open', () => {
    expect([...startTags('<xf a="1"/><xf a="2"', 'xf')]).toEqual(['<xf a="1"/>']);
  });
});

describe('runsText: the text of a shared or inline string of an R3.1 import', () => {
  const of = (xml: string) => runsText(xml, 0, xml.length);

  it('joins the runs of rich text', () => {
    expect(
      of(
        '<r><rPr><b/><sz val="11"/><color rgb="FFFF0000"/><rFont val="宋体"/></rPr><t>温州</t></r><r><t xml:space="preserve"> 电气 </t></r>',
      ),
    ).toBe('温州 电气 ');
  });

  it('leaves phonetic guides (<rPh>) and <phoneticPr> out', () => {
    expect(
      of('<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1" type="noConversion"/>'),
    ).toBe('東京');
    expect(
      of('<r><t>大</t></r><rPh sb="0" eb="1"><t>おお</t></rPh><r><t>阪</t></r><rPh sb="1" eb="2"><t>さか</t></rPh>'),
    ).toBe('大阪');
  });

  it('reads an empty <t/> and <t></t> as nothing, and decodes the joined text once', () => {
    expect(of('<t/>')).toBe('');
    expect(of('<t></t>')).toBe('');
    expect(of('<r><t/></r><r><t>a</t></r>')).toBe('a');
    expect(of('<r><t>&amp;</t></r><r><t>lt;</t></r>')).toBe('&lt;');
    expect(of('<t>A&amp;B_x000D_</t>')).toBe('A&B\r');
  });

  it('reads only [from, to)', () => {
    const xml = '<si><t>一</t></si><si><t>二</t></si>';
    expect(runsText(xml, xml.indexOf('<si>', 1) + 4, xml.lastIndexOf('</si>'))).toBe('二');
  });
});

// ── xlsx-sheet-scanner.ts: dates and numbers ────────────────────────────────────────────────────────────────────

describe('excelDate: date cells of the R3.1 import as UTC midnight of the day shown', () => {
  it('reads the 1900 system with Excel’s phantom 1900-02-29 (serial 60)', () => {
    expect(excelDate(1, false)).toEqual(utc(1900, 1, 1));
    expect(excelDate(2, false)).toEqual(utc(1900, 1, 2));
    expect(excelDate(59, false)).toEqual(utc(1900, 2, 28));
    // 60 is the day Excel shows as 1900-02-29, which never was: it reads as the day after 1900-02-28, as 61 does.
    expect(excelDate(60, false)).toEqual(utc(1900, 3, 1));
    expect(excelDate(61, false)).toEqual(utc(1900, 3, 1));
    expect(excelDate(62, false)).toEqual(utc(1900, 3, 2));
  });

  it('reads modern serials, with their time of day, to the millisecond', () => {
    expect(excelDate(25569, false)).toEqual(utc(1970, 1, 1));
    expect(excelDate(36526, false)).toEqual(utc(2000, 1, 1));
    expect(excelDate(45000, false)).toEqual(utc(2023, 3, 15));
    expect(excelDate(45366, false)).toEqual(utc(2024, 3, 15));
    expect(excelDate(45000.5, false)).toEqual(utc(2023, 3, 15, 12));
    expect(excelDate(45000 + 1 / 86_400, false)).toEqual(utc(2023, 3, 15, 0, 0, 1));
    expect(excelDate(45366.520833333336, false)).toEqual(utc(2024, 3, 15, 12, 30));
    expect(excelDate(2958465, false)).toEqual(utc(9999, 12, 31));
  });

  it('reads the 1904 system: serial 0 is 1904-01-01, 1462 days after the 1900 system', () => {
    expect(excelDate(0, true)).toEqual(utc(1904, 1, 1));
    expect(excelDate(1, true)).toEqual(utc(1904, 1, 2));
    expect(excelDate(45000 - 1462, true)).toEqual(utc(2023, 3, 15));
    expect(excelDate(45366 - 1462, true)).toEqual(utc(2024, 3, 15));
    expect(excelDate(43904.52083333333, true)).toEqual(utc(2024, 3, 15, 12, 30));
  });
});

describe('isDateFormat: which custom number formats of an R3.1 workbook show a date', () => {
  it.each([
    'yyyy-mm-dd',
    'yyyy/m/d',
    'yyyy"年"m"月"d"日"',
    '[$-804]yyyy"年"m"月"d"日"',
    '[DBNum1][$-804]yyyy"年"m"月"d"日"',
    'm/d/yy h:mm',
    'yyyy-mm-dd hh:mm:ss',
    'hh:mm AM/PM',
    '[h]:mm:ss',
    'mm:ss.0',
    'd-mmm',
    'YYYY-MM-DD',
  ])('%s is a date', (code) => {
    expect(isDateFormat(code)).toBe(true);
  });

  it.each([
    'General',
    'general',
    '[Red]General',
    '0.00"元"',
    '[Red]0.00',
    '[Red]-0.00;[Blue]0.00',
    '#,##0.00',
    '0%',
    '0.00E+00',
    '@',
    '"Day" 0',
    '"年份："0',
    '0\\d',
    '#,##0.00_);[Red](#,##0.00)',
    '_ ¥* #,##0.00_ ;_ ¥* -#,##0.00_ ;_ ¥* "-"??_ ;_ @_ ',
    '[$¥-804]#,##0.00',
    '[>=100]0;0',
  ])('%s is not a date', (code) => {
    expect(isDateFormat(code)).toBe(false);
  });
});

/** Number texts with the value Number() gives them (and the value itself, to be sure of it). */
const NUMBER_TEXTS: Array<[string, number]> = [
  ['0.1', 0.1],
  ['486.19999999999999', 486.2],
  ['486.2', 486.2],
  ['1E-3', 0.001],
  ['1.5E+2', 150],
  ['1e21', 1e21],
  ['-0', -0],
  ['0', 0],
  ['123456789012345678', 123456789012345680],
  ['9007199254740993', 9007199254740992],
  ['999999999999999', 999999999999999],
  ['0.123456789012345', 0.123456789012345],
  ['1234567890.12345', 1234567890.12345],
  ['12.50', 12.5],
  ['-12.50', -12.5],
  ['.5', 0.5],
  ['-.5', -0.5],
  ['12.', 12],
  ['007', 7],
  ['2.675', 2.675],
  ['4.35', 4.35],
  ['0.30000000000000004', 0.30000000000000004],
  // 17 significant digits, as Excel writes a double: m / 10^k would round these wrongly (m is past 2^53).
  ['8.2648006840862244', 8.264800684086225],
  ['2.2802006640686002', 2.2802006640686003],
  ['-1.7976931348623157E+308', -1.7976931348623157e308],
  ['5E-324', 5e-324],
];

describe('numbers of an R3.1 workbook read exactly as Number(text) reads them', () => {
  const rows = NUMBER_TEXTS.map(
    ([text], i) =>
      `<row r="${i + 1}"><c r="A${i + 1}"><v>${text}</v></c><c r="B${i + 1}"><f>A${i + 1}</f><v>${text}</v></c></row>`,
  ).join('');

  it.each(NUMBER_TEXTS.map(([text, value], i) => [text, value, i] as const))('%s', (text, value, i) => {
    const row = scan(rows).rows[i]!;
    // toBe is Object.is: -0 is not 0.
    expect(row.values[1]).toBe(Number(text));
    expect(row.values[1]).toBe(value);
    // The same text behind a formula takes the general path.
    expect(row.values[2]).toBe(value);
  });

  it('reads 5000 random decimals of 1 to 20 digits, signed, with leading zeros and exponents, as Number()', () => {
    let seed = 20_240_315;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const digits = (n: number) => Array.from({ length: n }, () => random(10)).join('');
    const texts = Array.from({ length: 5000 }, () => {
      const whole = digits(random(12));
      const fraction = random(3) === 0 ? '' : `.${digits(1 + random(10))}`;
      const exponent = random(8) === 0 ? `E${random(2) ? '-' : '+'}${random(30)}` : '';
      return `${random(4) === 0 ? '-' : ''}${whole || fraction ? whole + fraction : '0'}${exponent}`;
    });
    const xml = texts.map((text) => `<row><c><v>${text}</v></c></row>`).join('');
    const read = scan(xml).rows.map((row) => row.values[1]);
    const wrong = texts.filter((text, i) => !Object.is(read[i], Number(text)));
    expect(wrong).toEqual([]);
    expect(read.length).toBe(5000);
  });

  it('keeps a <v> that is not a number as its text', () => {
    expect(
      scan('<row r="1"><c r="A1"><v>abc</v></c><c r="B1"><v>1,234</v></c><c r="C1"><v>-</v></c></row>').table,
    ).toEqual([[1, { A: 'abc', B: '1,234', C: '-' }]]);
  });
});

// ── xlsx-sheet-scanner.ts: the scan ─────────────────────────────────────────────────────────────────────────────

describe('scanSheetRows: the rows of an R3.1 sheet, byte by byte', () => {
  const parts: SheetParts = { strings: ['甲', '乙', '丙'], dates: [false, true], date1904: false };

  it('reads the common cells in place: shared strings, numbers, dates by style, booleans, errors', () => {
    const xml =
      '<row r="2" spans="1:6"><c r="A2" t="s"><v>2</v></c><c r="B2" s="0"><v>12.5</v></c><c r="C2" s="1"><v>45000</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="b"><v>0</v></c><c r="F2" t="e"><v>#REF!</v></c></row>';
    expect(scan(xml, parts).table).toEqual([
      [2, { A: '丙', B: 12.5, C: utc(2023, 3, 15), D: true, E: false, F: new UnreadableCell('#REF!') }],
    ]);
  });

  it('reads every Excel error value (t="e"), in place or behind a formula, as an UnreadableCell naming it (issue #9)', () => {
    const cells = EXCEL_ERROR_VALUES.map(
      (value, i) => `<c r="${columnName(i + 1)}3" t="e">${i % 2 === 0 ? '' : '<f>1/0</f>'}<v>${value}</v></c>`,
    ).join('');
    expect(scan(`<row r="3">${cells}</row>`, parts).table).toEqual([
      [3, Object.fromEntries(EXCEL_ERROR_VALUES.map((value, i) => [columnName(i + 1), new UnreadableCell(value)]))],
    ]);
  });

  it('follows the previous row and cell when `r` is missing, from the lastRow it is given', () => {
    const result = scan(
      '<row><c><v>1</v></c><c><v>2</v></c><c r="E9"><v>5</v></c><c><v>6</v></c></row><row><c r="B1"><v>7</v></c></row>',
      parts,
      41,
    );
    expect(result.table).toEqual([
      [42, { A: 1, B: 2, E: 5, F: 6 }],
      [43, { B: 7 }],
    ]);
    expect(result.last).toBe(43);
  });

  it('returns the last row number seen, counting rows without cells, and does not yield them', () => {
    const result = scan(
      '<row r="1"><c r="A1"><v>1</v></c></row><row r="3"/><row><c r="A4"/></row><row r="7" spans="1:1"></row>',
      parts,
    );
    expect(result.table).toEqual([[1, { A: 1 }]]);
    expect(result.last).toBe(7);
    expect(scan('<row r="3"/><row><c><v>x</v></c></row>', parts).table).toEqual([[4, { A: 'x' }]]);
  });

  it('scans only bytes[0, end)', () => {
    const bytes = Buffer.from('<row r="1"><c><v>1</v></c></row><row r="2"><c><v>2</v></c></row>');
    const rows: SheetRow[] = [];
    const end = bytes.indexOf('</row>') + 6;
    expect(scanSheetRows(bytes, end, 0, parts, rows)).toBe(1);
    expect(table(rows)).toEqual([[1, { A: 1 }]]);
  });

  it('appends to the rows it is given', () => {
    const kept: SheetCell[] = [];
    kept[1] = 'kept';
    const rows: SheetRow[] = [{ number: 1, values: kept }];
    const bytes = Buffer.from('<row r="2"><c><v>2</v></c></row>');
    expect(scanSheetRows(bytes, bytes.length, 1, parts, rows)).toBe(2);
    expect(table(rows)).toEqual([
      [1, { A: 'kept' }],
      [2, { A: 2 }],
    ]);
  });

  it('reads column letters up to XFD (16 384)', () => {
    const row = scan(
      '<row r="1"><c r="Z1"><v>26</v></c><c r="AA1"><v>27</v></c><c r="AB1"><v>28</v></c><c r="AZ1"><v>52</v></c><c r="XFD1"><v>16384</v></c></row>',
    ).rows[0]!;
    expect(row.values.length).toBe(16_385);
    expect(Object.keys(row.values).map(Number)).toEqual([26, 27, 28, 52, 16_384]);
    expect([row.values[26], row.values[27], row.values[28], row.values[52], row.values[16_384]]).toEqual([
      26, 27, 28, 52, 16_384,
    ]);
  });

  it('ignores what is not a cell: <col>, <cols>, <cfRule>, <rowBreaks>, and <c …> outside a row', () => {
    const xml =
      '<cols><col min="1" max="3" width="12"/></cols><c r="A1"><v>outside</v></c><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' +
      '<conditionalFormatting sqref="A1"><cfRule type="cellIs" priority="1"><formula>1</formula></cfRule></conditionalFormatting><rowBreaks count="1"><brk id="1" max="16383"/></rowBreaks>';
    expect(scan(xml).table).toEqual([[1, { A: 1 }]]);
  });
});

// ── openWorkbook on ExcelJS workbooks ───────────────────────────────────────────────────────────────────────────

/** The base database template as a platform fills it in, written by ExcelJS as Excel users' files are read. */
async function excelJsWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业名单');
  sheet.addRow([
    '统一社会信用代码',
    '企业名称',
    '年份',
    '成立日期',
    '中文日期',
    '规上',
    '公式',
    '未算公式',
    '富文本',
    '错误',
    '金额',
    '红色',
    '文本公式',
  ]);
  sheet.addRow([
    '91330300MA2XXXXX1A',
    '温州测试电气有限公司',
    2024,
    utc(2024, 3, 15),
    utc(2023, 1, 5),
    true,
    { formula: 'C2+1', result: 2025 },
    { formula: 'C2*2' },
    { richText: [{ text: '温州' }, { text: '电气', font: { bold: true } }] },
    { error: '#N/A' },
    12.5,
    -7,
    { formula: 'B2&"x"', result: '温州测试电气有限公司x' },
  ]);
  sheet.getCell('D2').numFmt = 'yyyy-mm-dd';
  sheet.getCell('E2').numFmt = 'yyyy"年"m"月"d"日"';
  sheet.getCell('K2').numFmt = '0.00"元"';
  sheet.getCell('L2').numFmt = '[Red]0.00';
  // Rows 3–5 hold nothing: a styled empty cell and a tall row are not rows of data.
  sheet.getCell('B4').numFmt = '0.00';
  sheet.getRow(5).height = 30;
  sheet.getCell('A6').value = false;
  sheet.getCell('AB6').value = '远列';
  sheet.getRow(7).values = [0.1 + 0.2, 123456789012345680, 1e21, -0.5, 0, 4.35, 486.2];
  const time = sheet.getCell('A8');
  time.value = utc(2024, 3, 15, 12, 30);
  time.numFmt = 'yyyy-mm-dd hh:mm';
  sheet.getCell('B8').value = utc(2025, 12, 31);
  sheet.getCell('A9').value = ' 前后空格 ';
  sheet.getCell('B9').value = '<&>"\'';
  sheet.getCell('C9').value = '00123';
  sheet.getCell('D9').value = { text: '链接', hyperlink: 'https://example.com' };
  sheet.getCell('E9').value = '2024-03-15';
  sheet.getCell('F9').value = '第一行\r\n第二行';
  sheet.getCell('A10').value = 1;
  sheet.getCell('B10').value = {
    formula: 'A10+1',
    result: 2,
    shareType: 'shared',
    ref: 'B10:B11',
  } as ExcelJS.CellValue;
  sheet.getCell('A11').value = 2;
  sheet.getCell('B11').value = { sharedFormula: 'B10', result: 3 };

  const second = workbook.addWorksheet('R&D 名单');
  second.getCell('A1').value = '第二表';
  second.getCell('A3').value = 3;
  workbook.addWorksheet('空表');
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const EXCELJS_SHEET: Array<[number, Record<string, SheetCell>]> = [
  [
    1,
    {
      A: '统一社会信用代码',
      B: '企业名称',
      C: '年份',
      D: '成立日期',
      E: '中文日期',
      F: '规上',
      G: '公式',
      H: '未算公式',
      I: '富文本',
      J: '错误',
      K: '金额',
      L: '红色',
      M: '文本公式',
    },
  ],
  [
    2,
    {
      A: '91330300MA2XXXXX1A',
      B: '温州测试电气有限公司',
      C: 2024,
      D: utc(2024, 3, 15),
      E: utc(2023, 1, 5),
      F: true,
      G: 2025,
      H: UNCOMPUTED_FORMULA,
      I: '温州电气',
      J: new UnreadableCell('#N/A'),
      K: 12.5,
      L: -7,
      M: '温州测试电气有限公司x',
    },
  ],
  [6, { A: false, AB: '远列' }],
  [7, { A: 0.30000000000000004, B: 123456789012345680, C: 1e21, D: -0.5, E: 0, F: 4.35, G: 486.2 }],
  [8, { A: utc(2024, 3, 15, 12, 30), B: utc(2025, 12, 31) }],
  // ExcelJS writes the CR LF as it is; XML reads it as LF, as ExcelJS's reader did.
  [9, { A: ' 前后空格 ', B: '<&>"\'', C: '00123', D: '链接', E: '2024-03-15', F: '第一行\n第二行' }],
  [10, { A: 1, B: 2 }],
  [11, { A: 2, B: 3 }],
];

/** What ExcelJS's own reader gives for a cell, as this reader should give it. */
function excelJsValue(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return new UnreadableCell(value.error);
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : undefined;
  if ('result' in value) return excelJsValue(value.result);
  // ExcelJS reads a formula with no result as the formula; this reader refuses it (issue #9).
  if ('formula' in value || 'sharedFormula' in value) return UNCOMPUTED_FORMULA;
  throw new Error(`unexpected cell value ${JSON.stringify(value)}`);
}

describe('openWorkbook on workbooks written by ExcelJS (the R3.1 import template filled in)', () => {
  it('lists the sheets in order, with Chinese names and entities decoded', async () => {
    expect(openWorkbook(await excelJsWorkbook()).sheetNames).toEqual(['企业名单', 'R&D 名单', '空表']);
  });

  it('reads every kind of cell ExcelJS writes: strings, numbers, dates in date formats, booleans, formulas, rich text, errors', async () => {
    const { batches, rows } = await readSheet(openWorkbook(await excelJsWorkbook()), '企业名单');
    expect(table(rows)).toEqual(EXCELJS_SHEET);
    expect(batches.length).toBe(1);
  });

  it('gives each cell as ExcelJS’s own reader gives it', async () => {
    const file = await excelJsWorkbook();
    const model = new ExcelJS.Workbook();
    await model.xlsx.load(file as unknown as ExcelJS.Buffer);
    for (const name of ['企业名单', 'R&D 名单', '空表']) {
      const expected: Array<[number, Record<string, SheetCell>]> = [];
      model.getWorksheet(name)!.eachRow((row, number) => {
        const cells: Record<string, SheetCell> = {};
        row.eachCell((cell, column) => {
          const value = excelJsValue(cell.value);
          if (value !== undefined) cells[columnName(column)] = value;
        });
        if (Object.keys(cells).length > 0) expected.push([number, cells]);
      });
      expect(await readTable(file, name)).toEqual(expected);
    }
  });

  it('reads the other sheets, and an empty sheet as no rows', async () => {
    const file = await excelJsWorkbook();
    expect(await readTable(file, 'R&D 名单')).toEqual([
      [1, { A: '第二表' }],
      [3, { A: 3 }],
    ]);
    expect((await readSheet(openWorkbook(file), '空表')).batches).toEqual([]);
  });

  it('reads a sheet again, and after another one was left half-read', async () => {
    const workbook = openWorkbook(await excelJsWorkbook());
    for await (const batch of workbook.rows('企业名单')) {
      expect(batch[0]!.number).toBe(1);
      break;
    }
    expect(table((await readSheet(workbook, '企业名单')).rows)).toEqual(EXCELJS_SHEET);
    expect(table((await readSheet(workbook, '企业名单')).rows)).toEqual(EXCELJS_SHEET);
  });

  it('reads dates of a workbook in the 1904 date system as the same days', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    const sheet = workbook.addWorksheet('1904');
    sheet.getCell('A1').value = utc(2024, 3, 15);
    sheet.getCell('A1').numFmt = 'yyyy-mm-dd';
    sheet.getCell('B1').value = utc(2024, 3, 15, 12, 30);
    sheet.getCell('B1').numFmt = 'yyyy-mm-dd hh:mm';
    sheet.getCell('C1').value = utc(1904, 1, 1);
    sheet.getCell('C1').numFmt = 'yyyy-mm-dd';
    sheet.getCell('D1').value = 45000;
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await readTable(file, '1904')).toEqual([
      [1, { A: utc(2024, 3, 15), B: utc(2024, 3, 15, 12, 30), C: utc(1904, 1, 1), D: 45000 }],
    ]);
  });
});

// ── openWorkbook on hand-written SpreadsheetML ──────────────────────────────────────────────────────────────────

describe('openWorkbook on hand-written SpreadsheetML (what other writers put in an R3.1 upload)', () => {
  it('reads inline strings, with rich runs, leaving phonetic runs out', async () => {
    const rows =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>内联文本</t></is></c>' +
      '<c r="B1" t="inlineStr"><is><r><rPr><b/><color rgb="FFFF0000"/></rPr><t>温州</t></r><r><t xml:space="preserve"> 电气</t></r><rPh sb="0" eb="2"><t>ウンシュウ</t></rPh><phoneticPr fontId="1"/></is></c>' +
      '<c r="C1" t="inlineStr"><is><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></is></c>' +
      '<c r="D1" t="inlineStr"><is><t/></is></c><c r="E1" t="inlineStr"></c><c r="F1" t="inlineStr"/></row>';
    expect(await readTable(oneSheet(rows))).toEqual([[1, { A: '内联文本', B: '温州 电气', C: '東京', D: '' }]]);
  });

  it('reads t="str", t="b", t="e", t="n" and t="d" (ISO dates, with and without zone; otherwise the text)', async () => {
    const rows =
      '<row r="1"><c r="A1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="B1" t="str"><v>&lt;x&gt;</v></c><c r="C1" t="str"><f>""</f><v></v></c>' +
      '<c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c><c r="F1" t="b"><v>true</v></c><c r="G1" t="e"><v>#DIV/0!</v></c><c r="H1" t="n"><v>42</v></c></row>' +
      '<row r="2"><c r="A2" t="d"><v>2024-03-15T00:00:00</v></c><c r="B2" t="d"><v>2024-03-15T10:30:00+08:00</v></c><c r="C2" t="d"><v>2024-03-15</v></c>' +
      '<c r="D2" t="d"><v>2024-03-15T10:30:00.250Z</v></c><c r="E2" t="d"><v>不是日期</v></c><c r="F2" t="d" s="1"><v>2024-03-15T08:00:00-0100</v></c><c r="G2" t="d"><v>R&amp;D</v></c></row>';
    expect(await readTable(oneSheet(rows))).toEqual([
      [1, { A: 'ab', B: '<x>', C: '', D: true, E: false, F: true, G: new UnreadableCell('#DIV/0!'), H: 42 }],
      [
        2,
        {
          A: utc(2024, 3, 15),
          B: utc(2024, 3, 15, 2, 30),
          C: utc(2024, 3, 15),
          D: new Date('2024-03-15T10:30:00.250Z'),
          E: '不是日期',
          F: utc(2024, 3, 15, 9),
          G: 'R&D',
        },
      ],
    ]);
  });

  it('reads shared strings: rich, phonetic, empty (<si/> keeps the index of the ones after it), escaped, spaced', async () => {
    const strings = [
      '<t>共享</t>',
      '<r><t>温州</t></r><r><rPr><b/></rPr><t>电气</t></r>',
      '<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/>',
      '',
      '<t/>',
      '<t>A&amp;B_x000D_C &#x4E2D;</t>',
      '<t xml:space="preserve">  空格  </t>',
    ];
    const rows = `<row r="1">${strings.map((_, i) => `<c r="${columnName(i + 1)}1" t="s"><v>${i}</v></c>`).join('')}</row>`;
    expect(await readTable(oneSheet(rows, { strings }))).toEqual([
      [1, { A: '共享', B: '温州电气', C: '東京', D: '', E: '', F: 'A&B\rC 中', G: '  空格  ' }],
    ]);
  });

  it('takes cells and rows without `r` as following the previous ones', async () => {
    const rows =
      '<row><c><v>1</v></c><c><v>2</v></c></row><row r="5"><c r="C5"><v>3</v></c><c><v>4</v></c></row><row><c r="B6"><v>5</v></c></row><row><c><v>6</v></c></row>';
    expect(await readTable(oneSheet(rows))).toEqual([
      [1, { A: 1, B: 2 }],
      [5, { C: 3, D: 4 }],
      [6, { B: 5 }],
      [7, { A: 6 }],
    ]);
  });

  it('reads single-quoted attributes and attributes in any order', async () => {
    const rows = `<row spans='1:3' r='7'><c t="s" r="B7"><v>0</v></c><c s='1' t='s' r='C7'><v>1</v></c><c s="1" r="D7"><v>45000</v></c><c t='b' r='E7'><v>1</v></c></row>`;
    expect(
      await readTable(oneSheet(rows, { strings: ['<t>甲</t>', '<t>乙</t>'], styles: stylesXml({}, [0, 14]) })),
    ).toEqual([[7, { B: '甲', C: '乙', D: utc(2023, 3, 15), E: true }]]);
  });

  it('reads self-closing cells as empty and self-closing rows as no rows, still counting them', async () => {
    const rows =
      '<row r="1"><c r="A1"/><c r="B1" s="1"/><c r="C1" t="s"/></row><row r="2"><c r="A2"/><c><v>2</v></c></row><row r="3"/><row><c><v>4</v></c></row><row r="9" ht="30" customHeight="1"/>';
    expect(await readTable(oneSheet(rows))).toEqual([
      [2, { B: 2 }],
      [4, { A: 4 }],
    ]);
  });

  it('decodes entities and _xHHHH_ escapes in inline strings and formula text', async () => {
    const rows =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>A&amp;B &lt;C&gt; &#x4E2D;&#20013; &quot;q&quot;</t></is></c>' +
      '<c r="B1" t="inlineStr"><is><t>第一行_x000D_第二行</t></is></c><c r="C1" t="inlineStr"><is><t>_x005F_x000D_</t></is></c>' +
      '<c r="D1" t="str"><f>A1</f><v>x_x000A_y&amp;z</v></c><c r="E1" t="e"><v>#N/A</v></c>' +
      '<c r="F1" t="inlineStr"><is><t>a\r\nb&#13;c</t></is></c><c r="G1" t="str"><v>d\re</v></c></row>';
    expect(await readTable(oneSheet(rows))).toEqual([
      [
        1,
        {
          A: 'A&B <C> 中中 "q"',
          B: '第一行\r第二行',
          C: '_x000D_',
          D: 'x\ny&z',
          E: new UnreadableCell('#N/A'),
          F: 'a\nb\rc',
          G: 'd\ne',
        },
      ],
    ]);
  });

  it('reads formulas by their cached result; a formula never calculated (no <v>, or an empty one not of text type) is UNCOMPUTED_FORMULA', async () => {
    const rows =
      '<row r="1"><c r="A1"><f>SUM(B1:C1)</f></c><c r="B1"><f>1+2</f><v>3</v></c><c r="C1" t="e"><f>NA()</f><v>#N/A</v></c><c r="D1" t="b"><f>TRUE()</f><v>1</v></c>' +
      '<c r="E1" s="1"><f>TODAY()</f><v>45000</v></c><c r="F1"><f t="shared" ref="F1:F2" si="0">B1*2</f><v>6</v></c><c r="G1" t="s"><f>X</f><v>0</v></c><c r="H1"><f>1</f><v/></c></row>' +
      '<row r="2"><c r="F2"><f t="shared" si="0"/><v>8</v></c></row>';
    expect(await readTable(oneSheet(rows, { strings: ['<t>甲</t>'], styles: stylesXml({}, [0, 14]) }))).toEqual([
      [
        1,
        {
          A: UNCOMPUTED_FORMULA,
          B: 3,
          C: new UnreadableCell('#N/A'),
          D: true,
          E: utc(2023, 3, 15),
          F: 6,
          G: '甲',
          H: UNCOMPUTED_FORMULA,
        },
      ],
      [2, { F: 8 }],
    ]);
  });

  it('reads pretty-printed XML (whitespace and line breaks between tags)', async () => {
    const rows =
      '\n  <row r="1"\n       spans="1:3">\n    <c r="A1" t="s">\n      <v>0</v>\n    </c>\n    <c\tr="B1"\ts="1">\n      <v>45000</v>\n    </c>\n    <c r="C1" t="inlineStr">\n      <is><t>缩进</t></is>\n    </c>\n  </row>\n';
    expect(await readTable(oneSheet(rows, { strings: ['<t>甲</t>'], styles: stylesXml({}, [0, 14]) }))).toEqual([
      [1, { A: '甲', B: utc(2023, 3, 15), C: '缩进' }],
    ]);
  });

  it('ignores what around <sheetData> looks like rows or cells (<cols>, merged cells, conditional formats, header text)', async () => {
    const file = handWorkbook({
      sheets: [
        {
          name: 'Sheet1',
          xml: worksheetXml(
            '<row r="1"><c r="A1"><v>1</v></c></row>',
            '<sheetPr><outlinePr summaryBelow="0"/></sheetPr><dimension ref="A1"/><cols><col min="1" max="3" width="12" customWidth="1"/></cols>',
            '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><conditionalFormatting sqref="A1"><cfRule type="cellIs" priority="1"><formula>1</formula></cfRule></conditionalFormatting><rowBreaks count="1"><brk id="1" max="16383" man="1"/></rowBreaks><headerFooter><oddHeader>&amp;C&lt;row&gt;&lt;c&gt;</oddHeader></headerFooter>',
          ),
        },
      ],
    });
    expect(await readTable(file)).toEqual([[1, { A: 1 }]]);
  });

  it('shows a number as a date only in a date format: built-in (14, 22, 31, 57, 58) or custom; not 0.00"元", [Red]0.00 or General', async () => {
    const numFmts = {
      164: 'yyyy"年"m"月"d"日"',
      165: '0.00"元"',
      166: '[Red]0.00',
      167: 'General',
      168: '[h]:mm:ss',
      169: 'yyyy/mm/dd;@',
    };
    const formatIds = [0, 14, 22, 31, 57, 58, 164, 165, 166, 167, 168, 169, 2, 10, 44, 49];
    const cells = formatIds.map((_, s) => `<c r="${columnName(s + 1)}1" s="${s}"><v>45000.25</v></c>`).join('');
    const [[, read]] = (await readTable(
      oneSheet(`<row r="1">${cells}</row>`, { styles: stylesXml(numFmts, formatIds) }),
    )) as [[number, Record<string, SheetCell>]];
    const day = utc(2023, 3, 15, 6);
    expect(read).toEqual({
      A: 45000.25,
      B: day,
      C: day,
      D: day,
      E: day,
      F: day,
      G: day,
      H: 45000.25,
      I: 45000.25,
      J: 45000.25,
      K: day,
      L: day,
      M: 45000.25,
      N: 45000.25,
      O: 45000.25,
      P: 45000.25,
    });
  });

  it('reads custom formats written with single quotes and &quot;, and styles beyond cellXfs as no date', async () => {
    const styles = `<styleSheet xmlns="${MAIN_NS}"><numFmts count="2"><numFmt numFmtId='170' formatCode='yyyy/mm/dd'/><numFmt formatCode="0.0&quot;天&quot;" numFmtId="171"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId='170'/><xf numFmtId="171"/></cellXfs></styleSheet>`;
    const rows =
      '<row r="1"><c r="A1" s="1"><v>45000</v></c><c r="B1" s="2"><v>45000</v></c><c r="C1" s="9"><v>45000</v></c></row>';
    expect(await readTable(oneSheet(rows, { styles }))).toEqual([[1, { A: utc(2023, 3, 15), B: 45000, C: 45000 }]]);
  });

  it('reads the 1904 date system from workbookPr (date1904="1", "true", single quotes), and not for "0" or "false"', async () => {
    const styles = stylesXml({}, [0, 14]);
    const rows =
      '<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>43538</v></c><c r="C1"><v>43538</v></c></row>';
    const in1904: [number, Record<string, SheetCell>][] = [[1, { A: utc(1904, 1, 1), B: utc(2023, 3, 15), C: 43538 }]];
    expect(await readTable(oneSheet(rows, { styles, workbookPr: 'date1904="1"' }))).toEqual(in1904);
    expect(
      await readTable(oneSheet(rows, { styles, workbookPr: 'defaultThemeVersion="164011" date1904="true"' })),
    ).toEqual(in1904);
    expect(await readTable(oneSheet(rows, { styles, workbookPr: "date1904='1'" }))).toEqual(in1904);
    const in1900: [number, Record<string, SheetCell>][] = [
      [1, { A: utc(1899, 12, 31), B: utc(2019, 3, 14), C: 43538 }],
    ];
    expect(await readTable(oneSheet(rows, { styles, workbookPr: 'date1904="0"' }))).toEqual(in1900);
    expect(await readTable(oneSheet(rows, { styles, workbookPr: 'date1904="false"' }))).toEqual(in1900);
    expect(await readTable(oneSheet(rows, { styles }))).toEqual(in1900);
  });

  it('reads a workbook whose entries are all stored (method 0)', async () => {
    const options = { strings: ['<t>甲</t>'], styles: stylesXml({}, [0, 14]) };
    const rows =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45000</v></c><c r="C1" t="inlineStr"><is><t>存储</t></is></c></row>';
    const file = oneSheet(rows, { ...options, stored: true });
    expect([...zipEntries(file).values()].map((entry) => entry.method)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(await readTable(file)).toEqual([[1, { A: '甲', B: utc(2023, 3, 15), C: '存储' }]]);
  });

  it('reads several sheets by name, in the workbook’s order, with names decoded', async () => {
    const file = handWorkbook({
      sheets: [
        { name: '说明', xml: worksheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>请勿修改</t></is></c></row>') },
        { name: '企业 & 年份 <2024>', xml: worksheetXml('<row r="2"><c r="B2"><v>2024</v></c></row>') },
        { name: "O'Brien", xml: worksheetXml('') },
      ],
    });
    const workbook = openWorkbook(file);
    expect(workbook.sheetNames).toEqual(['说明', '企业 & 年份 <2024>', "O'Brien"]);
    expect(table((await readSheet(workbook, '企业 & 年份 <2024>')).rows)).toEqual([[2, { B: 2024 }]]);
    expect(table((await readSheet(workbook, '说明')).rows)).toEqual([[1, { A: '请勿修改' }]]);
    expect((await readSheet(workbook, "O'Brien")).batches).toEqual([]);
  });

  it('finds the workbook through _rels/.rels at a non-standard path, and its parts through the workbook’s own rels', async () => {
    const workbookXml = `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="第一" sheetId="1" r:id="r1"/><sheet name="第二" sheetId="2" r:id="r2"/></sheets></workbook>`;
    const rels = `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="r1" Type="${REL_NS}/worksheet" Target="./data/first.xml"/><Relationship Target="/custom/data/second.xml" Id="r2" Type="${REL_NS}/worksheet"/><Relationship Id="r3" Type="${REL_NS}/sharedStrings" Target="text/strings.xml"/><Relationship Id="r4" Type="${REL_NS}/styles" Target="/custom/look.xml"/></Relationships>`;
    const file = zip([
      {
        name: '_rels/.rels',
        data: `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="a" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/><Relationship Id="b" Type="${REL_NS}/officeDocument" Target="/custom/book.xml"/></Relationships>`,
      },
      { name: 'custom/book.xml', data: workbookXml },
      { name: 'custom/_rels/book.xml.rels', data: rels },
      {
        name: 'custom/data/first.xml',
        data: worksheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45000</v></c></row>'),
      },
      { name: 'custom/data/second.xml', data: worksheetXml('<row r="1"><c r="A1" t="s"><v>1</v></c></row>') },
      {
        name: 'custom/text/strings.xml',
        data: `<sst xmlns="${MAIN_NS}"><si><t>自定义路径</t></si><si><t>第二张</t></si></sst>`,
      },
      { name: 'custom/look.xml', data: stylesXml({}, [0, 14]) },
      // A decoy where a reader that guesses the path would look.
      {
        name: 'xl/workbook.xml',
        data: `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="诱饵" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      },
    ]);
    const workbook = openWorkbook(file);
    expect(workbook.sheetNames).toEqual(['第一', '第二']);
    expect(table((await readSheet(workbook, '第一')).rows)).toEqual([[1, { A: '自定义路径', B: utc(2023, 3, 15) }]]);
    expect(table((await readSheet(workbook, '第二')).rows)).toEqual([[1, { A: '第二张' }]]);
  });

  it('resolves ../ targets, and tabs or line breaks between attributes', async () => {
    const workbookXml = `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet\tname="上级目录"\n sheetId="1"\tr:id="r1"/></sheets></workbook>`;
    const file = zip([
      {
        name: '_rels/.rels',
        data: `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="b" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      },
      { name: 'xl/workbook.xml', data: workbookXml },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: `<Relationships xmlns="${PKG_REL_NS}"><Relationship\tId="r1"\nType="${REL_NS}/worksheet" Target="../sheets/s1.xml"/></Relationships>`,
      },
      { name: 'sheets/s1.xml', data: worksheetXml('<row r="1"><c r="A1"><v>7</v></c></row>') },
    ]);
    const workbook = openWorkbook(file);
    expect(workbook.sheetNames).toEqual(['上级目录']);
    expect(table((await readSheet(workbook, '上级目录')).rows)).toEqual([[1, { A: 7 }]]);
  });

  it('reads a workbook whose parts name their elements with a prefix (<x:row>, as the .NET Open XML SDK writes)', async () => {
    const x = (xml: string) => xml.replace(/<(\/?)(?!\?)/g, '<$1x:').replace(/xmlns="/g, 'xmlns:x="');
    const file = zip([
      {
        name: '_rels/.rels',
        data: `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="b" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      },
      {
        name: 'xl/workbook.xml',
        data: x(
          `<workbook xmlns="${MAIN_NS}"><sheets><sheet name="前缀" sheetId="1" r:id="r1" xmlns:r="${REL_NS}"/></sheets></workbook>`,
        ),
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="r1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="r2" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      },
      { name: 'xl/sharedStrings.xml', data: x(`<sst xmlns="${MAIN_NS}"><si><t>甲</t></si></sst>`) },
      {
        name: 'xl/worksheets/sheet1.xml',
        data: x(
          `<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>2.5</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>乙</t></is></c></row></sheetData></worksheet>`,
        ),
      },
    ]);
    expect(inflateEntry(file, zipEntries(file).get('xl/worksheets/sheet1.xml')!, 1 << 20).toString('utf8')).toContain(
      '<x:row r="1">',
    );
    const workbook = openWorkbook(file);
    expect(workbook.sheetNames).toEqual(['前缀']);
    expect(table((await readSheet(workbook, '前缀')).rows)).toEqual([
      [1, { A: '甲', B: 2.5 }],
      [2, { A: '乙' }],
    ]);
  });

  it('falls back to xl/workbook.xml when there is no _rels/.rels', async () => {
    const file = oneSheet('<row r="1"><c r="A1"><v>1</v></c></row>', { parts: { '_rels/.rels': null } });
    expect(zipEntries(file).has('_rels/.rels')).toBe(false);
    expect(await readTable(file)).toEqual([[1, { A: 1 }]]);
  });

  it('reads a sheet without shared strings or styles parts (numbers stay numbers)', async () => {
    expect(
      await readTable(oneSheet('<row r="1"><c r="A1" s="3"><v>45000</v></c><c r="B1" t="s"><v>0</v></c></row>')),
    ).toEqual([[1, { A: 45000 }]]);
  });
});

// ── sheets larger than one inflate chunk ────────────────────────────────────────────────────────────────────────

/**
 * A sheet of about 3.7 MB of XML (four 1 MB inflate chunks) whose chunk boundaries fall inside a three-byte UTF-8
 * character of an inline string (1 MB), inside `</row>` (2 MB) and inside a number (3 MB). Rows carry no `r`,
 * except a jump to 25 000 and a self-closing row, so the numbering must carry across batches.
 */
function bigSheet() {
  const strings = ['甲', '乙', '丙'];
  const head = worksheetXml('').slice(0, worksheetXml('').indexOf('</sheetData>'));
  const pieces = [head];
  let bytes = Buffer.byteLength(head);
  let number = 0;
  const expected: Array<[number, Record<string, SheetCell>]> = [];
  const add = (xml: string, cells: Record<string, SheetCell> | null, explicit?: number) => {
    pieces.push(xml);
    bytes += Buffer.byteLength(xml);
    number = explicit ?? number + 1;
    if (cells) expected.push([number, cells]);
  };
  const FILLER = '<row><c t="inlineStr"><is><t></t></is></c></row>';
  const fillerLength = Buffer.byteLength(FILLER);
  /** A feature row placed so that byte `split` of it is the first byte of the chunk starting at `boundary`. */
  const features = [
    {
      boundary: MB,
      xml: '<row><c t="inlineStr"><is><t>跨块中文</t></is></c><c><v>1</v></c></row>',
      split: Buffer.byteLength('<row><c t="inlineStr"><is><t>跨块') + 1,
      cells: { A: '跨块中文', B: 1 },
    },
    {
      boundary: 2 * MB,
      xml: '<row><c r="B1" t="s"><v>2</v></c></row>',
      split: '<row><c r="B1" t="s"><v>2</v></c></ro'.length,
      cells: { B: '丙' },
    },
    {
      boundary: 3 * MB,
      xml: '<row><c r="C1"><v>1234567.25</v></c></row>',
      split: '<row><c r="C1"><v>1234'.length,
      cells: { C: 1234567.25 },
    },
  ];
  for (let k = 1; k <= 30_000; k++) {
    if (k === 15_000) add('<row r="24999"/>', null, 24_999);
    const xml = `<row><c t="inlineStr"><is><t>温州企业第${k}号</t></is></c><c r="C${k}"><v>${k * 1.5}</v></c><c t="s"><v>${k % 3}</v></c></row>`;
    const feature = features[0];
    if (feature && bytes + Buffer.byteLength(xml) + fillerLength > feature.boundary - feature.split) {
      const gap = feature.boundary - feature.split - bytes;
      add(FILLER.replace('<t></t>', `<t>${'x'.repeat(gap - fillerLength)}</t>`), { A: 'x'.repeat(gap - fillerLength) });
      add(feature.xml, feature.cells);
      features.shift();
    }
    add(xml, { A: `温州企业第${k}号`, C: k * 1.5, D: strings[k % 3] });
  }
  pieces.push(
    '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>',
  );
  const xml = Buffer.from(pieces.join(''), 'utf8');
  expect(features).toEqual([]);
  return {
    xml,
    expected,
    file: handWorkbook({
      sheets: [{ name: '大表', xml: xml.toString('utf8') }],
      strings: strings.map((s) => `<t>${s}</t>`),
    }),
  };
}

describe('R3.1 import of a sheet larger than one inflate chunk', () => {
  it(
    'reads every row, in order and numbered, when rows and characters are cut at the chunk boundaries',
    { timeout: 30_000 },
    async () => {
      const { xml, expected, file } = bigSheet();
      // The arrangement is real: the boundaries cut 中, </row> and 1234567.25.
      expect(xml.subarray(MB - 1, MB + 2).toString('utf8')).toBe('中');
      expect(xml.toString('latin1', 2 * MB - 4, 2 * MB + 2)).toBe('</row>');
      expect(xml.toString('latin1', 3 * MB - 4, 3 * MB + 6)).toBe('1234567.25');
      const chunks: number[] = [];
      for await (const chunk of inflateEntryChunks(file, zipEntries(file).get('xl/worksheets/sheet1.xml')!, 1 << 30))
        chunks.push(chunk.length);
      expect(chunks).toEqual([MB, MB, MB, xml.length - 3 * MB]);

      const { batches, rows } = await readSheet(openWorkbook(file), '大表');
      expect(batches.length).toBe(4);
      // 30 000 rows, three fillers and three feature rows; the self-closing <row r="24999"/> is not yielded.
      expect(rows.length).toBe(30_006);
      expect(rows.map((row) => row.number)).toEqual(expected.map(([number]) => number));
      expect(table(rows)).toEqual(expected);
      const byNumber = new Map(table(rows));
      expect(byNumber.get(1)).toEqual({ A: '温州企业第1号', C: 1.5, D: '乙' });
      expect(byNumber.get(24_999)).toBeUndefined();
      expect(byNumber.get(25_000)).toEqual({ A: '温州企业第15000号', C: 22_500, D: '甲' });
      expect(rows.at(-1)).toEqual({
        number: 40_004,
        values: [undefined, '温州企业第30000号', undefined, 45_000, '甲'],
      });
      expect(rows.filter((row) => row.values[1] === '跨块中文').map((row) => cellsOf(row.values))).toEqual([
        { A: '跨块中文', B: 1 },
      ]);
      expect(rows.filter((row) => row.values[3] === 1234567.25).length).toBe(1);
    },
  );

  it('reads a row longer than a whole chunk (2.5 MB of text in one cell)', { timeout: 30_000 }, async () => {
    const long = '温'.repeat(850_000);
    const file = oneSheet(
      `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>${long}</t></is></c><c r="B2"><v>2</v></c></row><row><c><v>3</v></c></row>`,
    );
    const sheetSize = zipEntries(file).get('xl/worksheets/sheet1.xml')!.size;
    expect(sheetSize).toBeGreaterThan(2 * MB);
    expect(sheetSize).toBeLessThan(3 * MB);
    const { batches, rows } = await readSheet(openWorkbook(file), 'Sheet1');
    expect(rows.map((row) => row.number)).toEqual([1, 2, 3]);
    expect(rows[1]!.values[1]).toBe(long);
    expect(rows[1]!.values[2]).toBe(2);
    expect(rows[2]!.values[1]).toBe(3);
    // Three chunks, two batches: chunk 2 holds no </row>, so its bytes wait for chunk 3, which ends rows 2 and 3.
    expect(batches.map((batch) => batch.map((row) => row.number))).toEqual([[1], [2, 3]]);
  });

  it('reads a stored sheet of several MB as one chunk', { timeout: 30_000 }, async () => {
    const { expected, xml } = bigSheet();
    const file = handWorkbook({
      sheets: [{ name: '大表', xml: xml.toString('utf8') }],
      strings: ['<t>甲</t>', '<t>乙</t>', '<t>丙</t>'],
      stored: true,
    });
    const { batches, rows } = await readSheet(openWorkbook(file), '大表');
    expect(batches.length).toBe(1);
    expect(table(rows)).toEqual(expected);
  });
});

// ── damaged and wrong files ─────────────────────────────────────────────────────────────────────────────────────

/** A sheet of about 1.2 MB of XML (two inflate chunks, many deflate blocks), for damage inside its data. */
const MEDIUM_ROWS = 12_000;
const mediumXml = worksheetXml(
  Array.from(
    { length: MEDIUM_ROWS },
    (_, i) =>
      `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>企业${i + 1}</t></is></c><c r="B${i + 1}"><v>${(i * 7919) % 10_007}</v></c></row>`,
  ).join(''),
);
const mediumWorkbook = (parts?: HandWorkbook['parts']) =>
  handWorkbook({ sheets: [{ name: 'Sheet1', xml: mediumXml }], strings: ['<t>甲</t>'], parts });
/** The rows whose </row> lies in the first 1 MB chunk. */
const rowsInFirstChunk = Buffer.from(mediumXml).subarray(0, MB).toString('latin1').split('</row>').length - 1;
const SHEET_PATH = 'xl/worksheets/sheet1.xml';

describe('R3.1 import of damaged or wrong files: refused with the Chinese reason, never hanging', () => {
  it('refuses a file that is not a zip (.xls, CSV, empty) as not an .xlsx', () => {
    for (const file of [
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      Buffer.from('统一社会信用代码,企业名称\n91330300MA2XXXXX1A,温州\n', 'utf8'),
      Buffer.alloc(0),
      Buffer.from('PK'),
    ]) {
      expectError(
        thrown(() => openWorkbook(file)),
        WorkbookFormatError,
        NOT_XLSX,
      );
    }
  });

  it('refuses a file cut short (no end of the central directory) as incomplete', async () => {
    const file = await excelJsWorkbook();
    for (const length of [file.length - 1, file.length - 22, Math.floor(file.length / 2), 100]) {
      expectError(
        thrown(() => openWorkbook(file.subarray(0, length))),
        ZipDamagedError,
        CUT,
      );
    }
  });

  it('refuses a zip without xl/workbook.xml, or whose _rels/.rels names a missing part, as not a workbook', () => {
    expectError(
      thrown(() =>
        openWorkbook(
          zip([
            { name: '[Content_Types].xml', data: '<Types/>' },
            { name: SHEET_PATH, data: worksheetXml('') },
          ]),
        ),
      ),
      WorkbookFormatError,
      NOT_A_WORKBOOK,
    );
    expectError(
      thrown(() => openWorkbook(oneSheet('', { parts: { 'xl/workbook.xml': null } }))),
      WorkbookFormatError,
      NOT_A_WORKBOOK,
    );
    const pointingElsewhere = zip([
      {
        name: '_rels/.rels',
        data: `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="book/workbook.xml"/></Relationships>`,
      },
      { name: 'xl/workbook.xml', data: `<workbook xmlns="${MAIN_NS}"><sheets/></workbook>` },
    ]);
    expectError(
      thrown(() => openWorkbook(pointingElsewhere)),
      WorkbookFormatError,
      NOT_A_WORKBOOK,
    );
  });

  it('refuses a sheet name that does not exist, or whose part or relationship is missing, when its rows are read', async () => {
    const workbook = openWorkbook(oneSheet('<row r="1"><c r="A1"><v>1</v></c></row>'));
    expectError(
      (await readUntilError(workbook, '不存在')).error,
      WorkbookFormatError,
      '工作表“不存在”缺失，请在 Excel 中重新保存后上传',
    );
    expectError(
      (await readUntilError(workbook, 'sheet1')).error,
      WorkbookFormatError,
      '工作表“sheet1”缺失，请在 Excel 中重新保存后上传',
    );

    const noPart = openWorkbook(oneSheet('', { parts: { [SHEET_PATH]: null } }));
    expect(noPart.sheetNames).toEqual(['Sheet1']);
    expectError(
      (await readUntilError(noPart, 'Sheet1')).error,
      WorkbookFormatError,
      '工作表“Sheet1”缺失，请在 Excel 中重新保存后上传',
    );

    const noRels = openWorkbook(oneSheet('', { parts: { 'xl/_rels/workbook.xml.rels': null } }));
    expect(noRels.sheetNames).toEqual(['Sheet1']);
    expectError(
      (await readUntilError(noRels, 'Sheet1')).error,
      WorkbookFormatError,
      '工作表“Sheet1”缺失，请在 Excel 中重新保存后上传',
    );
  });

  it(
    'opens a workbook whose sheet is damaged, and refuses the sheet when its rows are read (a flipped byte)',
    { timeout: 10_000 },
    async () => {
      const file = mediumWorkbook();
      const entry = zipEntries(file).get(SHEET_PATH)!;
      expect(entry.compressedSize).toBeGreaterThan(10_000);
      for (const fraction of [0, 0.001, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999]) {
        const damaged = Buffer.from(file);
        flip(damaged, entry.dataStart + Math.floor(fraction * (entry.compressedSize - 1)), 0x42);
        const workbook = openWorkbook(damaged);
        expect(workbook.sheetNames).toEqual(['Sheet1']);
        expectError((await readUntilError(workbook, 'Sheet1')).error, ZipDamagedError, DAMAGED);
      }
    },
  );

  it(
    'refuses a sheet whose recorded CRC-32 is wrong only after its last row: the whole read must be discarded',
    { timeout: 10_000 },
    async () => {
      const good = mediumWorkbook();
      const entry = zipEntries(good).get(SHEET_PATH)!;
      const { rows, error } = await readUntilError(
        openWorkbook(mediumWorkbook({ [SHEET_PATH]: { recordedCrc: entry.crc ^ 1 } })),
        'Sheet1',
      );
      expect(rows.length).toBe(MEDIUM_ROWS);
      expect(rows.at(-1)!.number).toBe(MEDIUM_ROWS);
      expectError(error, ZipDamagedError, DAMAGED);
    },
  );

  it(
    'refuses a sheet whose recorded size is smaller than its inflated size, by one byte or by far',
    { timeout: 10_000 },
    async () => {
      const size = zipEntries(mediumWorkbook()).get(SHEET_PATH)!.size;
      expect(size).toBe(Buffer.byteLength(mediumXml));
      expect(size).toBeGreaterThan(MB);
      // One byte less: the first chunk's rows are read, the second chunk passes the size.
      const byOne = await readUntilError(
        openWorkbook(mediumWorkbook({ [SHEET_PATH]: { recordedSize: size - 1 } })),
        'Sheet1',
      );
      expect(rowsInFirstChunk).toBeGreaterThan(9000);
      expect(byOne.rows.length).toBe(rowsInFirstChunk);
      expectError(byOne.error, ZipDamagedError, DAMAGED);
      // A recorded 1 KB: the first 1 MB chunk already outgrows it, so no row is read.
      const byFar = await readUntilError(
        openWorkbook(mediumWorkbook({ [SHEET_PATH]: { recordedSize: 1024 } })),
        'Sheet1',
      );
      expect(byFar.rows).toEqual([]);
      expectError(byFar.error, ZipDamagedError, DAMAGED);
      const larger = await readUntilError(
        openWorkbook(mediumWorkbook({ [SHEET_PATH]: { recordedSize: size + 1 } })),
        'Sheet1',
      );
      expect(larger.rows.length).toBe(MEDIUM_ROWS);
      expectError(larger.error, ZipDamagedError, DAMAGED);
    },
  );

  it('refuses, before reading a row, a sheet that claims more than 1 GB unpacked (zip bomb)', async () => {
    const claim = await readUntilError(
      openWorkbook(mediumWorkbook({ [SHEET_PATH]: { recordedSize: 1024 * 1024 * 1024 + 1 } })),
      'Sheet1',
    );
    expect(claim.rows).toEqual([]);
    expectError(claim.error, ZipDamagedError, TOO_LARGE);
    // Exactly 1 GB is within the cap: what fails then is the size check.
    const atCap = await readUntilError(
      openWorkbook(mediumWorkbook({ [SHEET_PATH]: { recordedSize: 1024 * 1024 * 1024 } })),
      'Sheet1',
    );
    expectError(atCap.error, ZipDamagedError, DAMAGED);
  });

  it('refuses on opening a workbook whose small parts claim more than 256 MB or are damaged', () => {
    expectError(
      thrown(() => openWorkbook(mediumWorkbook({ 'xl/sharedStrings.xml': { recordedSize: 256 * 1024 * 1024 + 1 } }))),
      ZipDamagedError,
      TOO_LARGE,
    );
    expect(() => openWorkbook(mediumWorkbook({ 'xl/sharedStrings.xml': { recordedSize: 256 * 1024 * 1024 } }))).toThrow(
      DAMAGED,
    );
    expectError(
      thrown(() => openWorkbook(mediumWorkbook({ 'xl/workbook.xml': { recordedCrc: 0 } }))),
      ZipDamagedError,
      DAMAGED,
    );
    expectError(
      thrown(() => openWorkbook(mediumWorkbook({ '_rels/.rels': { recordedSize: 10 } }))),
      ZipDamagedError,
      DAMAGED,
    );
    const file = mediumWorkbook();
    const strings = zipEntries(file).get('xl/sharedStrings.xml')!;
    const flipped = Buffer.from(file);
    flip(flipped, strings.dataStart + 3, 0xff);
    expectError(
      thrown(() => openWorkbook(flipped)),
      ZipDamagedError,
      DAMAGED,
    );
  });

  it('refuses a damaged stored sheet before yielding a row', async () => {
    const file = handWorkbook({
      sheets: [{ name: 'Sheet1', xml: worksheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }],
      stored: true,
    });
    const entry = zipEntries(file).get(SHEET_PATH)!;
    const damaged = Buffer.from(file);
    flip(damaged, entry.dataStart + entry.size - 20, 0x01);
    const { rows, error } = await readUntilError(openWorkbook(damaged), 'Sheet1');
    expect(rows).toEqual([]);
    expectError(error, ZipDamagedError, DAMAGED);
  });
});
