import { describe, expect, it } from 'vitest';
import { enterpriseRecordSchema } from './enterprise-record.contract.ts';
import { fastEnterpriseRecord, recordChecker, recordRowErrors } from './record-checker.ts';
import { creditCodeFor } from './record-builder.test-support.ts';

/** R3.1: the import's shortcut must never accept what the schema refuses, nor yield anything else than the schema. */

const CODE = creditCodeFor(7);
/** Values each field may take in the corpus: the ones the template yields, and the odd ones people and clients send. */
const QUANTITY_VALUES = [
  0,
  12,
  12.5,
  '12.50',
  '007',
  ' 3 ',
  '',
  null,
  undefined,
  -1,
  '-0',
  'abc',
  '1e3',
  1e-7,
  1e17,
  '１２',
  Number.NaN,
  true,
  '12.',
  '.5',
];
const POOL: Record<string, unknown[]> = {
  creditCode: [
    CODE,
    CODE.toLowerCase(),
    ` ${CODE}`,
    CODE.slice(0, 17) + (CODE.endsWith('0') ? '1' : '0'),
    '91330300MA2AB1CD3I',
    123,
    undefined,
  ],
  name: ['温州某电气有限公司', '  有空格的公司 ', '', '   ', 'x'.repeat(200), 'x'.repeat(201), 5, null],
  platformKey: ['oujiangkou', 'zhenan', 'hitech', null, 'none', undefined, ''],
  kind: ['industrial', 'service', '工业企业', undefined],
  scale: ['above', 'below', '规上', null],
  landOwned: QUANTITY_VALUES,
  landLeased: QUANTITY_VALUES,
  tax: QUANTITY_VALUES,
  valueAdded: [100, '3120'],
  revenue: [100, null, undefined],
  rdExpense: [null, 5],
  employees: [150, 150.5, '150', '150.0', -3, null],
  energyTce: [400, '400.25'],
  emissionsTons: [null, 3.2],
  electricityKwh: [2_500_000, '2500000'],
  waterTons: [12_000, ''],
  producing: [true, false, '是', '否', ' 是', 'yes', 1, undefined],
  registeredOn: [
    undefined,
    null,
    '2019-05-20',
    ' 2019-05-20 ',
    '2019-02-29',
    '2020-02-29',
    '2019-13-01',
    '2019/05/20',
    20190520,
    '',
  ],
  industryCode: [undefined, null, '3823', ' 3823', 'C', 'Z', '38231', 3823, ''],
  backward: [undefined, true, false, '是', '否', 'x'],
  backwardBasis: [undefined, null, '', '列入淘汰计划', ' 依据 ', 'x'.repeat(1001), 7],
  zombie: [undefined, true, false, '是'],
  zombieBasis: [undefined, null, '停产两年', ''],
  utility: [undefined, true, false, '否', 'no'],
};

/** A small deterministic generator (mulberry32), so a failure names a reproducible record. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A record drawing each field from its pool; most fields keep their first (valid) value, so accepted records are common. */
function corpusRecord(next: () => number): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [field, values] of Object.entries(POOL)) {
    const value = next() < 0.8 ? values[0] : values[Math.floor(next() * values.length)];
    if (value !== undefined || next() < 0.5) record[field] = value;
  }
  return record;
}

