import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../platform/lazy-libraries.ts';
import { COCKPIT_FIGURES, type CockpitView } from '@pgs/domain';
import { excelColumns, excelDay, styleHeaderRow, type SheetColumn } from '../platform/xlsx-format.ts';

/**
 * The cockpit's figures as one sheet (issue #14: "an Excel export of the figures"): a row per figure, a column per
 * platform (and the city), each number exact with its unit and the sentence explaining it, plus the landed ≥ 20亿
 * projects and the warnings on a second and third sheet so each figure's rows travel with it.
 */
export async function cockpitWorkbook(view: CockpitView): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  const columns: SheetColumn[] = [
    { header: '板块', key: 'section' },
    { header: '指标', key: 'label', width: 22 },
    { header: '单位', key: 'unit' },
    ...view.platforms.map((p) => ({ header: p.platformName, key: p.platformKey, kind: 'decimal' as const })),
    ...(view.city ? [{ header: '三平台合计', key: 'city', kind: 'decimal' as const }] : []),
    { header: '说明', key: 'explanation', width: 60 },
  ];
  // Percentages are shown "65.0%": the sheet keeps the number (65.0) with the unit column saying %.
  const numeric = (value: string | number | null) =>
    value === null ? null : typeof value === 'number' ? value : Number(value.replace('%', ''));
  const rows = COCKPIT_FIGURES.map((def) => ({
    section: def.section,
    label: def.label,
    unit: def.unit,
    explanation: def.explanation,
    ...Object.fromEntries(view.platforms.map((p) => [p.platformKey, numeric(def.value(p.figures))])),
    ...(view.city ? { city: numeric(def.value(view.city)) } : {}),
  }));
  addSheet(workbook, `${view.year}年驾驶舱（截至${view.asOf}）`.slice(0, 31), columns, rows);

  const large = view.platforms.flatMap((p) =>
    p.figures.landed.large.map((project) => ({
      platform: p.platformName,
      id: project.id,
      name: project.name,
      totalInvestment: Number(project.totalInvestment),
      landedOn: excelDay(project.landedOn),
    })),
  );
  addSheet(
    workbook,
    '20亿元以上落地项目',
    [
      { header: '平台', key: 'platform' },
      { header: '项目编号', key: 'id', kind: 'integer' },
      { header: '项目名称', key: 'name', width: 30 },
      { header: '总投资（万元）', key: 'totalInvestment', kind: 'money' },
      { header: '落地日期', key: 'landedOn', kind: 'day' },
    ],
    large,
  );
  const warnings = view.platforms.flatMap((p) =>
    (p.figures.assessment?.warnings ?? []).map((w) => ({
      platform: p.platformName,
      year: p.figures.assessment?.year ?? null,
      label: w.label,
      reason: w.reason,
    })),
  );
  addSheet(
    workbook,
    '考核预警',
    [
      { header: '平台', key: 'platform' },
      { header: '考核年度', key: 'year', kind: 'integer' },
      { header: '预警', key: 'label' },
      { header: '原因', key: 'reason', width: 60 },
    ],
    warnings,
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly SheetColumn[],
  rows: readonly Record<string, unknown>[],
): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const sized = excelColumns(columns, rows);
  sheet.columns = sized;
  styleHeaderRow(sheet, sized);
  for (const row of rows) sheet.addRow(row);
}
