import Decimal from 'decimal.js';
import { classifyIndustry } from '../catalog/classify.ts';
import type { CatalogItem } from '../catalog/catalog-types.ts';

/**
 * §三(一) 1 (R3.1): a platform's existing industries — total and share of output, tax, value added and number of
 * enterprises by GB/T 4754 大类 and by the platform's leading industries, with the change on the previous year.
 * Output is the records' 营业收入 (the base database has no separate 产值 column). Sums are exact (D1); a missing
 * figure (D14) adds nothing and is counted in `missing`.
 */
export const PROFILE_MEASURES = ['revenue', 'tax', 'valueAdded', 'enterprises'] as const;
export type ProfileMeasure = (typeof PROFILE_MEASURES)[number];
export const PROFILE_MEASURE_LABELS: Record<ProfileMeasure, string> = {
  revenue: '营业收入（万元）',
  tax: '税收（万元）',
  valueAdded: '增加值（万元）',
  enterprises: '企业数（家）',
};

export type ProfileRecord = {
  creditCode: string;
  industryCode?: string | null;
  revenue: string | null;
  tax: string | null;
  valueAdded: string | null;
};

export type ProfileFigure = {
  value: string;
  /** Fraction of the platform's total (D2), null when the total is 0. */
  share: number | null;
  previous: string;
  /** (this − previous) ÷ previous, null without a previous figure. */
  change: number | null;
};

export type ProfileRow = { key: string; figures: Record<ProfileMeasure, ProfileFigure>; missing: number };

export type IndustryProfile = { total: ProfileRow; byDivision: ProfileRow[]; byLeading: ProfileRow[] };

/** Key of the rows of enterprises without an industry code, and of those outside every leading industry. */
export const NO_INDUSTRY = '未填行业';
export const NOT_LEADING = '非主导产业';

