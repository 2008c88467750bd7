import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { industryLineage } from '../industries/industry-code.ts';
import { PLATFORM_KEYS, platformName, type PlatformKey } from '../platform/platforms.ts';
import { CATALOG_2018, CATALOG_2018_VERSION } from './catalog-2018.ts';
import { BASIS_CATEGORY, CATALOG_BASES, type CatalogItem } from './catalog-types.ts';
import { catalogProblems } from './catalog-versions.ts';
import { classifyIndustry } from './classify.ts';

// D13: the reference table as the server loads it (a copy of shared/data/gbt4754, kept in the repository).
const CSV_URL = new URL('../../../server/src/reference/data/gbt4754-2017.csv', import.meta.url);
const INDUSTRY_NAMES = new Map(
  readFileSync(CSV_URL, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter(Boolean)
    .map((line) => {
      const [code = '', name = ''] = line.split(',');
      return [code, name] as const;
    }),
);

function itemsOf(key: PlatformKey): CatalogItem[] {
  return CATALOG_2018[key].map((item, index) => ({ ...item, id: index + 1 }));
}

function classifyOn(key: PlatformKey, industryCode: string, text?: string) {
  return classifyIndustry({
    items: itemsOf(key),
    industryCode,
    text,
    platformName: platformName(key),
    catalogVersion: CATALOG_2018_VERSION,
    industryName: INDUSTRY_NAMES.get(industryCode),
  });
}

const allItems = PLATFORM_KEYS.flatMap((key) => CATALOG_2018[key].map((item) => ({ key, item })));

describe('the GB/T 4754-2017 reference table (D13)', () => {
  it('D13: the CSV resolves from the repository and holds all four levels', () => {
    expect(fileURLToPath(CSV_URL)).toMatch(/reference[\\/]data[\\/]gbt4754-2017\.csv$/);
    expect(INDUSTRY_NAMES.size).toBe(20 + 97 + 473 + 1381);
    expect(INDUSTRY_NAMES.get('3737')).toBe('海洋工程装备制造');
  });

  it.each(allItems.map(({ key, item }) => [key, item.industryCode] as const))(
    'R1.1/D13: %s item %s exists in GB/T 4754-2017',
    (_key, code) => {
      expect(INDUSTRY_NAMES.has(code)).toBe(true);
    },
  );

  it('D13: every code these tests classify exists too', () => {
    const codes = [
      '3110',
      '3011',
      '3216',
      '3041',
      '3731',
      '3737',
      '3612',
      '2720',
      '3823',
      '3841',
      '3812',
      '2612',
      '2511',
      '1713',
      '1910',
    ];
    expect(codes.filter((code) => !INDUSTRY_NAMES.has(code))).toEqual([]);
  });
});

describe.each(PLATFORM_KEYS)('CATALOG_2018 of %s', (key) => {
  const items = CATALOG_2018[key];

  it('R1.1: version name is 2018年本', () => {
    expect(CATALOG_2018_VERSION).toBe('2018年本');
  });

  it('R1.1–R1.4/D12: catalogProblems finds nothing (overcapacity never encouraged, basis fits class, no duplicates)', () => {
    expect(catalogProblems(items, platformName(key))).toEqual([]);
  });

  it('R1.1: a reasonable size, all three classes present', () => {
    expect(items.length).toBeGreaterThanOrEqual(30);
    expect(items.length).toBeLessThanOrEqual(80);
    for (const category of ['encouraged', 'restricted', 'eliminated'] as const) {
      expect(items.some((item) => item.category === category)).toBe(true);
    }
  });

  it('R1.2–R1.4: every item has a known basis matching its class and a Chinese note', () => {
    for (const item of items) {
      expect(CATALOG_BASES).toContain(item.basis);
      expect(BASIS_CATEGORY[item.basis]).toBe(item.category);
      expect(item.note).toMatch(/[\u4e00-\u9fff]/);
      expect(item.note.length).toBeGreaterThanOrEqual(8);
    }
  });

  it('R1.1: every item is the one that decides its own code (nothing shadows it)', () => {
    const catalog = itemsOf(key);
    for (const item of catalog) {
      const result = classifyOn(key, item.industryCode, item.keywords[0]);
      expect(result.item?.id, `${item.industryCode} ${item.keywords.join('、')}`).toBe(item.id);
    }
  });

  it.each([
    ['3110', '钢铁（炼铁）'],
    ['3130', '钢铁（钢压延加工）'],
    ['3011', '水泥'],
    ['3216', '电解铝'],
    ['3041', '平板玻璃'],
    ['3731', '船舶（金属船舶）'],
    ['3733', '船舶（娱乐船和运动船）'],
    ['3736', '船舶（船舶拆除）'],
  ])('R1.4: %s %s is eliminated as overcapacity', (code) => {
    const result = classifyOn(key, code);
    expect(result.category).toBe('eliminated');
    expect(result.item?.basis).toBe('R1.4-overcapacity');
    expect(result.explanation).toContain('2018年本');
  });

  it.each([
    ['2511', 'R1.4-no-endowment'],
    ['2521', 'R1.4-no-endowment'],
    ['1713', 'R1.4-backward'],
    ['1752', 'R1.4-backward'],
    ['1910', 'R1.4-backward'],
  ])('R1.4: %s is eliminated (%s)', (code, basis) => {
    expect(classifyOn(key, code).item?.basis).toBe(basis);
  });

  it.each([
    ['2612', '30万吨/年纯碱装置', 'restricted'],
    ['2612', '硅酸钠', 'unlisted'],
    ['2631', '克百威原药', 'restricted'],
    ['2631', '生物农药制剂', 'unlisted'],
  ])('R1.3: %s with %j is %s (national restricted items narrowed by keyword)', (code, text, category) => {
    expect(classifyOn(key, code, text).category).toBe(category);
  });

  it('R1.5: an industry no item covers is unlisted with the R1.5 sentence', () => {
    const result = classifyOn(key, '1311');
    expect(result.category).toBe('unlisted');
    expect(result.explanation).toContain('按国家、省、市其他有关产业政策执行');
  });
});

describe('each platform encourages its own direction and restricts the others’ (R1.2, R1.3, D12)', () => {
  it.each([
    // 瓯江口: 临港装备, 智能电气, 新能源
    ['oujiangkou', '3737', 'encouraged', '海洋工程装备 is 临港装备, not a ship (D12)'],
    ['zhenan', '3737', 'restricted', ''],
    ['hitech', '3737', 'restricted', ''],
    ['oujiangkou', '3432', 'encouraged', '港口起重'],
    ['zhenan', '3432', 'restricted', ''],
    ['oujiangkou', '3823', 'encouraged', '智能电气'],
    ['zhenan', '3823', 'restricted', ''],
    ['hitech', '3823', 'restricted', ''],
    // 浙南: 汽车整车及关键零部件, 智能机械装备
    ['zhenan', '3612', 'encouraged', '新能源车整车 is 汽车整车'],
    ['oujiangkou', '3612', 'restricted', ''],
    ['hitech', '3612', 'restricted', ''],
    ['zhenan', '3670', 'encouraged', ''],
    ['hitech', '3670', 'restricted', ''],
    ['zhenan', '3443', 'encouraged', '阀门'],
    ['oujiangkou', '3443', 'restricted', ''],
    // 高新区: 生命健康, 智能制造与自动化
    ['hitech', '2720', 'encouraged', '化学药品制剂'],
    ['oujiangkou', '2720', 'restricted', ''],
    ['zhenan', '2720', 'restricted', ''],
    ['hitech', '3581', 'encouraged', ''],
    ['zhenan', '3581', 'restricted', ''],
    ['hitech', '3973', 'encouraged', ''],
    ['oujiangkou', '3973', 'restricted', ''],
    // Overlaps (D12): the platform's own encouraged item wins
    ['oujiangkou', '3841', 'encouraged', '新能源 on both'],
    ['hitech', '3841', 'encouraged', '新能源 on both'],
    ['oujiangkou', '3825', 'encouraged', ''],
    ['hitech', '3825', 'encouraged', '光伏 beats the broader 382 restriction'],
    ['hitech', '3415', 'encouraged', ''],
    ['zhenan', '3841', 'restricted', 'without text: not a vehicle battery'],
    ['zhenan', '3491', 'encouraged', '工业机器人 in 智能机械装备'],
    ['hitech', '3491', 'encouraged', ''],
    ['oujiangkou', '3491', 'restricted', ''],
    ['oujiangkou', '4011', 'encouraged', '电气自动化'],
    ['hitech', '4011', 'encouraged', ''],
    ['zhenan', '4011', 'restricted', ''],
  ] as const)('R1.2/R1.3: %s %s is %s %s', (key, code, category, _why) => {
    expect(classifyOn(key, code).category).toBe(category);
  });

  it.each([
    ['3812', '新能源汽车驱动电机', 'encouraged'],
    ['3812', '工业电动机', 'restricted'],
    ['3841', '车用动力电池系统', 'encouraged'],
    ['3841', '储能电池', 'restricted'],
  ] as const)('R1.1/R1.2: 浙南 %s with %j is %s (vehicle “三电” narrowed by keyword)', (code, text, category) => {
    expect(classifyOn('zhenan', code, text).category).toBe(category);
  });

  it.each([
    ['3091', '石墨烯导热膜', 'encouraged'],
    ['3091', '普通石墨电极', 'unlisted'],
    ['2651', 'ＰＥＥＫ特种工程塑料', 'encouraged'],
  ] as const)('R1.2: 高新区 新材料 %s with %j is %s', (code, text, category) => {
    expect(classifyOn('hitech', code, text).category).toBe(category);
  });

  it('R1.3/D12: every other platform’s leading manufacturing industry is encouraged or restricted here, never left open', () => {
    const gaps: string[] = [];
    for (const key of PLATFORM_KEYS) {
      for (const other of PLATFORM_KEYS.filter((k) => k !== key)) {
        for (const item of CATALOG_2018[other]) {
          const manufacturing = industryLineage(item.industryCode)[0] === 'C';
          if (item.basis !== 'R1.2-leading' || !manufacturing || item.keywords.length > 0) continue;
          const result = classifyOn(key, item.industryCode);
          const ok =
            result.category === 'encouraged' ||
            (result.category === 'restricted' && result.item?.basis === 'R1.3-misfit');
          if (!ok) gaps.push(`${key}: ${other} 的 ${item.industryCode} → ${result.category}`);
        }
      }
    }
    expect(gaps).toEqual([]);
  });

  it('D12: 新能源 is encouraged on both 瓯江口 and 高新区, so neither restricts the other’s 新能源 items', () => {
    const newEnergy = (key: PlatformKey) =>
      CATALOG_2018[key]
        .filter((item) => item.category === 'encouraged' && item.note.includes('新能源'))
        .map((item) => item.industryCode);
    for (const [key, other] of [
      ['oujiangkou', 'hitech'],
      ['hitech', 'oujiangkou'],
    ] as const) {
      for (const code of newEnergy(other).filter((c) => industryLineage(c)[0] === 'C')) {
        expect(classifyOn(key, code).category, `${key} ${code}`).toBe('encouraged');
      }
    }
  });

  it('R1.4/D12: no platform encourages anything under 31, 3011, 3216, 3041 or 3731–3736', () => {
    const overcapacity = ['31', '3011', '3216', '3041', '3731', '3732', '3733', '3734', '3735', '3736'];
    const offending = allItems.filter(
      ({ item }) =>
        item.category === 'encouraged' &&
        overcapacity.some((code) => industryLineage(item.industryCode).includes(code)),
    );
    expect(offending).toEqual([]);
  });

  it('R1.1: the explanation names the platform, the version and the basis', () => {
    const result = classifyOn('oujiangkou', '3737');
    expect(result.explanation).toContain('瓯江口产业集聚区产业准入指导目录（2018年本）');
    expect(result.explanation).toContain('3737（海洋工程装备制造）');
    expect(result.explanation).toContain('平台主导产业（§一(一)）');
    expect(result.item?.note).toContain('临港装备');
  });
});
