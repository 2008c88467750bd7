import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../platform/lazy-libraries.ts';
import {
  D_SHARE_BAND,
  EVALUATION_CLASS_LABELS,
  EVALUATION_SET_LABELS,
  MEASURE_LABELS,
  MISSING_VALUE_RULE_LABELS,
  platformName,
  type EvaluationSetKey,
  type MeasureCode,
  type PlatformKey,
} from '@pgs/domain';
import {
  EVALUATION_RUN_STATUS_LABELS,
  type EvaluationResultView,
  type EvaluationRunDetail,
  type MeasureItemView,
  type RectificationItemView,
} from '@pgs/domain';
import { known } from '../platform/rows.ts';
import { streamWorkbook } from '../platform/xlsx-stream.ts';
import { excelColumns, excelTime, NUMBER_FORMATS, styleHeaderRow, type SheetColumn } from '../platform/xlsx-format.ts';

/**
 * Exports of the yearly evaluation, written for the civil servants who will filter them in Excel:
 * - results: an overview sheet (method, cuts, the city's and each platform's D share with the R3.2 verdict) and then
 *   ONE SHEET PER EVALUATION SET, because the sets score different indicators; on each, every indicator of the set
 *   has three columns — its value (with the unit), the benchmark it was measured against, and the points it earned
 *   out of its cap — followed by the total, rank, percentile and the sentence that set the class. A flattened text
 *   column would need reading cell by cell; columns can be sorted and summed.
 * - measures (R3.3) and rectification (R3.4): one sheet each, amounts as numbers so they can be added up.
 */

const platformLabel = (key: PlatformKey | null) => (key ? platformName(key) : '平台外（全市其他区域）');
const percent = (fraction: number) => `${Math.round(fraction * 10_000) / 100}%`;

/** A figure in a sentence, as the page shows it: at most two decimals, with thousands separators. */
const figureText = (value: number | string) => Number(value).toLocaleString('zh-CN', { maximumFractionDigits: 2 });

const RESULT_HEAD: SheetColumn[] = [
  { header: '统一社会信用代码', key: 'creditCode', width: 20 },
  { header: '企业名称', key: 'name', width: 28 },
  { header: '所在平台', key: 'platform', width: 20 },
  { header: '等级', key: 'class' },
  { header: '基础分档等级（D 类占比调整前）', key: 'baseClass' },
  { header: '综合得分', key: 'score', kind: 'score' },
  { header: '组内排名', key: 'rank', kind: 'integer' },
  { header: '参评企业数', key: 'setSize', kind: 'integer' },
  { header: '百分位', key: 'percentile', kind: 'percent' },
];
const RESULT_TAIL: SheetColumn[] = [
  { header: '等级依据', key: 'classRule', width: 60 },
  { header: '不定等级原因', key: 'excludedReason', width: 30 },
];

function setColumns(run: EvaluationRunDetail, set: EvaluationSetKey): Partial<ExcelJS.Column>[] {
  const indicators = known(
    run.sets.find((s) => s.set === set),
    `set ${set} of the run`,
  ).indicators;
  return excelColumns([
    ...RESULT_HEAD,
    ...indicators.flatMap((item, k): SheetColumn[] => [
      { header: `${item.label}（${item.unit}）`, key: `v${k}`, kind: 'decimal' },
      {
        header: `${item.label}基准值（${item.benchmarkMode === 'mean' ? '组内平均' : '固定值'}）`,
        key: `b${k}`,
        kind: 'decimal',
      },
      { header: `${item.label}得分（权重 ${item.weight}，封顶 ${item.cap}）`, key: `s${k}`, kind: 'score' },
    ]),
    ...RESULT_TAIL,
  ]);
}

