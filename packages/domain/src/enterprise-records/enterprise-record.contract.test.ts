import { describe, expect, it } from 'vitest';
import { enterpriseRecordSchema } from './enterprise-record.contract.ts';
import { enterpriseRecordsBodySchema } from './enterprises.contract.ts';
import { recordRowErrors } from './record-checker.ts';
import { creditCodeFor } from './record-builder.test-support.ts';

const CODE_1 = creditCodeFor(1);
const CODE_2 = creditCodeFor(2);
const CODE_3 = creditCodeFor(3);

const valid = (overrides: Record<string, unknown> = {}) => ({
  creditCode: CODE_1,
  name: '温州某电气有限公司',
  platformKey: 'oujiangkou',
  kind: 'industrial',
  scale: 'above',
  landOwned: 20,
  landLeased: '5.5',
  tax: '120.25',
  valueAdded: 800,
  revenue: 3000,
  rdExpense: 90,
  employees: 150,
  energyTce: 400,
  emissionsTons: 3.2,
  electricityKwh: 2_500_000,
  waterTons: 12_000,
  producing: true,
  ...overrides,
});

const messages = (input: unknown) => {
  const result = enterpriseRecordSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${String(issue.path[0] ?? '')}: ${issue.message}`);
};

describe('R3.1 enterprise record (POST /api/v1/enterprise-records, one row of the import)', () => {
  it('parses JSON numbers and decimal strings into exact decimal strings', () => {
    const record = enterpriseRecordSchema.parse(valid());
    expect(record).toMatchObject({
      landOwned: '20',
      landLeased: '5.5',
      tax: '120.25',
      emissionsTons: '3.2',
      employees: '150',
      platformKey: 'oujiangkou',
    });
  });

  it('normalises full-width digits, blanks and the credit code as people type them', () => {
    const record = enterpriseRecordSchema.parse(valid({ tax: ' １２.５ ', creditCode: CODE_1.toLowerCase() }));
    expect(record.tax).toBe('12.5');
    expect(record.creditCode).toBe(CODE_1);
  });

  it('takes null or an empty cell as a missing figure (D14), and platformKey null as elsewhere in the city', () => {
    const record = enterpriseRecordSchema.parse(
      valid({ emissionsTons: null, rdExpense: '', platformKey: null, landOwned: null }),
    );
    expect(record).toMatchObject({ emissionsTons: null, rdExpense: null, platformKey: null, landOwned: null });
  });

  it.each([
    [{ tax: -1 }, 'tax: “实缴税收（万元）”不能为负数，实为 -1'],
    [{ landLeased: '-0.5' }, 'landLeased: “承租用地面积（亩）”不能为负数，实为 -0.5'],
    [{ revenue: 'abc' }, 'revenue: “营业收入（万元）”必须是数字，实为“abc”'],
    [{ revenue: '1,000' }, 'revenue: “营业收入（万元）”必须是数字，实为“1,000”'],
    [{ waterTons: true }, 'waterTons: “用水量（吨）”必须是数字'],
    [{ energyTce: Number.NaN }, 'energyTce: “综合能耗（吨标煤）”必须是数字'],
    [{ electricityKwh: '1e20' }, 'electricityKwh: “用电量（千瓦时）”必须是数字，实为“1e20”'],
    [{ electricityKwh: 1e17 }, 'electricityKwh: “用电量（千瓦时）”数值过大'],
    [{ employees: 10.5 }, 'employees: “年平均职工人数”必须是整数，实为 10.5'],
    [{ kind: 'farm' }, 'kind: 企业类型应为 industrial（工业）或 service（服务业）'],
    [{ scale: 'big' }, 'scale: 企业规模应为 above（规上）或 below（规下）'],
    [{ producing: 'yes' }, 'producing: “是否正常生产”应为 true/false（是/否）'],
    [{ registeredOn: '2023-02-30' }, 'registeredOn: “注册日期”2023-02-30 不存在'],
    [{ registeredOn: '2023/02/01' }, 'registeredOn: “注册日期”格式应为 YYYY-MM-DD'],
    [{ utility: 'maybe' }, 'utility: “公用事业企业”应为 true/false（是/否）'],
    [{ backward: true }, 'backwardBasis: 已标记为淘汰落后类，请填写认定依据'],
    [{ zombie: true, zombieBasis: '  ' }, 'zombieBasis: 已标记为停产僵尸类，请填写认定依据'],
  ])('%j is refused naming the field', (overrides, message) => {
    expect(messages(valid(overrides))).toEqual([message]);
  });

  it('refuses a missing column rather than reading it as missing data', () => {
    const { tax: _tax, ...withoutTax } = valid();
    expect(messages(withoutTax)).toEqual(['tax: 缺少“实缴税收（万元）”（没有数据请填 null 或留空）']);
  });

  it('accepts 是/否 for producing and a flag with its basis', () => {
    const record = enterpriseRecordSchema.parse(
      valid({ producing: '否', zombie: true, zombieBasis: '2024 年起停产，欠薪' }),
    );
    expect(record.producing).toBe(false);
    expect(record.zombie).toBe(true);
  });
});

describe('recordRowErrors: the dry-run report, row by row', () => {
  it('reports every bad cell with its 1-based row and column, and repeats of a credit code', () => {
    const errors = recordRowErrors([
      valid(),
      valid({ creditCode: CODE_2, tax: -3, kind: 'farm' }),
      valid({ creditCode: CODE_1.toLowerCase() }),
      'not a record',
      valid({ creditCode: `${CODE_3.slice(0, 17)}${CODE_3.endsWith('0') ? '1' : '0'}`, employees: 'many' }),
    ]);
    expect(errors).toEqual([
      { row: 2, column: 'kind', message: '企业类型应为 industrial（工业）或 service（服务业）' },
      { row: 2, column: 'tax', message: '“实缴税收（万元）”不能为负数，实为 -3' },
      { row: 3, column: 'creditCode', message: '统一社会信用代码与第 1 行重复（同一年度每家企业只能有一条记录）' },
      { row: 4, column: '', message: '这一行不是一条企业记录' },
      { row: 5, column: 'creditCode', message: expect.stringContaining('统一社会信用代码校验位应为') },
      { row: 5, column: 'employees', message: '“年平均职工人数”必须是数字，实为“many”' },
    ]);
  });

  it('finds a duplicate even when the repeated row has other errors', () => {
    const errors = recordRowErrors([valid(), valid({ tax: 'x' })]);
    expect(errors.map((e) => `${e.row}:${e.column}`)).toEqual(['2:tax', '2:creditCode']);
  });

  it('checks registration dates against the year when given', () => {
    expect(recordRowErrors([valid({ registeredOn: '2025-01-01' })], { year: 2024 })).toEqual([
      { row: 1, column: 'registeredOn', message: '注册日期 2025-01-01 晚于评价年度 2024 年末' },
    ]);
    expect(recordRowErrors([valid({ registeredOn: '2024-12-31' })], { year: 2024 })).toEqual([]);
  });

  it('is empty for good rows', () => {
    expect(recordRowErrors([valid(), valid({ creditCode: CODE_2 })])).toEqual([]);
  });
});

describe('enterpriseRecordsBodySchema: the body of POST /enterprise-records (the records are checked by recordChecker)', () => {
  it.each([
    [1999, false],
    [2000, true],
    [2100, true],
    [2101, false],
    [2024.5, false],
  ])('year %d accepted: %s', (year, ok) => {
    expect(enterpriseRecordsBodySchema.safeParse({ year, records: [valid()] }).success).toBe(ok);
  });

  it('refuses duplicates and late registrations, naming the row and the cell', () => {
    expect(recordRowErrors([valid(), valid({ registeredOn: '2025-03-01' })], { year: 2024 })).toEqual([
      { row: 2, column: 'creditCode', message: '统一社会信用代码与第 1 行重复（同一年度每家企业只能有一条记录）' },
      { row: 2, column: 'registeredOn', message: '注册日期 2025-03-01 晚于评价年度 2024 年末' },
    ]);
  });

  it('refuses an empty list', () => {
    expect(enterpriseRecordsBodySchema.safeParse({ year: 2024, records: [] }).error?.issues[0]?.message).toBe(
      '企业数据 records 不能为空',
    );
  });
});

describe('registration dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2023-04-31', false],
    ['2023-12-31', true],
    ['2023-13-01', false],
    ['2023-00-10', false],
    ['2023-01-00', false],
  ])('%s accepted: %s', (registeredOn, ok) => {
    expect(enterpriseRecordSchema.safeParse(valid({ registeredOn })).success).toBe(ok);
  });
});
