/** R1.1: the three classes of an access catalog, and `unlisted` for a code no item covers (R1.5). */
export const CATALOG_CATEGORIES = ['encouraged', 'restricted', 'eliminated'] as const;
export type CatalogCategory = (typeof CATALOG_CATEGORIES)[number];
export const CLASSIFY_CATEGORIES = [...CATALOG_CATEGORIES, 'unlisted'] as const;
export type ClassifyCategory = (typeof CLASSIFY_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<ClassifyCategory, string> = {
  encouraged: '鼓励类',
  restricted: '限制类',
  eliminated: '淘汰类',
  unlisted: '未列入目录',
};

/** Stricter classes win ties of equal specificity (foundation issue): eliminated > restricted > encouraged. */
export const CATEGORY_STRICTNESS: Record<CatalogCategory, number> = { encouraged: 0, restricted: 1, eliminated: 2 };

/**
 * Which clause of R1.2–R1.4 put an item in the catalog. Every item carries one, so a user can see why a
 * class applies.
 */
export const CATALOG_BASES = [
  'R1.2-leading',
  'R1.2-supporting',
  'R1.2-emerging',
  'R1.3-national-restricted',
  'R1.3-misfit',
  'R1.4-national-eliminated',
  'R1.4-no-endowment',
  'R1.4-backward',
  'R1.4-overcapacity',
] as const;
export type CatalogBasis = (typeof CATALOG_BASES)[number];

/**
 * The bases as people read them: the policy's own words with its section (§一(一) for the encouraged classes,
 * §一(二) for the negative list), never the rule ids the code uses as keys.
 */
export const BASIS_LABELS: Record<CatalogBasis, string> = {
  'R1.2-leading': '平台主导产业（§一(一)）',
  'R1.2-supporting': '平台配套现代服务业（§一(一)）',
  'R1.2-emerging': '特色产业或有未来发展潜力的新兴产业（§一(一)）',
  'R1.3-national-restricted': '《产业结构调整指导目录》限制类（§一(二)）',
  'R1.3-misfit': '国家鼓励类但与平台功能定位和发展方向不符，如其他平台主导产业（§一(二)）',
  'R1.4-national-eliminated': '《产业结构调整指导目录》淘汰类（§一(二)）',
  'R1.4-no-endowment': '平台不具备资源要素禀赋且与功能定位不符（§一(二)）',
  'R1.4-backward': '浙江省和温州市认定的落后产能行业（§一(二)）',
  'R1.4-overcapacity': '产能严重过剩行业：钢铁、水泥、电解铝、平板玻璃、船舶（§一(二)）',
};

/** The labels of earlier exports (rule id first), still read back by the catalog import. */
export const LEGACY_BASIS_LABELS: Record<CatalogBasis, string> = {
  'R1.2-leading': 'R1.2 平台主导产业',
  'R1.2-supporting': 'R1.2 平台配套现代服务业',
  'R1.2-emerging': 'R1.2 特色产业或有未来发展潜力的新兴产业',
  'R1.3-national-restricted': 'R1.3 《产业结构调整指导目录》限制类',
  'R1.3-misfit': 'R1.3 国家鼓励类但与平台功能定位和发展方向不符（如其他平台主导产业）',
  'R1.4-national-eliminated': 'R1.4 《产业结构调整指导目录》淘汰类',
  'R1.4-no-endowment': 'R1.4 平台不具备资源要素禀赋且与功能定位不符',
  'R1.4-backward': 'R1.4 浙江省和温州市认定的落后产能行业',
  'R1.4-overcapacity': 'R1.4 产能严重过剩行业（钢铁、水泥、电解铝、平板玻璃、船舶）',
};

/** Which class each basis may justify: a basis of R1.2 cannot put an item in 淘汰类, and so on. */
export const BASIS_CATEGORY: Record<CatalogBasis, CatalogCategory> = {
  'R1.2-leading': 'encouraged',
  'R1.2-supporting': 'encouraged',
  'R1.2-emerging': 'encouraged',
  'R1.3-national-restricted': 'restricted',
  'R1.3-misfit': 'restricted',
  'R1.4-national-eliminated': 'eliminated',
  'R1.4-no-endowment': 'eliminated',
  'R1.4-backward': 'eliminated',
  'R1.4-overcapacity': 'eliminated',
};

/** One line of a catalog: a GB/T 4754 code at any level, optionally narrowed by product/process keywords. */
export type CatalogItem = {
  id: number | string;
  category: CatalogCategory;
  industryCode: string;
  /** Narrowing keywords (R1.1); empty means the whole industry. */
  keywords: string[];
  basis: CatalogBasis;
  note: string;
};

/** A catalog item before it is stored (seed data and imports). */
export type CatalogItemDraft = Omit<CatalogItem, 'id'>;