function resultRow(result: EvaluationResultView): Record<string, unknown> {
  const row: Record<string, unknown> = {
    creditCode: result.creditCode,
    name: result.name,
    platform: platformLabel(result.platformKey),
    class: EVALUATION_CLASS_LABELS[result.class],
    baseClass: EVALUATION_CLASS_LABELS[result.baseClass],
    score: result.score ?? '',
    rank: result.rank ?? '',
    setSize: result.setSize,
    percentile: result.percentile ?? '',
    classRule: result.classRule,
    excludedReason: result.excludedReason ?? '',
  };
  result.indicators.forEach((item, k) => {
    row[`v${k}`] = item.value ?? '缺失';
    row[`b${k}`] = item.benchmark ?? '';
    row[`s${k}`] = item.score ?? '';
  });
  return row;
}

function overviewRows(run: EvaluationRunDetail): [string, string | number | Date | null][] {
  const rows: [string, string | number | Date | null][] = [
    ['评价编号', run.id],
    ['评价年度', run.year],
    ['状态', EVALUATION_RUN_STATUS_LABELS[run.status]],
    ['评价办法', run.methodName],
    [
      '分档线（组内百分位）',
      `A 类前 ${percent(run.method.cuts.A)}，B 类至 ${percent(run.method.cuts.B)}，C 类至 ${percent(run.method.cuts.C)}，其余 D 类`,
    ],
    ['缺失值规则', MISSING_VALUE_RULE_LABELS[run.method.missingValue]],
    [
      '平台 D 类占比高出全市幅度',
      `${percent(run.method.dShareMargin)}（规定 ${percent(D_SHARE_BAND.min)}–${percent(D_SHARE_BAND.max)}）`,
    ],
    ['全市 D 类占比（基础分档，不含 T 类）', percent(run.cityDShare)],
  ];
  for (const platform of run.platforms) {
    rows.push([
      `${platformName(platform.platformKey)} D 类占比`,
      `${percent(platform.dShare)}（${platform.ruleHolds ? '符合' : '不符合'}规定）：${platform.reason}`,
    ]);
  }
  for (const set of run.sets) {
    const benchmarks = set.indicators
      .map((item) => `${item.label} ${item.benchmark === null ? '无' : `${figureText(item.benchmark)} ${item.unit}`}`)
      .join('；');
    rows.push([`${set.label}（参评 ${set.evaluated} 家，不定等级 ${set.excluded} 家）基准值`, benchmarks]);
  }
  rows.push(['创建人', run.createdBy], ['创建时间（北京时间）', excelTime(run.createdAt)]);
  if (run.publishedAt)
    rows.push(['发布人', run.publishedBy ?? ''], ['发布时间（北京时间）', excelTime(run.publishedAt)]);
  return rows;
}

/**
 * Results of a run: the overview sheet, then a sheet per set in `sets` order. Rows arrive ordered by set, so each
 * set's sheet is written and committed before the next begins (the streaming writer holds one sheet at a time).
 */
