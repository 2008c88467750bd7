import { describe, expect, it } from 'vitest';
import { BASIS_LABELS, type CatalogItem } from './catalog-types.ts';
import { classifyIndustry, UNLISTED_GUIDANCE } from './classify.ts';

let nextId = 1;
function buildItem(overrides: Partial<CatalogItem> & Pick<CatalogItem, 'industryCode' | 'category'>): CatalogItem {
  const basis =
    overrides.basis ??
    ({ encouraged: 'R1.2-leading', restricted: 'R1.3-misfit', eliminated: 'R1.4-overcapacity' } as const)[
      overrides.category
    ];
  return { id: nextId++, keywords: [], note: '', ...overrides, basis };
}

function classify(items: CatalogItem[], industryCode: string, text?: string) {
  return classifyIndustry({ items, industryCode, text, platformName: '测试平台', catalogVersion: '2018年本' });
}

describe('classifyIndustry — the four results (R1.1, R1.5)', () => {
  const items = [
    buildItem({ industryCode: '3612', category: 'encouraged' }),
    buildItem({ industryCode: '2720', category: 'restricted' }),
    buildItem({ industryCode: '3011', category: 'eliminated' }),
  ];

  it.each([
    ['3612', 'encouraged'],
    ['2720', 'restricted'],
    ['3011', 'eliminated'],
    ['1311', 'unlisted'],
  ] as const)('R1.1/R1.5: %s is %s', (code, category) => {
    expect(classify(items, code).category).toBe(category);
  });

  it('R1.5: an unlisted code gets no item and the sentence "按国家、省、市其他有关产业政策执行"', () => {
    const result = classify(items, '1311');
    expect(result.item).toBeNull();
    expect(result.matchedKeyword).toBeNull();
    expect(UNLISTED_GUIDANCE).toBe('按国家、省、市其他有关产业政策执行');
    expect(result.explanation).toContain('按国家、省、市其他有关产业政策执行');
    expect(result.explanation).toContain('§一(二)');
    expect(result.explanation).toContain('2018年本');
  });

  it('R1.5: an empty catalog lists nothing', () => {
    expect(classify([], '3612').category).toBe('unlisted');
  });
});

describe('classifyIndustry — the most specific code wins (小类 > 中类 > 大类 > 门类)', () => {
  const section = buildItem({ industryCode: 'C', category: 'restricted' });
  const division = buildItem({ industryCode: '38', category: 'encouraged' });
  const group = buildItem({ industryCode: '384', category: 'eliminated' });
  const klass = buildItem({ industryCode: '3841', category: 'encouraged' });
  const items = [section, division, group, klass];

  it.each([
    ['3841', klass, 'encouraged', '小类 over 中类'],
    ['3843', group, 'eliminated', '中类 over 大类'],
    ['3811', division, 'encouraged', '大类 over 门类'],
    ['3011', section, 'restricted', '门类 only'],
    ['38', division, 'encouraged', 'the division itself'],
    ['C', section, 'restricted', 'the section itself'],
  ])('R1.1: %s → item %o (%s; %s)', (code, item, category) => {
    const result = classify(items, code);
    expect(result.item).toBe(item);
    expect(result.category).toBe(category);
  });

  it('R1.1: the order of items does not matter', () => {
    expect(classify([...items].reverse(), '3843').item).toBe(group);
    expect(classify([...items].reverse(), '3841').item).toBe(klass);
  });

  it('R1.1: a code outside the matched lineage is not covered by a sibling item', () => {
    expect(classify([klass], '3842').category).toBe('unlisted');
  });
});

describe('classifyIndustry — ties at equal specificity: the stricter class wins (淘汰 > 限制 > 鼓励)', () => {
  const encouraged = buildItem({ industryCode: '3670', category: 'encouraged' });
  const restricted = buildItem({ industryCode: '3670', category: 'restricted', keywords: ['铸造'] });
  const restrictedPlain = buildItem({ industryCode: '3670', category: 'restricted' });
  const eliminated = buildItem({ industryCode: '3670', category: 'eliminated' });

  it.each([
    ['encouraged vs restricted', [encouraged, restrictedPlain], 'restricted'],
    ['restricted vs encouraged (reversed)', [restrictedPlain, encouraged], 'restricted'],
    ['restricted vs eliminated', [restrictedPlain, eliminated], 'eliminated'],
    ['all three', [encouraged, restrictedPlain, eliminated], 'eliminated'],
    ['all three reversed', [eliminated, restrictedPlain, encouraged], 'eliminated'],
    ['encouraged vs eliminated', [encouraged, eliminated], 'eliminated'],
  ] as const)('R1.1: %s → %s', (_name, items, category) => {
    expect(classify([...items], '3670').category).toBe(category);
  });

  it('R1.1: a keyword item ties with a plain item only when its keyword matches', () => {
    expect(classify([encouraged, restricted], '3670').category).toBe('encouraged');
    expect(classify([encouraged, restricted], '3670', '汽车零部件铸造').category).toBe('restricted');
  });

  it('R1.1: a more specific encouraged item beats a broader eliminated one (specificity before strictness)', () => {
    const broad = buildItem({ industryCode: '36', category: 'eliminated' });
    expect(classify([broad, encouraged], '3670').category).toBe('encouraged');
  });
});

