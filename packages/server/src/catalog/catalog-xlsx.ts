import { loadExcelJS } from '../platform/lazy-libraries.ts';
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
import { CATALOG_SHEET, catalogSheetRows, CatalogSheetProblem } from './catalog-sheet-reader.ts';
import { excelColumns, excelDay, NUMBER_FORMATS, styleHeaderRow, type SheetColumn } from '../platform/xlsx-format.ts';

/** Column headers of the catalog workbook; the import reads the same headers, in any order. */
const COLUMNS: SheetColumn[] = [
  { key: 'position', header: '序号', kind: 'integer' },
  { key: 'category', header: '类别' },
  { key: 'industryCode', header: '行业代码' },
  { key: 'industryName', header: '行业名称', width: 20 },
  { key: 'keywords', header: '关键词', width: 16 },
  { key: 'basis', header: '列入依据', width: 30 },
  { key: 'note', header: '备注', width: 30 },
];
const SHEET_NAME = CATALOG_SHEET;
const KEYWORD_SEPARATOR = /[、,，;；\s]+/;

export type CatalogWorkbookMeta = {
  platformName: string;
  version: string;
  stateLabel: string;
  effectiveDate: string | null;
};

export async function buildCatalogWorkbook(
  meta: CatalogWorkbookMeta,
  items: readonly CatalogItemView[],
): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'PGS 平台产业管理引导系统';
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  const rows = items.map((item, index) => ({
    position: index + 1,
    category: CATEGORY_LABELS[item.category],
    industryCode: item.industryCode,
    industryName: item.industryName ?? '',
    keywords: item.keywords.join('、'),
    basis: BASIS_LABELS[item.basis],
    note: item.note,
  }));
  const columns = excelColumns(COLUMNS, rows);
  sheet.columns = columns;
  styleHeaderRow(sheet, columns);
  for (const row of rows) sheet.addRow(row);
  // Codes stay text, so Excel keeps the leading zero of 大类 such as "01".
  sheet.getColumn('industryCode').numFmt = '@';
  sheet.autoFilter = { from: 'A1', to: 'G1' };

  const about = workbook.addWorksheet('说明');
  about.addRows([
    ['平台', meta.platformName],
    ['目录版本', meta.version],
    ['状态', meta.stateLabel],
    ['生效日期', excelDay(meta.effectiveDate) ?? '未发布'],
    [],
    [
      '填写说明',
      '类别填“鼓励类”“限制类”或“淘汰类”；行业代码为 GB/T 4754-2017 门类字母或 2–4 位数字；关键词用顿号分隔，可空；列入依据填下列之一。',
    ],
    ...CATALOG_BASES.map((basis) => ['列入依据', BASIS_LABELS[basis]]),
  ]);
  about.getCell('B4').numFmt = NUMBER_FORMATS.day;
  about.getCell('B4').alignment = { horizontal: 'left' };
  about.getColumn(1).width = 12;
  about.getColumn(2).width = 90;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type ImportRowError = { row: number; column: string; message: string };
export type ParsedCatalogRow = { row: number; item: CatalogItemInput };

function parseCategory(text: string) {
  return CATALOG_CATEGORIES.find(
    (category) =>
      category === text || CATEGORY_LABELS[category] === text || CATEGORY_LABELS[category].replace('类', '') === text,
  );
}

function parseBasis(text: string) {
  return CATALOG_BASES.find(
    (basis) =>
      basis === text || BASIS_LABELS[basis] === text || LEGACY_BASIS_LABELS[basis] === text || text.startsWith(basis),
  );
}

/** Reads a catalog workbook: every bad cell becomes a row error with its Excel row number and column header. */
export async function parseCatalogWorkbook(
  buffer: Buffer,
): Promise<{ rows: ParsedCatalogRow[]; errors: ImportRowError[] }> {
  const rows: ParsedCatalogRow[] = [];
  const errors: ImportRowError[] = [];
  try {
    for await (const { number, read } of catalogSheetRows(buffer)) {
      const problems: ImportRowError[] = [];
      const cell = (header: string) => {
        const text = read(header);
        if (typeof text === 'string') return text;
        problems.push({ row: number, column: header, message: text.problem });
        return '';
      };
      const raw = {
        category: cell('类别'),
        industryCode: cell('行业代码'),
        keywords: cell('关键词'),
        basis: cell('列入依据'),
        note: cell('备注'),
      };
      if (problems.length === 0 && Object.values(raw).every((value) => value === '')) continue;
      errors.push(...problems);
      if (problems.length > 0) continue;
      const category = parseCategory(raw.category);
      const basis = parseBasis(raw.basis);
      if (!category)
        errors.push({
          row: number,
          column: '类别',
          message: `类别“${raw.category}”无法识别，应为鼓励类、限制类或淘汰类`,
        });
      if (!basis)
        errors.push({
          row: number,
          column: '列入依据',
          message: `列入依据“${raw.basis}”无法识别，请从“说明”页的列表中选择`,
        });
      if (!category || !basis) continue;
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
          errors.push({ row: number, column, message: issue.message });
        }
        continue;
      }
      rows.push({ row: number, item: parsed.data });
    }
  } catch (error) {
    if (error instanceof CatalogSheetProblem) return { rows: [], errors: [error.problem] };
    throw error;
  }
  return { rows, errors };
}
