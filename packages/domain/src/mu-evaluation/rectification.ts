import Decimal from 'decimal.js';
import { z } from 'zod';
import type { PlatformKey } from '../platform/platforms.ts';
import type { EvaluationClass } from './classes.ts';
import type { EnterpriseRecord } from '../enterprise-records/enterprise-record.contract.ts';
import type { EvaluationSetKey } from './mu-evaluation-method.ts';
import { landMu } from './indicators.ts';
import { formatPerMu, formatShare, UNITS } from '../platform/format.ts';

/**
 * R3.4 (§三(二)2 "全面推进亩均税收万元以下工业企业整治，按照高标准将三大平台内亩均税收5万元以下企业（包括自有工业用地企业
 * 和承租企业）一并纳入整治范围"). 以下 includes the figure (POLICY.md "Reading the numbers"), so the bars are
 * tax ≤ 1 × land outside the platforms and tax ≤ 5 × land inside, compared without dividing (D1). Land is owned +
 * leased, so a tenant is measured on its leased land exactly like an owner on its own.
 * The original's platform sentence says "企业" where the city one says "工业企业"; the issue and POLICY.md read both
 * as industrial enterprises, and so does this list (a service enterprise is never listed).
 * DOMAIN-FACTS §0 S15 and §1.7 write the bars as "< 1" and "< 5"; the original's 以下 includes the figure, as
 * POLICY.md says, so ≤ it is.
 */
/** R3.4: 万元/亩, inclusive. */
export const RECTIFICATION_BARS = { city: '1', platform: '5' } as const;

export const RECTIFICATION_TRACKS = ['support', 'tax_review', 'rectify'] as const;
export type RectificationTrack = (typeof RECTIFICATION_TRACKS)[number];
export const RECTIFICATION_TRACK_LABELS: Record<RectificationTrack, string> = {
  support: '帮扶支持',
  tax_review: '税收重点评估',
  rectify: '整治提升',
};

/**
 * D16. tax_review: producing normally (producing, not a flagged zombie) while electricity per 亩 is at or above the
 * median of its evaluation set — it uses as much power as a typical enterprise of its kind yet pays tax under the bar;
 * with basis 'electricity_or_energy' energy per 亩 at or above the set's median also qualifies (the seed says
 * "用电、用能"). support: revenue grew by at least `supportRevenueGrowth` (a fraction, D2; default 0.10) on the
 * previous year's positive revenue. Else rectify. Checked in that order (D16's), so an enterprise whose power use
 * contradicts its tax goes to tax review even when growing. The original's support group is "成长潜力大、符合产业发展
 * 方向但暂时存在困难"; whether an enterprise fits the platform's direction needs the access catalog (R1), which this
 * pure rule does not take, so growth alone decides here as D16 says.
 */
export type RectificationSettings = {
  supportRevenueGrowth: number;
  taxReviewBasis: 'electricity' | 'electricity_or_energy';
};
export const DEFAULT_RECTIFICATION_SETTINGS: RectificationSettings = {
  supportRevenueGrowth: 0.1,
  taxReviewBasis: 'electricity',
};

export const rectificationSettingsSchema = z.object({
  supportRevenueGrowth: z
    .number({ error: '营业收入增长幅度必须是数字' })
    .min(0, { error: '营业收入增长幅度不能为负数' })
    .max(10, { error: '营业收入增长幅度以比例表示（0.1 即 10%），不能超过 10' }),
  taxReviewBasis: z.enum(['electricity', 'electricity_or_energy'], {
    error: '税收评估依据应为 electricity 或 electricity_or_energy',
  }),
});

export type RectificationItem = {
  creditCode: string;
  name: string;
  platformKey: PlatformKey | null;
  /** The enterprise's class in the run (never T: class T is not listed). */
  class: EvaluationClass;
  /** 亩均税收 rounded to 4 decimals for display; the bar is judged exactly. */
  taxPerMu: string;
  bar: string;
  track: RectificationTrack;
  reason: string;
};

type ResultRef = { creditCode: string; class: EvaluationClass; set: EvaluationSetKey };

/** Enough digits that products of a few figures of up to 16 integer digits stay exact. */
const Exact = Decimal.clone({ precision: 80 });

type ExactRatio = { num: Decimal; den: Decimal };

/**
 * A figure per 亩 as a ratio, never divided for a decision (D1): floats for sorting and for comparisons far from a
 * tie, the exact decimals (made only when needed) for near-ties and for display. A run lists up to 100 000
 * enterprises; exact decimals for every one of them cost about a second. The two kinds keep what their exact form
 * is made from as fields, not as a closure: a run makes a few hundred thousand of them (issue #15).
 */