describe('fastEnterpriseRecord: the import shortcut agrees with enterpriseRecordSchema (R3.1)', () => {
  it('accepts only what the schema accepts, and yields exactly what the schema yields (20 000 generated records)', () => {
    const next = random(20_26);
    let accepted = 0;
    let refusedBySchema = 0;
    for (let i = 0; i < 20_000; i++) {
      const raw = corpusRecord(next);
      const fast = fastEnterpriseRecord(raw);
      const schema = enterpriseRecordSchema.safeParse(raw);
      if (!schema.success) refusedBySchema++;
      if (fast === null) continue;
      accepted++;
      expect({ raw, success: schema.success }).toEqual({ raw, success: true });
      expect(fast).toStrictEqual(schema.data);
    }
    // The corpus exercises both sides: many records take the shortcut, many are refused by the schema.
    expect(accepted).toBeGreaterThan(2000);
    expect(refusedBySchema).toBeGreaterThan(2000);
  });

  it('takes the shortcut for a record as the template yields it, optional fields and flags included', () => {
    const raw = {
      creditCode: CODE,
      name: '温州某电气有限公司',
      platformKey: null,
      kind: 'industrial',
      scale: 'below',
      landOwned: null,
      landLeased: 3.5,
      tax: 0.25,
      valueAdded: 201,
      revenue: 1001,
      rdExpense: null,
      employees: 11,
      energyTce: 51,
      emissionsTons: 1.75,
      electricityKwh: 200003,
      waterTons: 1001,
      producing: '是',
      registeredOn: '2011-02-11',
      industryCode: '3443',
      backward: '是',
      backwardBasis: '列入年度淘汰落后产能计划',
      zombie: '否',
      utility: '否',
    };
    const fast = fastEnterpriseRecord(raw);
    expect(fast).not.toBeNull();
    expect(fast).toStrictEqual(enterpriseRecordSchema.parse(raw));
  });

  it('leaves a flag without its basis to the schema, which refuses it', () => {
    const raw = {
      creditCode: CODE,
      name: 'a',
      platformKey: null,
      kind: 'service',
      scale: 'above',
      landOwned: 1,
      landLeased: null,
      tax: 1,
      valueAdded: 1,
      revenue: 1,
      rdExpense: 1,
      employees: 1,
      energyTce: 1,
      emissionsTons: 1,
      electricityKwh: 1,
      waterTons: 1,
      producing: true,
      zombie: true,
    };
    expect(fastEnterpriseRecord(raw)).toBeNull();
    expect(enterpriseRecordSchema.safeParse(raw).error?.issues.map((issue) => issue.path[0])).toEqual(['zombieBasis']);
  });
});

describe('recordChecker: one year, row by row', () => {
  const valid = (creditCode: string, extra: Record<string, unknown> = {}) => ({
    creditCode,
    name: '某公司',
    platformKey: 'zhenan',
    kind: 'industrial',
    scale: 'above',
    landOwned: 10,
    landLeased: null,
    tax: 50,
    valueAdded: 1,
    revenue: 1,
    rdExpense: 1,
    employees: 1,
    energyTce: 1,
    emissionsTons: 1,
    electricityKwh: 1,
    waterTons: 1,
    producing: true,
    ...extra,
  });

  it('numbers rows as the caller counts them and remembers each code’s first row', () => {
    const checker = recordChecker(2024);
    expect(checker.check(valid(creditCodeFor(1)), 2).errors).toBeNull();
    expect(checker.check(valid(creditCodeFor(2)), 5).errors).toBeNull();
    expect(checker.check(valid(creditCodeFor(1)), 9).errors).toEqual([
      { row: 9, column: 'creditCode', message: '统一社会信用代码与第 2 行重复（同一年度每家企业只能有一条记录）' },
    ]);
    expect(checker.rowOf(creditCodeFor(2))).toBe(5);
  });

  it('refuses a registration after the year’s end, and takes 12-31 itself', () => {
    const checker = recordChecker(2024);
    expect(checker.check(valid(creditCodeFor(1), { registeredOn: '2024-12-31' }), 1).errors).toBeNull();
    expect(checker.check(valid(creditCodeFor(2), { registeredOn: '2025-01-01' }), 2).errors).toEqual([
      { row: 2, column: 'registeredOn', message: '注册日期 2025-01-01 晚于评价年度 2024 年末' },
    ]);
  });

  it('reports a repeated code even when the repeat is itself bad, as the dry run lists every cell', () => {
    expect(recordRowErrors([valid(CODE), valid(CODE, { tax: -1 })])).toEqual([
      { row: 2, column: 'tax', message: '“实缴税收（万元）”不能为负数，实为 -1' },
      { row: 2, column: 'creditCode', message: '统一社会信用代码与第 1 行重复（同一年度每家企业只能有一条记录）' },
    ]);
  });
});
