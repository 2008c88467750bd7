import { describe, expect, it } from 'vitest';
import { DEFAULT_EVALUATION_METHOD, type ExclusionSettings } from './mu-evaluation-method.ts';
import { exclusionsOf } from './exclusions.ts';
import { buildRecord } from '../enterprise-records/record-builder.test-support.ts';

const defaults = DEFAULT_EVALUATION_METHOD.exclusions;
const codes = (overrides: Parameters<typeof buildRecord>[0], year = 2025, settings: ExclusionSettings = defaults) =>
  exclusionsOf(buildRecord(overrides), year, settings).map((e) => e.code);

describe('class T exclusions (DOMAIN-FACTS §1.4–1.5)', () => {
  it('evaluates an ordinary producing enterprise', () => {
    expect(codes({})).toEqual([]);
  });

  it.each([
    [{ utility: true }, ['utility']],
    [{ industryCode: '4620' }, ['utility']], // 污水处理 under 门类 D
    [{ industryCode: '4411' }, ['utility']], // 火力发电
    [{ industryCode: 'D' }, ['utility']],
    [{ industryCode: '7820' }, ['utility']], // 环境卫生管理 (refuse)
    [{ industryCode: '3821' }, []],
    [{ industryCode: '78' }, []], // the whole division is not a utility
    [{ industryCode: null }, []],
  ])('%j → %j', (overrides, expected) => {
    expect(codes(overrides)).toEqual(expected);
  });

  it.each([
    ['2023-12-31', []], // exactly 2 years at 2025-12-31: evaluated
    ['2023-06-30', []],
    ['2024-01-01', ['recently_registered']], // 1 year 364 days: 不满两年
    ['2024-12-31', ['recently_registered']],
    ['2025-06-01', ['recently_registered']],
  ])('registered %s, evaluation year 2025 → %j', (registeredOn, expected) => {
    expect(codes({ registeredOn })).toEqual(expected);
  });

  it('explains the registration exclusion with the dates', () => {
    expect(exclusionsOf(buildRecord({ registeredOn: '2024-01-01' }), 2025, defaults)[0]?.reason).toBe(
      '注册于 2024-01-01，至 2025 年末不满 2 年（2023-12-31 及以前注册的参评）',
    );
  });

  it('excludes the not-yet-producing, but keeps a stopped zombie in (it belongs at the bottom, R3.5)', () => {
    expect(codes({ producing: false })).toEqual(['not_producing']);
    expect(codes({ producing: false, zombie: true, zombieBasis: '停产一年以上' })).toEqual([]);
  });

  it('gives every reason that applies', () => {
    expect(codes({ utility: true, registeredOn: '2025-03-01', producing: false })).toEqual([
      'utility',
      'recently_registered',
      'not_producing',
    ]);
  });

  it('lets the method switch each exclusion off', () => {
    const off: ExclusionSettings = {
      utilities: false,
      utilityIndustryCodes: ['D'],
      minYearsRegistered: 0,
      notProducing: false,
    };
    expect(codes({ utility: true, registeredOn: '2025-03-01', producing: false }, 2025, off)).toEqual([]);
    expect(codes({ registeredOn: '2023-01-01' }, 2025, { ...defaults, minYearsRegistered: 3 })).toEqual([
      'recently_registered',
    ]);
    expect(codes({ registeredOn: '2022-12-31' }, 2025, { ...defaults, minYearsRegistered: 3 })).toEqual([]);
  });
});
