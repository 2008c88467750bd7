import { industryLineage, isWellFormedIndustryCode } from '../industries/industry-code.ts';
import {
  BASIS_CATEGORY,
  BASIS_LABELS,
  CATEGORY_LABELS,
  type CatalogItem,
  type CatalogItemDraft,
} from './catalog-types.ts';
import { classifyIndustry } from './classify.ts';
import { catalogItemKey } from './catalog-diff.ts';
import { OVERCAPACITY_INDUSTRIES, overcapacityOf } from './overcapacity.ts';

export type CatalogVersionSummary = {
  id: number;
  status: 'draft' | 'published';
  /** Day the version takes effect, 'YYYY-MM-DD' in Asia/Shanghai. */
  effectiveDate: string | null;
  publishedAt: Date | string | null;
};

/** A publication instant as milliseconds, so Date objects and timestamp strings compare by time, not as text. */
function publishedTime(publishedAt: Date | string | null): number {
  if (publishedAt === null) return Number.NEGATIVE_INFINITY;
  const time = new Date(publishedAt).getTime();
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

/**
 * R1.1: the catalog in force on `today` is the published version with the latest effective date not after
 * `today`; a version published with a later date waits. Ties go to the later publication.
 */
export function versionInForce<V extends CatalogVersionSummary>(versions: readonly V[], today: string): V | null {
  let best: V | null = null;
  for (const version of versions) {
    if (version.status !== 'published' || !version.effectiveDate || version.effectiveDate > today) continue;
    if (
      !best ||
      version.effectiveDate > best.effectiveDate! ||
      (version.effectiveDate === best.effectiveDate &&
        publishedTime(version.publishedAt) > publishedTime(best.publishedAt))
    ) {
      best = version;
    }
  }
  return best;
}

export type CatalogProblem = { itemIndex: number | null; industryCode: string; message: string };

/**
 * Checks an item on its own: a well-formed code, a basis that fits the class (R1.2–R1.4), and never an
 * overcapacity industry in 鼓励类 (R1.4, D12).
 */
export function itemProblems(item: CatalogItemDraft): string[] {
  const problems: string[] = [];
  if (!isWellFormedIndustryCode(item.industryCode)) {
    problems.push(`行业代码“${item.industryCode}”格式不正确`);
    return problems;
  }
  if (BASIS_CATEGORY[item.basis] !== item.category) {
    problems.push(`依据“${BASIS_LABELS[item.basis]}”不能把条目列为${CATEGORY_LABELS[item.category]}`);
  }
  const overcapacity = overcapacityOf(item.industryCode);
  if (item.category === 'encouraged' && overcapacity) {
    problems.push(`${overcapacity.name}属于产能严重过剩行业，不得列为鼓励类（§一(二)）`);
  }
  return problems;
}

/**
 * Everything that stops a catalog from being published: each item's own problems, two items on the same
 * code and keywords, and any overcapacity code that would come out `encouraged` through a broader item
 * (e.g. 鼓励类 "37" with nothing more specific for 3731) — R1.4 and D12.
 */
export function catalogProblems(items: readonly CatalogItemDraft[], platformName: string): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, itemIndex) => {
    for (const message of itemProblems(item)) problems.push({ itemIndex, industryCode: item.industryCode, message });
    const key = catalogItemKey(item);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        itemIndex,
        industryCode: item.industryCode,
        message: `与第 ${first + 1} 条重复（同一行业代码和关键词）`,
      });
    } else seen.set(key, itemIndex);
  });
  const wellFormed: CatalogItem[] = items
    .filter((item) => isWellFormedIndustryCode(item.industryCode))
    .map((item, index) => ({ ...item, id: index }));
  for (const overcapacity of OVERCAPACITY_INDUSTRIES) {
    const result = classifyIndustry({
      items: wellFormed,
      industryCode: overcapacity.code,
      platformName,
      catalogVersion: '',
    });
    const directlyListed =
      result.item && industryLineage(result.item.industryCode).length >= industryLineage(overcapacity.code).length;
    if (result.category === 'encouraged' && !directlyListed) {
      problems.push({
        itemIndex: null,
        industryCode: result.item!.industryCode,
        message: `鼓励类条目 ${result.item!.industryCode} 覆盖了${overcapacity.name}（${overcapacity.code}），产能严重过剩行业不得列为鼓励类（§一(二)）：请为 ${overcapacity.code} 另列限制类或淘汰类条目`,
      });
    }
  }
  return problems;
}
