/**
 * GB/T 4754-2017 国民经济行业分类 code structure: 门类 (section, one letter A–T), 大类 (division, 2 digits),
 * 中类 (group, 3 digits), 小类 (class, 4 digits). A code's parent is the code one level up; a division's
 * parent is its section, fixed by the standard's division ranges.
 */
export const INDUSTRY_LEVELS = ['section', 'division', 'group', 'class'] as const;
export type IndustryLevel = (typeof INDUSTRY_LEVELS)[number];

export const INDUSTRY_LEVEL_LABELS: Record<IndustryLevel, string> = {
  section: '门类',
  division: '大类',
  group: '中类',
  class: '小类',
};

const INDUSTRY_CODE_PATTERN = /^(?:[A-T]|\d{2,4})$/;

export function isWellFormedIndustryCode(code: string): boolean {
  return INDUSTRY_CODE_PATTERN.test(code);
}

export function industryLevel(code: string): IndustryLevel {
  if (/^[A-T]$/.test(code)) return 'section';
  const level = INDUSTRY_LEVELS[code.length - 1];
  if (!level || !isWellFormedIndustryCode(code)) throw new Error(`不是合法的行业代码：${code}`);
  return level;
}

/** 0 for 门类 … 3 for 小类: the more specific, the higher. */
export function industrySpecificity(code: string): number {
  return INDUSTRY_LEVELS.indexOf(industryLevel(code));
}

/** Division ranges of each section, as in the standard (A 01–05, B 06–12, C 13–43, …). */
const SECTION_DIVISION_RANGES: ReadonlyArray<readonly [string, number, number]> = [
  ['A', 1, 5],
  ['B', 6, 12],
  ['C', 13, 43],
  ['D', 44, 46],
  ['E', 47, 50],
  ['F', 51, 52],
  ['G', 53, 60],
  ['H', 61, 62],
  ['I', 63, 65],
  ['J', 66, 69],
  ['K', 70, 70],
  ['L', 71, 72],
  ['M', 73, 75],
  ['N', 76, 79],
  ['O', 80, 82],
  ['P', 83, 83],
  ['Q', 84, 85],
  ['R', 86, 90],
  ['S', 91, 96],
  ['T', 97, 97],
];

export function sectionOfDivision(division: string): string | null {
  const number = Number(division);
  const range = SECTION_DIVISION_RANGES.find(([, from, to]) => number >= from && number <= to);
  return range ? range[0] : null;
}

export function parentIndustryCode(code: string): string | null {
  switch (industryLevel(code)) {
    case 'section':
      return null;
    case 'division':
      return sectionOfDivision(code);
    case 'group':
    case 'class':
      return code.slice(0, -1);
  }
}

/** The code and every code above it, most general first: '3612' → ['C', '36', '361', '3612']. */
export function industryLineage(code: string): string[] {
  const lineage: string[] = [];
  let current: string | null = code;
  while (current !== null) {
    lineage.unshift(current);
    current = parentIndustryCode(current);
  }
  return lineage;
}

/** Whether `code` is `ancestor` or lies below it. */
export function isWithinIndustry(code: string, ancestor: string): boolean {
  return industryLineage(code).includes(ancestor);
}
