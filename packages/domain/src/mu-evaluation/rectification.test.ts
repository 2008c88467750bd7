import { describe, expect, it } from 'vitest';
import type { EnterpriseRecord } from '../enterprise-records/enterprise-record.contract.ts';
import { evaluationSetOf } from './mu-evaluation-method.ts';
import { buildRecord } from '../enterprise-records/record-builder.test-support.ts';
import { RECTIFICATION_TRACK_LABELS, rectificationList, type RectificationSettings } from './rectification.ts';

/** Results as a run would give them: everyone evaluated (class C) unless listed as T. */
function list(
  records: EnterpriseRecord[],
  options: { t?: string[]; previousRecords?: EnterpriseRecord[]; settings?: RectificationSettings } = {},
) {
  const results = records.map((r) => ({
    creditCode: r.creditCode,
    class: options.t?.includes(r.creditCode) ? ('T' as const) : ('C' as const),
    set: evaluationSetOf(r),
  }));
  return rectificationList({ results, records, previousRecords: options.previousRecords, settings: options.settings });
}
const codes = (records: EnterpriseRecord[]) => list(records).map((item) => item.creditCode);

describe('R3.4 rectification bars (以下 includes the figure)', () => {
  it.each([
    ['1', true],
    ['0.9999', true],
    ['1.0001', false],
  ])('outside the platforms: %s 万元/亩 listed: %s', (taxPerMu, listed) => {
    expect(codes([buildRecord({ creditCode: 'X', platformKey: null, landOwned: '1', tax: taxPerMu })])).toEqual(
      listed ? ['X'] : [],
    );
  });

  it.each([
    ['5', true],
    ['4.9999', true],
    ['5.0001', false],
  ])('inside a platform: %s 万元/亩 listed: %s', (taxPerMu, listed) => {
    expect(codes([buildRecord({ creditCode: 'X', platformKey: 'hitech', landOwned: '1', tax: taxPerMu })])).toEqual(
      listed ? ['X'] : [],
    );
  });

  it('decides exactly where floating point cannot tell the figures apart (D1)', () => {
    // 5 000 000 000 000 000.000001 万元 on 1e15 亩 is 5.000…0000000001 per 亩: a float sees exactly 5.
    const land = '1000000000000000';
    const over = buildRecord({
      creditCode: 'OVER',
      platformKey: 'hitech',
      landOwned: land,
      tax: '5000000000000000.000001',
    });
    const at = buildRecord({
      creditCode: 'AT',
      platformKey: 'hitech',
      landOwned: '999999999999999.5',
      landLeased: '0.5',
      tax: '5000000000000000',
    });
    const under = buildRecord({
      creditCode: 'UNDER',
      platformKey: 'hitech',
      landOwned: land,
      tax: '4999999999999999.999999',
    });
    expect(codes([over, at, under])).toEqual(['AT', 'UNDER']);
  });

  it('judges a tenant on its leased land exactly like an owner', () => {
    const tenant = buildRecord({
      creditCode: 'TENANT',
      platformKey: 'zhenan',
      landOwned: null,
      landLeased: '2',
      tax: '10',
    });
    const owner = buildRecord({
      creditCode: 'OWNER',
      platformKey: 'zhenan',
      landOwned: '2',
      landLeased: null,
      tax: '10',
    });
    const richTenant = buildRecord({
      creditCode: 'RICH',
      platformKey: 'zhenan',
      landOwned: '0',
      landLeased: '2',
      tax: '10.0002',
    });
    const items = list([tenant, owner, richTenant]);
    expect(items.map((item) => [item.creditCode, item.taxPerMu, item.bar])).toEqual([
      ['TENANT', '5.0000', '5'],
      ['OWNER', '5.0000', '5'],
    ]);
  });

  it('compares exactly: 0.8 万元 over 0.1 + 0.7 亩 is 1 万元/亩, listed (floats say 1.0000000000000002)', () => {
    expect(codes([buildRecord({ creditCode: 'X', landOwned: '0.1', landLeased: '0.7', tax: '0.8' })])).toEqual(['X']);
  });

  it('lists industrial enterprises only, evaluated only (not T), with land and tax known', () => {
    const records = [
      buildRecord({ creditCode: 'SERVICE', kind: 'service', tax: '0' }),
      buildRecord({ creditCode: 'T', tax: '0' }),
      buildRecord({ creditCode: 'NOLAND', landOwned: '0', landLeased: '0', tax: '0' }),
      buildRecord({ creditCode: 'NOTAX', tax: null }),
      buildRecord({ creditCode: 'BELOW', scale: 'below', tax: '0' }),
    ];
    expect(list(records, { t: ['T'] }).map((item) => item.creditCode)).toEqual(['BELOW']);
  });
});