export function streamResultsWorkbook(
  run: EvaluationRunDetail,
  sets: readonly EvaluationSetKey[],
  rows: AsyncIterable<EvaluationResultView>,
): PassThrough {
  const stream = new PassThrough();
  const open = (workbook: ExcelJS.stream.xlsx.WorkbookWriter, set: EvaluationSetKey) => {
    const sheet = workbook.addWorksheet(EVALUATION_SET_LABELS[set], {
      views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }],
    });
    const columns = setColumns(run, set);
    sheet.columns = columns;
    styleHeaderRow(sheet, columns);
    return sheet;
  };
  void (async () => {
    try {
      const excel = await loadExcelJS();
      const workbook = new excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
      const overview = workbook.addWorksheet('评价概况');
      const overviewColumns = excelColumns([
        { header: '项目', key: 'item', width: 40 },
        { header: '内容', key: 'value', width: 100 },
      ]);
      overview.columns = overviewColumns;
      styleHeaderRow(overview, overviewColumns);
      for (const [item, value] of overviewRows(run)) {
        const row = overview.addRow({ item, value });
        if (value instanceof Date) row.getCell(2).numFmt = NUMBER_FORMATS.time;
        row.getCell(2).alignment = { horizontal: 'left', wrapText: typeof value === 'string' };
        row.commit();
      }
      overview.commit();
      let index = -1;
      let sheet: ExcelJS.Worksheet | null = null;
      for await (const result of rows) {
        for (let next = sets[index + 1]; sets[index] !== result.set && next !== undefined; next = sets[index + 1]) {
          sheet?.commit();
          index += 1;
          sheet = open(workbook, next);
        }
        sheet?.addRow(resultRow(result)).commit();
      }
      sheet?.commit();
      for (const set of sets.slice(index + 1)) open(workbook, set).commit();
      await workbook.commit();
    } catch (error) {
      stream.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return stream;
}

const amountOf = (item: MeasureItemView, code: MeasureCode) => {
  const measure = item.measures.find((m) => m.code === code);
  if (!measure) return '不适用';
  return measure.amount === undefined ? '未计算' : Number(measure.amount);
};
const applies = (item: MeasureItemView, code: MeasureCode) =>
  item.measures.some((m) => m.code === code) ? '是' : '否';

const MEASURE_COLUMNS: SheetColumn[] = [
  { header: '统一社会信用代码', key: 'creditCode', width: 20 },
  { header: '企业名称', key: 'name', width: 28 },
  { header: '所在平台', key: 'platform', width: 20 },
  { header: '等级', key: 'class' },
  { header: `${MEASURE_LABELS.electricity_surcharge}（万元/年）`, key: 'electricity', kind: 'money' },
  { header: `${MEASURE_LABELS.water_surcharge}（万元/年）`, key: 'water', kind: 'money' },
  { header: `${MEASURE_LABELS.energy_quota_cut}（吨标煤）`, key: 'energy', kind: 'decimal' },
  { header: MEASURE_LABELS.no_separate_land_supply, key: 'land' },
  { header: MEASURE_LABELS.no_new_emission_rights, key: 'emission' },
  { header: MEASURE_LABELS.no_government_rewards, key: 'rewards' },
  { header: '计算依据', key: 'basis', width: 60 },
];

/** R3.3 list: one row per C or D enterprise, each measure a column, and how every amount was computed. */
export function streamMeasuresWorkbook(rows: AsyncIterable<MeasureItemView>): PassThrough {
  return streamWorkbook('C、D类企业差别化措施', MEASURE_COLUMNS, rows, (item) => ({
    creditCode: item.creditCode,
    name: item.name,
    platform: platformLabel(item.platformKey),
    class: EVALUATION_CLASS_LABELS[item.class],
    electricity: amountOf(item, 'electricity_surcharge'),
    water: amountOf(item, 'water_surcharge'),
    energy: amountOf(item, 'energy_quota_cut'),
    land: applies(item, 'no_separate_land_supply'),
    emission: applies(item, 'no_new_emission_rights'),
    rewards: applies(item, 'no_government_rewards'),
    basis: item.measures.map((m) => `${m.label}：${m.basis}`).join('；'),
  }));
}

const RECTIFICATION_COLUMNS: SheetColumn[] = [
  { header: '统一社会信用代码', key: 'creditCode', width: 20 },
  { header: '企业名称', key: 'name', width: 28 },
  { header: '所在平台', key: 'platform', width: 20 },
  { header: '评价等级', key: 'class' },
  { header: '亩均税收（万元/亩）', key: 'taxPerMu', kind: 'decimal' },
  { header: '整治线（万元/亩，含本数）', key: 'bar', kind: 'decimal' },
  { header: '处置类别', key: 'track' },
  { header: '理由', key: 'reason', width: 60 },
];

/** R3.4 list: the figure, the bar it is at or under, the track (D16) and why. */
export function streamRectificationWorkbook(rows: AsyncIterable<RectificationItemView>): PassThrough {
  return streamWorkbook('亩均税收整治名单', RECTIFICATION_COLUMNS, rows, (item) => ({
    creditCode: item.creditCode,
    name: item.name,
    platform: platformLabel(item.platformKey),
    class: EVALUATION_CLASS_LABELS[item.class],
    taxPerMu: Number(item.taxPerMu),
    bar: Number(item.bar),
    track: item.trackLabel,
    reason: item.reason,
  }));
}