abstract class Ratio {
  private exactParts: ExactRatio | null = null;
  constructor(
    readonly approxNum: number,
    readonly approxDen: number,
  ) {}
  get exact(): ExactRatio {
    return (this.exactParts ??= this.makeExact());
  }
  protected abstract makeExact(): ExactRatio;
}

/** A figure of a record over the record's land (owned + leased). */
class PerMu extends Ratio {
  constructor(
    private readonly figure: string,
    private readonly record: EnterpriseRecord,
    land: number,
  ) {
    super(Number(figure), land);
  }
  protected makeExact(): ExactRatio {
    return { num: new Exact(this.figure), den: new Exact(landMu(this.record)!.toFixed()) };
  }
}

/** The mean of two ratios, (p1/q1 + p2/q2) / 2, kept as one ratio. */
class MeanOfTwo extends Ratio {
  constructor(
    private readonly lower: Ratio,
    private readonly upper: Ratio,
  ) {
    super(lower.approxNum * upper.approxDen + upper.approxNum * lower.approxDen, lower.approxDen * upper.approxDen * 2);
  }
  protected makeExact(): ExactRatio {
    const { lower, upper } = this;
    return {
      num: lower.exact.num.times(upper.exact.den).plus(upper.exact.num.times(lower.exact.den)),
      den: lower.exact.den.times(upper.exact.den).times(2),
    };
  }
}

/** Relative slack covering the float products' rounding (a few units in the last place): only near-ties go exact. */
const SLACK = 1e-12;

/** left ≥ right, decided by floats when they are clearly apart, exactly otherwise. */
function decide(left: number, right: number, exactly: () => boolean): boolean {
  if (left > right * (1 + SLACK)) return true;
  if (left < right * (1 - SLACK)) return false;
  return exactly();
}

/** a/b ≥ c/d for positive denominators, without dividing. */
const atLeast = (a: Ratio, b: Ratio) =>
  decide(a.approxNum * b.approxDen, b.approxNum * a.approxDen, () =>
    a.exact.num.times(b.exact.den).gte(b.exact.num.times(a.exact.den)),
  );

/** num/den ≤ bar, without dividing: bar × den ≥ num. */
const atMost = (ratio: Ratio, bar: string) =>
  decide(Number(bar) * ratio.approxDen, ratio.approxNum, () => ratio.exact.den.times(bar).gte(ratio.exact.num));

/** The median of ratios, as a ratio: the middle one, or the mean of the two middle ones (p1/q1 + p2/q2) / 2. */
function medianRatio(ratios: Ratio[]): Ratio | null {
  if (ratios.length === 0) return null;
  const sorted = [...ratios].sort((a, b) => a.approxNum / a.approxDen - b.approxNum / b.approxDen);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid]!;
  if (sorted.length % 2 === 1) return upper;
  return new MeanOfTwo(sorted[mid - 1]!, upper);
}

/** A figure per 亩 of a record, or null when the figure or the land is missing or the land is 0. */
function perMu(record: EnterpriseRecord, figure: string | null): Ratio | null {
  if (figure === null || (record.landOwned === null && record.landLeased === null)) return null;
  // Figures are non-negative decimals of at most 6 places, so the float sum is 0 exactly when the land is.
  const land = Number(record.landOwned ?? 0) + Number(record.landLeased ?? 0);
  return land === 0 ? null : new PerMu(figure, record, land);
}

/**
 * Each record's result, by the record's position. A run's results come in its records' order, so the common case
 * needs no map of 100 000 credit codes; any other order is matched by credit code, once per record.
 */
function resultsByRecord(
  results: readonly ResultRef[],
  records: readonly EnterpriseRecord[],
): ReadonlyArray<ResultRef | undefined> {
  if (results.length === records.length && records.every((record, i) => results[i]!.creditCode === record.creditCode))
    return results;
  const byCode = new Map(results.map((result) => [result.creditCode, result]));
  return records.map((record) => byCode.get(record.creditCode));
}

type MedianUse = 'electricity' | 'energy';

/**
 * The R3.4 list of a run: industrial, evaluated (class T is not listed, D16), tax and land present, land > 0.
 * `previousRecords` (last year's, matched by credit code) decide growth; without them no one is `support`.
 */
