import { describe, expect, it } from 'vitest';
import { objectOfValues, objectPicker } from './object-literal.ts';

describe('objectOfValues: one object literal for a list of keys (issue #15)', () => {
  it('puts each value under its key, in the keys order, undefined and null kept as given', () => {
    const build = objectOfValues(['creditCode', 'name', 'registeredOn', 'tax']);
    const made = build(['91330300MA2XXXXX0X', '温州测试', undefined, null]);
    expect(Object.keys(made)).toEqual(['creditCode', 'name', 'registeredOn', 'tax']);
    expect(made).toStrictEqual({
      creditCode: '91330300MA2XXXXX0X',
      name: '温州测试',
      registeredOn: undefined,
      tax: null,
    });
    expect('registeredOn' in made).toBe(true);
  });

  it('makes a new object each time, so a reused array of values does not leak into earlier objects', () => {
    const build = objectOfValues(['a', 'b']);
    const values: unknown[] = [1, 2];
    const first = build(values);
    values[0] = 3;
    expect(first).toEqual({ a: 1, b: 2 });
    expect(build(values)).toEqual({ a: 3, b: 2 });
  });

  it('takes keys that are not identifiers as they are', () => {
    expect(objectOfValues(['所在平台', 'a"b', 'x\\ny'])(['瓯江口', 1, 2])).toEqual({
      所在平台: '瓯江口',
      'a"b': 1,
      'x\\ny': 2,
    });
  });

  it('refuses __proto__, which a literal would take as the prototype', () => {
    expect(() => objectOfValues(['name', '__proto__'])).toThrow('__proto__');
  });
});

describe('objectPicker: the named fields of an object, as one literal (issue #15, GET /projects fields)', () => {
  it('keeps only the named fields, in the order named, null and a missing field as they are', () => {
    const pick = objectPicker(['status', 'id', 'landMu', 'trackedOn'] as const);
    const source = { id: 7, name: '项目', status: 'tracked', landMu: null, description: '说明' } as Record<
      string,
      unknown
    >;
    const picked = pick(source as Record<'status' | 'id' | 'landMu' | 'trackedOn', unknown>);
    expect(Object.keys(picked)).toEqual(['status', 'id', 'landMu', 'trackedOn']);
    expect(picked).toStrictEqual({ status: 'tracked', id: 7, landMu: null, trackedOn: undefined });
  });

  it('takes keys that are not identifiers as they are, and refuses __proto__', () => {
    expect(objectPicker(['a"b', '所在平台'])({ 'a"b': 1, 所在平台: '瓯江口' })).toEqual({
      'a"b': 1,
      所在平台: '瓯江口',
    });
    expect(() => objectPicker(['id', '__proto__'])).toThrow('__proto__');
  });
});
