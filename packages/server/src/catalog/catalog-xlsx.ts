import ExcelJS from 'exceljs';
import {
  BASIS_LABELS,
  LEGACY_BASIS_LABELS,
  CATALOG_BASES,
  CATALOG_CATEGORIES,
  CATEGORY_LABELS,
  catalogItemInputSchema,
  type CatalogItemInput,
  type CatalogItemView,
} from '@pgs/domain';

/** Column headers of the catalog workbook; the import reads the same headers, in any order. */
const COLUMNS = [
  { key: 'position', header: '序号', width: 8 },
  { key: 'category', header: '类别', width: 10 },
  { key: 'industryCode', header: '行业代码', width: 12 },
  { key: 'industryName', header: '行业名称', width: 30 },
  { key: 'keywords', header: '关键词', width: 24 },
  { key: 'basis', header: '列入依据', width: 48 },
  { key: 'note', header: '备注', width: 60 },
] as const;
const SHEET_NAME = '准入目录';
const KEYWORD_SEPARATOR = /[、,，;；\s]+/;

export type CatalogWorkbookMeta = { platformName: string; version: string; stateLabel: string; effectiveDate: string | null };

export async function buildCatalogWorkbook(meta: CatalogWorkbookMeta, items: readonly CatalogItemView[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PGS 平台产业管理引导系统';
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  items.forEach((item, index) =>
    sheet.addRow({
      position: index + 1,
      category: CATEGORY_LABELS[item.category],
      industryCode: item.industryCode,
      industryName: item.industryName ?? '',
      keywords: item.keywords.join('、'),
      basis: BASIS_LABELS[item.basis],
      note: item.note,
    }),
  );
  // Codes stay text, so Excel keeps the leading zero of 大类 such as "01".
  sheet.getColumn('industryCode').numFmt = '@';
  sheet.autoFilter = { from: 'A1', to: 'G1' };

  const about = workbook.addWorksheet('说明');
  about.addRows([
    ['平台', meta.platformName],
    ['目录版本', meta.version],
    ['状态', meta.stateLabel],
    ['生效日期', meta.effectiveDate ?? '未发布'],
    [],
    ['填写说明', '类别填“鼓励类”“限制类”或“淘汰类”；行业代码为 GB/T 4754-2017 门类字母或 2–4 位数字；关键词用顿号分隔，可空；列入依据填下列之一。'],
    ...CATALOG_BASES.map((basis) => ['列入依据', BASIS_LABELS[basis]]),
  ]);
  about.getColumn(1).width = 12;
  about.getColumn(2).width = 90;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type ImportRowError = { row: number; column: string; message: string };
export type ParsedCatalogRow = { row: number; item: CatalogItemInput };

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return String(value.result ?? '');
  }
  return String(value);
}

function parseCategory(text: string) {
  return CATALOG_CATEGORIES.find((category) => category === text || CATEGORY_LABELS[category] === text || CATEGORY_LABELS[category].replace('类', '') === text);
}

function parseBasis(text: string) {
  return CATALOG_BASES.find((basis) => basis === text || BASIS_LABELS[basis] === text || LEGACY_BASIS_LABELS[basis] === text || text.startsWith(basis));
}

/** Reads a catalog workbook: every bad cell becomes a row error with its Excel row number and column header. */
export async function parseCatalogWorkbook(buffer: Buffer): Promise<{ rows: ParsedCatalogRow[]; errors: ImportRowError[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { rows: [], errors: [{ row: 0, column: '', message: '文件不是有效的 Excel（.xlsx）文件' }] };
  }
  const sheet = workbook.getWorksheet(SHEET_NAME) ?? workbook.worksheets[0];
  if (!sheet) return { rows: [], errors: [{ row: 0, column: '', message: '工作簿中没有工作表' }] };
  const headerIndex = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, column) => headerIndex.set(cellText(cell.value).trim(), column));
  const missing = ['类别', '行业代码', '列入依据'].filter((header) => !headerIndex.has(header));
  if (missing.length > 0) {
    return { rows: [], errors: [{ row: 1, column: '', message: `表头缺少列：${missing.join('、')}（请使用导出的模板）` }] };
  }
  const read = (row: ExcelJS.Row, header: string) => {
    const column = headerIndex.get(header);
    return column ? cellText(row.getCell(column).value).trim() : '';
  };
  const rows: ParsedCatalogRow[] = [];
  const errors: ImportRowError[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const raw = { category: read(row, '类别'), industryCode: read(row, '行业代码'), keywords: read(row, '关键词'), basis: read(row, '列入依据'), note: read(row, '备注') };
    if (Object.values(raw).every((value) => value === '')) return;
    const category = parseCategory(raw.category);
    const basis = parseBasis(raw.basis);
    if (!category) errors.push({ row: rowNumber, column: '类别', message: `类别“${raw.category}”无法识别，应为鼓励类、限制类或淘汰类` });
    if (!basis) errors.push({ row: rowNumber, column: '列入依据', message: `列入依据“${raw.basis}”无法识别，请从“说明”页的列表中选择` });
    if (!category || !basis) return;
    const parsed = catalogItemInputSchema.safeParse({
      category,
      industryCode: raw.industryCode.toUpperCase(),
      keywords: raw.keywords ? raw.keywords.split(KEYWORD_SEPARATOR).filter(Boolean) : [],
      basis,
      note: raw.note,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        const column = { industryCode: '行业代码', keywords: '关键词', note: '备注' }[field] ?? field;
        errors.push({ row: rowNumber, column, message: issue.message });
      }
      return;
    }
    rows.push({ row: rowNumber, item: parsed.data });
  });
  return { rows, errors };
}
