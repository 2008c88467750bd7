import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG_2018 } from '../catalog/catalog-2018.ts';
import { suggestIndustryCodes } from './industry-suggest.ts';
import type { IndustrySuggestSources, SuggestIndustry } from './industry-suggest.ts';

// D13: the full GB/T 4754-2017 table, code,name,level,parent — the same table the form searches.
const INDUSTRIES: SuggestIndustry[] = readFileSync(
  new URL('../../../server/src/reference/data/gbt4754-2017.csv', import.meta.url),
  'utf8',
)
  .split(/\r?\n/)
  .slice(1)
  .filter(Boolean)
  .map((line) => {
    const [code = '', name = '', level = ''] = line.split(',');
    return { code, name, level: level as SuggestIndustry['level'] };
  });

const SOURCES: IndustrySuggestSources = { industries: INDUSTRIES, catalogItems: Object.values(CATALOG_2018).flat() };

const codes = (description: string, sources: IndustrySuggestSources = SOURCES, limit?: number) =>
  suggestIndustryCodes(description, sources, limit).map((s) => s.code);

describe('environment', () => {
  it('Intl.Segmenter segments Chinese by word (needs full ICU)', () => {
    const words = [...new Intl.Segmenter('zh', { granularity: 'word' }).segment('锂离子电池')]
      .filter((s) => s.isWordLike)
      .map((s) => s.segment);
    expect(words).toContain('电池');
  });
});

describe('suggestIndustryCodes: realistic descriptions', () => {
  it('年产10GWh动力锂电池电芯及模组生产线 → 3841 first, via the 动力电池 keyword and the name', () => {
    const [top] = suggestIndustryCodes('年产10GWh动力锂电池电芯及模组生产线', SOURCES);
    expect(top?.code).toBe('3841');
    expect(top?.name).toBe('锂离子电池制造');
    expect(top?.reason).toContain('动力电池');
    expect(top?.reason).toContain('目录条目 3841');
  });

  it('an exact catalog keyword gives the strong reason wording', () => {
    const [top] = suggestIndustryCodes('新能源汽车动力电池PACK生产线', SOURCES);
    expect(top?.code).toBe('3841');
    expect(top?.reason.startsWith('描述中的“动力电池”是目录条目 3841 的关键词')).toBe(true);
  });

  it('锂离子电池 in the description matches the name 锂离子电池制造 as a whole', () => {
    const [top] = suggestIndustryCodes('年产5000吨锂离子电池正极材料项目', SOURCES);
    expect(top?.code).toBe('3841');
    expect(top?.reason).toBe('描述中的“锂离子电池”与行业名称“锂离子电池制造”相符');
  });

  it('新能源汽车整车制造基地 → 3612 first (a 小类 before the 361 中类 at equal score)', () => {
    const result = suggestIndustryCodes('新能源汽车整车制造基地', SOURCES);
    expect(result.map((s) => s.code)).toEqual(['3612', '361', '7515']);
    expect(result[0]?.score).toBe(result[1]?.score);
    expect(result[0]?.reason).toBe('描述中的“新能源”“整车”与行业名称“新能源车整车制造”相符');
  });

  it('工业机器人本体及减速器研发生产 → 3491 first, joining the segmenter pieces 工业|机器|人', () => {
    const result = suggestIndustryCodes('工业机器人本体及减速器研发生产', SOURCES);
    expect(result[0]?.code).toBe('3491');
    expect(result[0]?.reason).toContain('“工业机器人”');
    expect(result[0]?.score).toBeGreaterThan(result[1]?.score ?? Infinity);
  });

  it('跨境电商物流仓储中心 → a 仓储 class of division 59', () => {
    const result = suggestIndustryCodes('跨境电商物流仓储中心', SOURCES);
    expect(result[0]?.code).toBe('5920');
    expect(result.every((s) => s.code.startsWith('59'))).toBe(true);
    expect(result[0]?.reason).toContain('“仓储”');
  });

  it('新建驱动电机生产线 → 3812 via the 驱动电机 keyword, well ahead of other 电机 classes', () => {
    const result = suggestIndustryCodes('新建驱动电机生产线', SOURCES);
    expect(result[0]?.code).toBe('3812');
    expect(result[0]?.reason).toBe('描述中的“驱动电机”是目录条目 3812 的关键词');
    expect(result[0]?.score).toBeGreaterThan(2 * (result[1]?.score ?? Infinity));
  });

  it('a restricted catalog item is suggested too: 纯碱 → 2612', () => {
    expect(codes('年产30万吨纯碱项目')).toEqual(['2612']);
  });

  it('works without catalog items, on names alone', () => {
    expect(codes('工业机器人本体及减速器研发生产', { industries: INDUSTRIES })[0]).toBe('3491');
    expect(codes('年产5000吨锂离子电池正极材料项目', { industries: INDUSTRIES })[0]).toBe('3841');
  });
});

