import {
  industryLineage,
  industrySpecificity,
  INDUSTRY_LEVEL_LABELS,
  industryLevel,
} from '../industries/industry-code.ts';
import {
  BASIS_LABELS,
  CATEGORY_LABELS,
  CATEGORY_STRICTNESS,
  type CatalogItem,
  type ClassifyCategory,
} from './catalog-types.ts';

/** R1.5: what the system says of a code no item covers. It does not guess a class. */
export const UNLISTED_GUIDANCE = '按国家、省、市其他有关产业政策执行';

export type ClassifyInput = {
  items: readonly CatalogItem[];
  industryCode: string;
  /** Free text (product, process) that keyword-narrowed items are matched against. */
  text?: string;
  /** For the explanation: e.g. "浙南产业集聚区", "2018年本", and the code's name if known. */
  platformName: string;
  catalogVersion: string;
  industryName?: string;
};

export type ClassifyResult = {
  category: ClassifyCategory;
  item: CatalogItem | null;
  matchedKeyword: string | null;
  explanation: string;
};

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The keyword of `item` that `text` mentions; '' for an item without keywords (it covers the whole code). */
function keywordMatch(item: CatalogItem, text: string | undefined): string | null {
  if (item.keywords.length === 0) return '';
  if (!text) return null;
  const haystack = normalise(text);
  return item.keywords.find((keyword) => keyword.trim() && haystack.includes(normalise(keyword))) ?? null;
}

/**
 * R1.1/R1.5 classification of an industry code against one catalog version. The most specific matching code
 * wins (小类 over 中类 over 大类 over 门类); at equal specificity the stricter class wins (淘汰 over 限制 over
 * 鼓励); no match is `unlisted`.
 */
export function classifyIndustry(input: ClassifyInput): ClassifyResult {
  const lineage = industryLineage(input.industryCode);
  let best: { item: CatalogItem; keyword: string; specificity: number } | null = null;
  for (const item of input.items) {
    if (!lineage.includes(item.industryCode)) continue;
    const keyword = keywordMatch(item, input.text);
    if (keyword === null) continue;
    const specificity = industrySpecificity(item.industryCode);
    const beats =
      !best ||
      specificity > best.specificity ||
      (specificity === best.specificity &&
        CATEGORY_STRICTNESS[item.category] > CATEGORY_STRICTNESS[best.item.category]);
    if (beats) best = { item, keyword, specificity };
  }

  const codeText = input.industryName ? `${input.industryCode}（${input.industryName}）` : input.industryCode;
  const catalogText = `${input.platformName}产业准入指导目录（${input.catalogVersion}）`;
  if (!best) {
    return {
      category: 'unlisted',
      item: null,
      matchedKeyword: null,
      explanation: `行业代码 ${codeText}未列入${catalogText}，${UNLISTED_GUIDANCE}（§一(二)）。`,
    };
  }
  const { item, keyword } = best;
  const level = INDUSTRY_LEVEL_LABELS[industryLevel(item.industryCode)];
  const viaText = item.industryCode === input.industryCode ? '' : `，按所属${level} ${item.industryCode} 匹配`;
  const keywordText = keyword ? `，且描述含关键词“${keyword}”` : '';
  return {
    category: item.category,
    item,
    matchedKeyword: keyword || null,
    explanation:
      `行业代码 ${codeText}属于${catalogText}${CATEGORY_LABELS[item.category]}${viaText}${keywordText}；` +
      `依据：${BASIS_LABELS[item.basis]}。`,
  };
}
