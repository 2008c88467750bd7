import { describe, expect, it } from 'vitest';
import { plainText } from './plain-text.ts';

describe('plainText (issue #9: no rule ids shown)', () => {
  it.each([
    ['行业属于鼓励类（R2.1）', '行业属于鼓励类'],
    ['按评估评分表判断（R2.1、D5）', '按评估评分表判断'],
    ['不能流转 (D11)', '不能流转'],
    ['未列入目录，按其他政策执行（R1.5）。', '未列入目录，按其他政策执行。'],
    ['评分（满分 100）', '评分（满分 100）'],
    ['属于鼓励类；依据：R1.2 平台主导产业。', '属于鼓励类；依据：平台主导产业。'],
    ['RAM 2 GB', 'RAM 2 GB'],
  ])('%s → %s', (input, output) => {
    expect(plainText(input)).toBe(output);
  });
});
