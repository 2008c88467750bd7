/**
 * R2.2: the five evaluation dimensions of 准入论证评估 and the default 100-point sheet. The item split follows the
 * Shou County project-scoring template (DOMAIN-FACTS.md §6.1: industry class, output and tax scale and intensity,
 * investor strength …) mapped onto the five dimensions the policy names. A sheet is data: the bureau may keep
 * another one, so nothing here is special-cased by item code.
 */
export const EVALUATION_DIMENSIONS = ['input_output', 'tax', 'energy_emission', 'investor', 'technology'] as const;
export type EvaluationDimension = (typeof EVALUATION_DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<EvaluationDimension, string> = {
  input_output: '投入产出',
  tax: '税收贡献',
  energy_emission: '节能减排',
  investor: '投资主体',
  technology: '科技含量',
};

export type SheetItem = {
  code: string;
  dimension: EvaluationDimension;
  label: string;
  maxScore: number;
  guidance: string;
};
export type EvaluationSheet = { name: string; passMark: number; items: SheetItem[] };

export const DEFAULT_EVALUATION_SHEET: EvaluationSheet = {
  name: '招商项目准入评估评分表（默认，100 分）',
  passMark: 60,
  items: [
    {
      code: 'industry_class',
      dimension: 'input_output',
      label: '产业类别',
      maxScore: 10,
      guidance: '目录鼓励类 10 分，允许类 5 分，限制类 0 分',
    },
    {
      code: 'investment_intensity',
      dimension: 'input_output',
      label: '投资强度',
      maxScore: 10,
      guidance: '≥ 350 万元/亩满分，不足按比例扣分',
    },
    {
      code: 'output_intensity',
      dimension: 'input_output',
      label: '产出强度',
      maxScore: 10,
      guidance: '≥ 400 万元/亩满分，每少 10 万元/亩扣 0.1 分',
    },
    {
      code: 'tax_scale',
      dimension: 'tax',
      label: '税收规模',
      maxScore: 10,
      guidance: '预计年税收总额，按行业水平评定',
    },
    {
      code: 'tax_intensity',
      dimension: 'tax',
      label: '税收强度',
      maxScore: 15,
      guidance: '≥ 40 万元/亩满分，不足按比例扣分',
    },
    {
      code: 'energy',
      dimension: 'energy_emission',
      label: '能耗水平',
      maxScore: 8,
      guidance: '单位增加值能耗低于全市平均得满分',
    },
    {
      code: 'emission',
      dimension: 'energy_emission',
      label: '排放水平',
      maxScore: 7,
      guidance: '无新增主要污染物排放或可区域平衡得满分',
    },
    {
      code: 'investor_strength',
      dimension: 'investor',
      label: '投资主体实力',
      maxScore: 10,
      guidance: '世界/中国 500 强、央企、行业龙头得满分',
    },
    {
      code: 'investor_credit',
      dimension: 'investor',
      label: '投资主体信用',
      maxScore: 5,
      guidance: '无失信、无重大违法记录得满分',
    },
    {
      code: 'technology_level',
      dimension: 'technology',
      label: '技术水平',
      maxScore: 10,
      guidance: '国内领先或填补空白得满分',
    },
    {
      code: 'rd_capacity',
      dimension: 'technology',
      label: '研发能力',
      maxScore: 5,
      guidance: '有研发机构、发明专利或研发投入占比 ≥ 3% 得满分',
    },
  ],
};

export type SheetScores = Record<string, number>;

/** Checks a filled sheet: every item scored, 0 ≤ score ≤ its maximum, no unknown items. Chinese problems, one per item. */
export function sheetProblems(sheet: EvaluationSheet, scores: SheetScores): string[] {
  const problems: string[] = [];
  const known = new Set(sheet.items.map((item) => item.code));
  for (const code of Object.keys(scores)) if (!known.has(code)) problems.push(`评分表中没有“${code}”这一项`);
  for (const item of sheet.items) {
    const score = scores[item.code];
    if (score === undefined) problems.push(`“${item.label}”未评分`);
    else if (!Number.isFinite(score) || score < 0 || score > item.maxScore)
      problems.push(`“${item.label}”的得分应在 0–${item.maxScore} 之间，实为 ${score}`);
  }
  return problems;
}

/** Total and per-dimension subtotals, summed in tenths so 0.1 + 0.2 is 0.3 (D1). */
export function scoreSheet(sheet: EvaluationSheet, scores: SheetScores) {
  const tenths = (value: number) => Math.round(value * 10);
  const byDimension = Object.fromEntries(EVALUATION_DIMENSIONS.map((d) => [d, 0])) as Record<
    EvaluationDimension,
    number
  >;
  let total = 0;
  for (const item of sheet.items) {
    const score = tenths(scores[item.code] ?? 0);
    byDimension[item.dimension] += score;
    total += score;
  }
  for (const dimension of EVALUATION_DIMENSIONS) byDimension[dimension] /= 10;
  const maxTotal = sheet.items.reduce((sum, item) => sum + tenths(item.maxScore), 0) / 10;
  return { total: total / 10, maxTotal, byDimension, reachesPassMark: total / 10 >= sheet.passMark };
}