/** The leading-industry name in a catalog note "瓯江口主导产业：新能源——光伏设备…" → "新能源"; else the whole note. */
export function leadingIndustryName(note: string): string {
  const match = /主导产业[：:]\s*([^—（(]+)/.exec(note);
  return (match?.[1] ?? note).trim();
}

/** Which leading industry an industry code falls in, by the catalog's R1.2-leading items (most specific wins). */
export function leadingIndustryOf(
  industryCode: string | null | undefined,
  leadingItems: readonly CatalogItem[],
): string {
  if (!industryCode) return NOT_LEADING;
  const result = classifyIndustry({ items: leadingItems, industryCode, platformName: '', catalogVersion: '' });
  return result.item ? leadingIndustryName(result.item.note) : NOT_LEADING;
}

export const divisionOf = (industryCode: string | null | undefined) =>
  industryCode && /^\d{2}/.test(industryCode) ? industryCode.slice(0, 2) : NO_INDUSTRY;

type Sums = { revenue: Decimal; tax: Decimal; valueAdded: Decimal; enterprises: Decimal; missing: number };
const emptySums = (): Sums => ({
  revenue: new Decimal(0),
  tax: new Decimal(0),
  valueAdded: new Decimal(0),
  enterprises: new Decimal(0),
  missing: 0,
});

function add(sums: Sums, record: ProfileRecord) {
  let missing = false;
  for (const measure of ['revenue', 'tax', 'valueAdded'] as const) {
    const value = record[measure];
    if (value === null) missing = true;
    else sums[measure] = sums[measure].plus(value);
  }
  sums.enterprises = sums.enterprises.plus(1);
  if (missing) sums.missing += 1;
}

function group(records: readonly ProfileRecord[], keyOf: (r: ProfileRecord) => string): Map<string, Sums> {
  const map = new Map<string, Sums>();
  for (const record of records) {
    const key = keyOf(record);
    let sums = map.get(key);
    if (!sums) map.set(key, (sums = emptySums()));
    add(sums, record);
  }
  return map;
}

const fraction = (part: Decimal, whole: Decimal) =>
  whole.isZero() ? null : part.div(whole).toDecimalPlaces(6).toNumber();

function row(key: string, now: Sums, before: Sums, total: Sums): ProfileRow {
  const figures = {} as Record<ProfileMeasure, ProfileFigure>;
  for (const measure of PROFILE_MEASURES) {
    const value = now[measure];
    const previous = before[measure];
    figures[measure] = {
      value: value.toString(),
      share: fraction(value, total[measure]),
      previous: previous.toString(),
      change: previous.isZero() ? null : value.minus(previous).div(previous).toDecimalPlaces(6).toNumber(),
    };
  }
  return { key, figures, missing: now.missing };
}

function rows(
  keyOf: (r: ProfileRecord) => string,
  records: readonly ProfileRecord[],
  previous: readonly ProfileRecord[],
  total: Sums,
) {
  const now = group(records, keyOf);
  const before = group(previous, keyOf);
  const keys = [...new Set([...now.keys(), ...before.keys()])];
  return keys
    .map((key) => row(key, now.get(key) ?? emptySums(), before.get(key) ?? emptySums(), total))
    .sort((a, b) => new Decimal(b.figures.revenue.value).cmp(a.figures.revenue.value) || a.key.localeCompare(b.key));
}

export function industryProfile(input: {
  records: readonly ProfileRecord[];
  previousRecords: readonly ProfileRecord[];
  leadingItems: readonly CatalogItem[];
}): IndustryProfile {
  const total = group(input.records, () => 'total').get('total') ?? emptySums();
  const totalBefore = group(input.previousRecords, () => 'total').get('total') ?? emptySums();
  const leadingKey = (r: ProfileRecord) => leadingIndustryOf(r.industryCode, input.leadingItems);
  return {
    total: row('合计', total, totalBefore, total),
    byDivision: rows((r) => divisionOf(r.industryCode), input.records, input.previousRecords, total),
    byLeading: rows(leadingKey, input.records, input.previousRecords, total),
  };
}

/**
 * §三(一) 1 "未来发展空间": land available on the platform, in 亩, by planned use. The figures come from the land
 * module's parcel ledger (批而未供, idle, vacated); this only adds them up exactly, so the ledger can be plugged in.
 */
export const LAND_SPACE_KINDS = ['approved_not_supplied', 'idle', 'vacated'] as const;
export type LandSpaceKind = (typeof LAND_SPACE_KINDS)[number];
export const LAND_SPACE_KIND_LABELS: Record<LandSpaceKind, string> = {
  approved_not_supplied: '批而未供',
  idle: '闲置',
  vacated: '腾空',
};

export type LandFigure = { plannedUse: string; kind: LandSpaceKind; area: string };
export type FutureSpaceRow = {
  plannedUse: string;
  byKind: Record<LandSpaceKind, string>;
  total: string;
  parcels: number;
};

export function futureSpace(figures: readonly LandFigure[]): { rows: FutureSpaceRow[]; total: string } {
  const map = new Map<string, { byKind: Record<LandSpaceKind, Decimal>; parcels: number }>();
  let total = new Decimal(0);
  for (const figure of figures) {
    let entry = map.get(figure.plannedUse);
    if (!entry) {
      entry = {
        byKind: { approved_not_supplied: new Decimal(0), idle: new Decimal(0), vacated: new Decimal(0) },
        parcels: 0,
      };
      map.set(figure.plannedUse, entry);
    }
    entry.byKind[figure.kind] = entry.byKind[figure.kind].plus(figure.area);
    entry.parcels += 1;
    total = total.plus(figure.area);
  }
  const rows = [...map.entries()].map(([plannedUse, entry]) => {
    const sum = LAND_SPACE_KINDS.reduce((acc, kind) => acc.plus(entry.byKind[kind]), new Decimal(0));
    return {
      plannedUse,
      byKind: {
        approved_not_supplied: entry.byKind.approved_not_supplied.toString(),
        idle: entry.byKind.idle.toString(),
        vacated: entry.byKind.vacated.toString(),
      },
      total: sum.toString(),
      parcels: entry.parcels,
    };
  });
  rows.sort((a, b) => new Decimal(b.total).cmp(a.total) || a.plannedUse.localeCompare(b.plannedUse));
  return { rows, total: total.toString() };
}