export function rectificationList(input: {
  results: readonly ResultRef[];
  records: readonly EnterpriseRecord[];
  /** Only each one's credit code and revenue are read. */
  previousRecords?: ReadonlyArray<Pick<EnterpriseRecord, 'creditCode' | 'revenue'>>;
  settings?: RectificationSettings;
}): RectificationItem[] {
  const settings = input.settings ?? DEFAULT_RECTIFICATION_SETTINGS;
  const { records } = input;
  const resultOf = resultsByRecord(input.results, records);
  const previous = new Map((input.previousRecords ?? []).map((record) => [record.creditCode, record]));

  const medians = new Map<string, Ratio | null>();
  const median = (set: EvaluationSetKey, what: MedianUse) => {
    const key = `${set}:${what}`;
    if (!medians.has(key)) {
      const ratios: Ratio[] = [];
      records.forEach((record, i) => {
        const result = resultOf[i];
        if (!result || result.class === 'T' || result.set !== set) return;
        const ratio = perMu(record, what === 'electricity' ? record.electricityKwh : record.energyTce);
        if (ratio) ratios.push(ratio);
      });
      medians.set(key, medianRatio(ratios));
    }
    return medians.get(key) ?? null;
  };

  const items: RectificationItem[] = [];
  records.forEach((record, i) => {
    if (record.kind !== 'industrial') return;
    const result = resultOf[i];
    if (!result || result.class === 'T') return;
    const taxPerMu = perMu(record, record.tax);
    if (!taxPerMu) return;
    const bar = record.platformKey === null ? RECTIFICATION_BARS.city : RECTIFICATION_BARS.platform;
    if (!atMost(taxPerMu, bar)) return;

    const scope = record.platformKey === null ? '全市' : '三大平台内';
    // R3.4: the reason is read by people, so every figure carries its unit and no rule id is shown.
    const head = `亩均税收 ${formatPerMu(fmt(taxPerMu))}，不高于${scope}整治线 ${formatPerMu(bar)}（“以下”含本数）`;
    const { track, why } = trackOf(record, result.set, previous.get(record.creditCode), settings, median);
    items.push({
      creditCode: record.creditCode,
      name: record.name,
      platformKey: record.platformKey,
      class: result.class,
      taxPerMu: fmt(taxPerMu),
      bar,
      track,
      reason: `${head}；${why}`,
    });
  });
  return items;
}

/**
 * A ratio to 4 places, half up, for display. The float quotient is right to far better than 1e-5 of a unit of the
 * 4th place below 1e5 per 亩, so it is used unless it lies that close to a half; there the exact quotient decides.
 */
function fmt(ratio: Ratio): string {
  const scaled = (ratio.approxNum / ratio.approxDen) * 1e4;
  const fraction = scaled - Math.floor(scaled);
  if (scaled < 1e9 && Math.abs(fraction - 0.5) > 1e-5) return (Math.floor(scaled + 0.5) / 1e4).toFixed(4);
  return ratio.exact.num.dividedBy(ratio.exact.den).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4);
}

function trackOf(
  record: EnterpriseRecord,
  set: EvaluationSetKey,
  before: Pick<EnterpriseRecord, 'revenue'> | undefined,
  settings: RectificationSettings,
  median: (set: EvaluationSetKey, what: MedianUse) => Ratio | null,
): { track: RectificationTrack; why: string } {
  if (record.producing && record.zombie !== true) {
    const uses: [MedianUse, string, string | null, typeof UNITS.electricityPerMu | typeof UNITS.energyPerMu][] = [
      ['electricity', '用电量', record.electricityKwh, UNITS.electricityPerMu],
    ];
    if (settings.taxReviewBasis === 'electricity_or_energy')
      uses.push(['energy', '综合能耗', record.energyTce, UNITS.energyPerMu]);
    for (const [what, label, figure, unit] of uses) {
      const own = perMu(record, figure);
      const middle = median(set, what);
      if (own && middle && atLeast(own, middle)) {
        return {
          track: 'tax_review',
          why: `正常生产，亩均${label} ${formatPerMu(fmt(own), unit)}，不低于本评价组中位数 ${formatPerMu(fmt(middle), unit)}，税收与${label}明显不符，列为税收重点评估对象`,
        };
      }
    }
  }
  if (before && before.revenue !== null && record.revenue !== null && new Exact(before.revenue).gt(0)) {
    const growth = new Exact(settings.supportRevenueGrowth);
    if (new Exact(record.revenue).gte(new Exact(before.revenue).times(growth.plus(1)))) {
      const actual = new Exact(record.revenue).dividedBy(before.revenue).minus(1).toFixed();
      return {
        track: 'support',
        why: `营业收入较上年增长 ${formatShare(actual)}，达到 ${formatShare(growth.toFixed())} 的成长标准，列为帮扶支持对象`,
      };
    }
  }
  return { track: 'rectify', why: '未见成长潜力或税收异常，列入整治提升' };
}