describe('classifyIndustry — keyword-narrowed items (R1.1)', () => {
  const division = buildItem({ industryCode: '26', category: 'encouraged', basis: 'R1.2-emerging' });
  const alkali = buildItem({
    industryCode: '2612',
    category: 'restricted',
    basis: 'R1.3-national-restricted',
    keywords: ['纯碱', '烧碱'],
  });
  const led = buildItem({ industryCode: '3975', category: 'encouraged', keywords: ['Micro LED', 'LED'] });
  const items = [division, alkali, led];

  it.each([
    ['2612', undefined, 'encouraged', null, 'no text: the keyword item does not apply, the division does'],
    ['2612', '', 'encouraged', null, 'empty text'],
    ['2612', '年产30万吨纯碱项目', 'restricted', '纯碱', 'text with the keyword'],
    ['2612', '离子膜烧碱装置', 'restricted', '烧碱', 'the second keyword'],
    ['2612', '硅酸钠生产', 'encouraged', null, 'text without any keyword'],
    ['3975', undefined, 'unlisted', null, 'keyword item only, no text'],
    ['3975', '灯具外壳', 'unlisted', null, 'keyword item only, text without keyword'],
    ['3975', 'LED芯片', 'encouraged', 'LED', 'same-width text'],
    ['3975', 'ＬＥＤ芯片封装', 'encouraged', 'LED', 'full-width text (NFKC)'],
    ['3975', 'led 显示', 'encouraged', 'LED', 'lower case'],
    ['3975', 'Ｍｉｃｒｏ　ＬＥＤ 巨量转移', 'encouraged', 'Micro LED', 'full-width with ideographic space'],
  ] as const)('R1.1: %s with text %j → %s (keyword %j; %s)', (code, text, category, keyword, _why) => {
    const result = classify(items, code, text);
    expect(result.category).toBe(category);
    expect(result.matchedKeyword).toBe(keyword);
  });

  it('R1.1: the explanation quotes the matched keyword', () => {
    expect(classify(items, '2612', '纯碱').explanation).toContain('关键词“纯碱”');
  });

  it('R1.1: a full-width keyword matches half-width text', () => {
    const fullWidth = buildItem({ industryCode: '3985', category: 'encouraged', keywords: ['ＰＶＤＦ'] });
    expect(classify([fullWidth], '3985', 'pvdf 膜').category).toBe('encouraged');
  });
});

describe('classifyIndustry — unknown and malformed codes (D13)', () => {
  const items = [
    buildItem({ industryCode: '36', category: 'encouraged' }),
    buildItem({ industryCode: '99', category: 'restricted' }),
  ];

  it.each(['9999', '0000', '98', '3699', '369'])(
    'D13: well-formed but unknown %s is unlisted unless an ancestor is listed',
    (code) => {
      const result = classify([buildItem({ industryCode: '3612', category: 'encouraged' })], code);
      expect(result.category).toBe('unlisted');
    },
  );

  it('D13: an unknown class under a listed division follows the division (the code table is checked elsewhere)', () => {
    expect(classify(items, '3699').category).toBe('encouraged');
  });

  it.each(['', '3', '12345', 'c', 'U', '36a', ' 36'])(
    'D13: malformed %j throws (the route answers 400 before classifying)',
    (code) => {
      expect(() => classify(items, code)).toThrow();
    },
  );
});

describe('classifyIndustry — the explanation (R1.1: cites the rule, the basis and the catalog version)', () => {
  const item = buildItem({ industryCode: '361', category: 'encouraged', basis: 'R1.2-leading' });

  it('R1.1: names code, name, platform, version, class, matching level and basis', () => {
    const result = classifyIndustry({
      items: [item],
      industryCode: '3612',
      platformName: '浙南产业集聚区',
      catalogVersion: '2018年本',
      industryName: '新能源车整车制造',
    });
    expect(result.explanation).toContain('3612（新能源车整车制造）');
    expect(result.explanation).toContain('浙南产业集聚区产业准入指导目录（2018年本）');
    expect(result.explanation).toContain('鼓励类');
    expect(result.explanation).toContain('按所属中类 361 匹配');
    expect(result.explanation).toContain(BASIS_LABELS['R1.2-leading']);
  });

  it.each([
    ['R1.3-misfit', 'restricted', '限制类'],
    ['R1.3-national-restricted', 'restricted', '限制类'],
    ['R1.4-overcapacity', 'eliminated', '淘汰类'],
    ['R1.4-backward', 'eliminated', '淘汰类'],
    ['R1.2-supporting', 'encouraged', '鼓励类'],
  ] as const)('R1.2–R1.4: basis %s is cited in a %s explanation', (basis, category, label) => {
    const result = classify([buildItem({ industryCode: '3011', category, basis })], '3011');
    expect(result.explanation).toContain(BASIS_LABELS[basis]);
    expect(result.explanation).toContain(label);
    expect(result.explanation).not.toContain('按所属');
  });
});