describe('R3.4 tracks (D16)', () => {
  // Set 规上工业 electricity per 亩 (10 亩 each): 50 000, 100 000, 150 000, 200 000 kWh/亩 → median 125 000.
  const peers = [500_000, 1_000_000, 1_500_000, 2_000_000].map((kwh, i) =>
    buildRecord({ creditCode: `PEER${i}`, electricityKwh: String(kwh), tax: '1000' }),
  );
  const low = (overrides: Partial<EnterpriseRecord>) => buildRecord({ creditCode: 'LOW', tax: '5', ...overrides });
  const trackOf = (record: EnterpriseRecord, options: Parameters<typeof list>[1] = {}) =>
    list([...peers, record], options).find((i) => i.creditCode === 'LOW');

  it('tax review: producing, electricity per 亩 at or above the set median (the median includes it)', () => {
    // with LOW the set has 5 values; LOW at 130 000 kWh/亩 is the median itself.
    const item = trackOf(low({ electricityKwh: '1300000' }));
    expect(item).toMatchObject({ track: 'tax_review', taxPerMu: '0.5000', bar: '1' });
    expect(item?.reason).toContain('不低于本评价组中位数');
  });

  it('R3.4: every figure of the reason carries its unit, and no rule id is shown to the reader', () => {
    const item = trackOf(low({ electricityKwh: '1300000' }));
    expect(item?.reason).toBe(
      '亩均税收 0.50 万元/亩，不高于全市整治线 1.00 万元/亩（“以下”含本数）；正常生产，亩均用电量 130,000.00 千瓦时/亩，不低于本评价组中位数 130,000.00 千瓦时/亩，税收与用电量明显不符，列为税收重点评估对象',
    );
    expect(item?.reason).not.toMatch(/\b[RD]\d+(\.\d+)?\b/);
  });

  it('not tax review just under the median, nor when not producing normally', () => {
    expect(trackOf(low({ electricityKwh: '990000' }))?.track).toBe('rectify'); // 99 000 < median 100 000 (of 50k, 99k, 100k, 150k, 200k)
    expect(
      trackOf(low({ electricityKwh: '3000000', producing: false, zombie: true, zombieBasis: '停产' }))?.track,
    ).toBe('rectify');
  });

  it('support: revenue up at least 10 % on the previous year (exactly 10 % included)', () => {
    const previousRecords = [buildRecord({ creditCode: 'LOW', revenue: '1000' })];
    expect(trackOf(low({ electricityKwh: '0', revenue: '1100' }), { previousRecords })).toMatchObject({
      track: 'support',
      reason: expect.stringContaining('增长 10%'),
    });
    expect(trackOf(low({ electricityKwh: '0', revenue: '1099.99' }), { previousRecords })?.track).toBe('rectify');
    expect(trackOf(low({ electricityKwh: '0', revenue: '1100' }))?.track).toBe('rectify'); // no previous year
  });

  it('tax review comes first (D16 order), and energy counts when the basis says so', () => {
    const previousRecords = [buildRecord({ creditCode: 'LOW', revenue: '1000' })];
    expect(trackOf(low({ electricityKwh: '3000000', revenue: '2000' }), { previousRecords })?.track).toBe('tax_review');
    const energyHeavy = low({ electricityKwh: '0', energyTce: '5000' });
    expect(trackOf(energyHeavy)?.track).toBe('rectify');
    expect(
      trackOf(energyHeavy, { settings: { supportRevenueGrowth: 0.1, taxReviewBasis: 'electricity_or_energy' } })?.track,
    ).toBe('tax_review');
  });

  it('labels the tracks in Chinese', () => {
    expect(RECTIFICATION_TRACK_LABELS).toEqual({
      support: '帮扶支持',
      tax_review: '税收重点评估',
      rectify: '整治提升',
    });
  });
});

describe('R3.4 figures shown to 4 places, half up, as the exact quotient rounds', () => {
  it.each([
    ['1', '3', '0.3333'],
    ['2', '3', '0.6667'],
    ['0.00005', '1', '0.0001'],
    ['0.00004999', '1', '0.0000'],
    ['1.23445', '1', '1.2345'],
    ['12344.5', '10000', '1.2345'],
    ['4.99995', '1', '5.0000'],
    ['0.000050000000000001', '1', '0.0001'],
    ['0.000049999999999999', '1', '0.0000'],
  ])('tax %s on %s 亩 shows %s', (tax, land, shown) => {
    const [item] = list([
      buildRecord({ creditCode: 'X', platformKey: 'hitech', landOwned: land, tax, electricityKwh: '0' }),
    ]);
    expect(item?.taxPerMu).toBe(shown);
  });
});