describe('suggestIndustryCodes: nothing to suggest', () => {
  it.each(['', '   ', '\n\t'])('empty or whitespace %j → []', (description) => {
    expect(suggestIndustryCodes(description, SOURCES)).toEqual([]);
  });

  it.each(['asdf qwer 噗噗噗', '12345 GWh', '！？。，'])('gibberish %j → []', (description) => {
    expect(suggestIndustryCodes(description, SOURCES)).toEqual([]);
  });

  it('generic words alone (项目、建设、生产、投资…) suggest nothing, though 制造 is in hundreds of names', () => {
    expect(suggestIndustryCodes('新建项目建设投资5000万元，生产制造', SOURCES)).toEqual([]);
  });

  it('limit 0 → []', () => {
    expect(suggestIndustryCodes('工业机器人', SOURCES, 0)).toEqual([]);
  });
});

describe('suggestIndustryCodes: candidates, limit and ordering', () => {
  const tiny: IndustrySuggestSources = {
    industries: [
      { code: 'C', name: '制造业', level: 'section' },
      { code: '38', name: '电气机械和器材制造业', level: 'division' },
      { code: '384', name: '电池制造', level: 'group' },
      { code: '3849', name: '其他电池制造', level: 'class' },
      { code: '3841', name: '锂离子电池制造', level: 'class' },
      { code: '3842', name: '镍氢电池制造', level: 'class' },
    ],
  };

  it('only 小类 are candidates without catalog items; ties go by code ascending', () => {
    expect(codes('电池', tiny, 10)).toEqual(['3841', '3842', '3849']);
  });

  it('a catalog item makes its broader code a candidate, ranked after 小类 of equal score', () => {
    const withItem = { ...tiny, catalogItems: [{ industryCode: '384', keywords: [], category: 'encouraged' }] };
    expect(codes('电池', withItem, 10)).toEqual(['3841', '3842', '3849', '384']);
  });

  it('a 门类 letter is never suggested, even as a catalog item code', () => {
    const withSection = {
      ...tiny,
      catalogItems: [{ industryCode: 'C', keywords: ['电池'], category: 'restricted' }],
    };
    expect(codes('电池', withSection, 10)).not.toContain('C');
  });

  it('a keyword match outranks a name match, and the same code+keyword is counted once across platforms', () => {
    const item = { industryCode: '3842', keywords: ['镍氢'], category: 'encouraged' };
    const result = suggestIndustryCodes('镍氢电池', { ...tiny, catalogItems: [item, item, item] });
    expect(result[0]?.code).toBe('3842');
    const single = suggestIndustryCodes('镍氢电池', { ...tiny, catalogItems: [item] });
    expect(result[0]?.score).toBe(single[0]?.score);
  });

  it('default limit is 3 and results are deterministic', () => {
    const a = suggestIndustryCodes('机器人', SOURCES);
    expect(a).toHaveLength(3);
    expect(suggestIndustryCodes('机器人', SOURCES)).toEqual(a);
    expect(a.map((s) => s.code)).toEqual(['3491', '3492', '3964']);
  });

  it('scores are in non-increasing order', () => {
    const result = suggestIndustryCodes('新能源汽车动力电池及驱动电机', SOURCES, 10);
    for (let i = 1; i < result.length; i++) {
      expect(result[i - 1]?.score ?? 0).toBeGreaterThanOrEqual(result[i]?.score ?? 0);
    }
    expect(
      result
        .slice(0, 2)
        .map((s) => s.code)
        .sort(),
    ).toEqual(['3812', '3841']);
  });
});
