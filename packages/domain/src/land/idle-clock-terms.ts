import { addDays, daysBetween, periodEnd } from './legal-period.ts';
import { parseFraction } from './land-decimal.ts';
import type { ClockDelay } from './idle-clock.ts';
import type { LandSettings } from './parcel-settings.ts';

/**
 * The idle clock (R3.6, D22, D23) restated so a database can decide a whole ledger's status as of a day in one
 * statement (the land service's SQL). parcelClockStatus stays the definition and the reference: these terms are the
 * same rule in a form without a per-parcel loop, and their equality with it is tested here (domain) and row by row
 * against the SQL (server, PGlite and PostgreSQL).
 */

/**
 * D23: the days strictly after `start` and strictly before `asOf` that a recorded delay covers, each day once even
 * where delays overlap (clockEnd skips the union of the delays, not their sum).
 */
export function delayedDaysBefore(start: string, asOf: string, delays: ClockDelay[]): number {
  const first = addDays(start, 1);
  const last = addDays(asOf, -1);
  const spans = delays
    .map((d) => ({ from: d.fromOn > first ? d.fromOn : first, to: d.toOn < last ? d.toOn : last }))
    .filter((d) => d.to >= d.from)
    .sort((a, b) => a.from.localeCompare(b.from));
  let total = 0;
  let coveredUntil: string | null = null;
  for (const span of spans) {
    const from = coveredUntil !== null && span.from <= coveredUntil ? addDays(coveredUntil, 1) : span.from;
    if (span.to >= from) total += daysBetween(from, span.to) + 1;
    if (coveredUntil === null || span.to > coveredUntil) coveredUntil = span.to;
  }
  return total;
}

/**
 * D22 + D23 without a loop over the delays: a clock of `years` years from `start` has run out by `asOf`
 * (asOf > clockEnd(start, years, delays)) exactly when periodEnd(start, years) pushed by the delayed days strictly
 * between start and asOf is still before asOf. Why: clockEnd is the R-th day after start that no delay covers,
 * R = the days from start to periodEnd(start, years); it lies before asOf exactly when at least R of the days
 * strictly between start and asOf are uncovered, i.e. (asOf − 1 − start) − delayed ≥ R.
 */
export function clockRunOut(start: string, years: number, delayedDays: number, asOf: string): boolean {
  return addDays(periodEnd(start, years), delayedDays) < asOf;
}

/** A fraction setting as numerator and denominator in decimal text, for `part × denominator < whole × numerator`. */
export type ShareTerms = { numerator: string; denominator: string };

/**
 * What the status compares, from the settings: the years of each clock and the two shares of a started parcel
 * (belowShare, exact: no division). A database evaluates, per parcel as of `asOf`:
 * - no clock unless supplied on or before asOf and neither completed, vacated nor recovered on or before it;
 * - not started on or before asOf: the clock of `notStartedIdleYears` from the agreed start (none without one);
 * - started: a clock of `suspendedIdleYears` from the suspension only when suspended on or before asOf and the
 *   developed area is below `areaShare` of the area or the invested amount below `investmentShare` of the total;
 * - 'recovery' when the clock of `recoveryYears` has run out (clockRunOut), else 'idle' when the idle one has.
 * clockStartBounds lets it skip, without date arithmetic, the clocks too young to have run out.
 */
export type ClockStatusTerms = {
  notStartedIdleYears: number;
  suspendedIdleYears: number;
  recoveryYears: number;
  areaShare: ShareTerms;
  investmentShare: ShareTerms;
};

const shareTerms = (value: string): ShareTerms => {
  const { numerator, denominator } = parseFraction(value);
  return { numerator: numerator.toString(), denominator: denominator.toString() };
};

export function clockStatusTerms(settings: LandSettings): ClockStatusTerms {
  return {
    notStartedIdleYears: settings.idleAfterYears,
    suspendedIdleYears: settings.suspendedYears,
    recoveryYears: settings.recoveryAfterYears,
    areaShare: shareTerms(settings.startedAreaShare),
    investmentShare: shareTerms(settings.startedInvestmentShare),
  };
}
