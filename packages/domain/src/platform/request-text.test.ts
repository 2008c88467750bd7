import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isStorableText, textProblem, wellFormedText } from './request-text.ts';
import { idSchema } from './ids.ts';

describe('issue #10.3: text the database can keep', () => {
  it.each([['\ud800'], ['a\udfffb'], ['\udc00\ud800'], ['名称\u0000']])('refuses %j', (value) => {
    expect(isStorableText(value)).toBe(false);
    expect(textProblem(value)).toMatch(/字符/);
  });

  it.each([['温州'], ['😀 emoji pair'], [''], ['tab\tand\nnewline']])('keeps %j', (value) => {
    expect(isStorableText(value)).toBe(true);
  });

  it('names the field and keeps the chained checks', () => {
    const schema = wellFormedText('项目名称')
      .trim()
      .min(1, { error: '项目名称不能为空' })
      .max(5, { error: '项目名称不能超过 5 个字' });
    expect(schema.safeParse('\ud800').error?.issues[0]?.message).toBe(
      '项目名称含有无法识别的字符（不成对的代理字符），请重新输入',
    );
    expect(schema.safeParse('   ').error?.issues[0]?.message).toBe('项目名称不能为空');
    expect(schema.safeParse('abcdef').error?.issues[0]?.message).toBe('项目名称不能超过 5 个字');
    expect(schema.safeParse(5).error?.issues[0]?.message).toBe('项目名称必须是文字');
    expect(schema.parse(' 温州 ')).toBe('温州');
  });
});

describe('issue #10.7: a path id is a plain positive decimal integer', () => {
  const id = idSchema('项目编号');
  it.each([
    ['1', 1],
    ['42', 42],
    ['2147483647', 2147483647],
  ])('%s is id %i', (value, expected) => {
    expect(id.parse(value)).toBe(expected);
  });
  it.each([
    [' 1'],
    ['%201'],
    ['0x10'],
    ['1e1'],
    ['01'],
    ['-1'],
    ['1.0'],
    ['0'],
    [''],
    ['+1'],
    ['1 '],
    ['１'],
    ['2147483648'],
    ['99999999999999999'],
  ])('%j is refused', (value) => {
    const result = id.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/项目编号/);
  });
  it('is a string with a pattern in the OpenAPI document', () => {
    expect(z.toJSONSchema(z.object({ id }), { io: 'input' }).properties).toEqual({
      id: { type: 'string', pattern: '^[1-9][0-9]{0,15}$' },
    });
  });
});
