import { describe, expect, it } from 'vitest';
import { parseIndustryCsv } from './industry-table-parse.ts';

describe('industry CSV header (D13): offices write it in Chinese', () => {
  it('reads 行业代码,行业名称 as code,name', async () => {
    const parsed = await parseIndustryCsv('行业代码,行业名称\nC,制造业\n13,农副食品加工业\n');
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.map((entry) => entry.code)).toEqual(['C', '13']);
  });

  it('a header with neither form says which columns it needs, in Chinese', async () => {
    const parsed = await parseIndustryCsv('代号,说明\nC,制造业\n');
    expect(parsed.errors[0]?.message).toContain('“行业代码”和“行业名称”');
  });
});
