import Decimal from 'decimal.js';
import { addDays, daysBetween, periodEnd } from './legal-period.ts';
import { belowShare, parseFraction, shareLabel, toFen } from './land-decimal.ts';
import type { LandSettings } from './parcel-settings.ts';

/** A recorded delay (D23): its days, both included, do not count on the clock. */
export type ClockDelay = { fromOn: string; toOn: string };

/** The dated facts of a parcel the clocks read; every one is the day it happened, so any earlier day can be replayed. */
export type ClockFacts = {
  area: string;
  suppliedOn: string | null;
  agreedStartOn: string | null;
  agreedCompletionOn: string | null;
  startedOn: string | null;
  completedOn: string | null;
  /** Left the supplied/started life (vacated or recovered) on this day: no clock from then on. */
  endedOn: string | null;
  landPrice: string | null;
  totalInvestment: string | null;
  developedArea: string | null;
  investedAmount: string | null;
  suspendedSince: string | null;
  delays: ClockDelay[];
};

export type ClockStatus = 'normal' | 'idle' | 'recovery';

export type ClockResult = {
  asOf: string;
  status: ClockStatus;
  idleFee: string | null;
  idleSince: string | null;
  recoverySince: string | null;
  /** The first day the parcel is (or would be) idle / proposed for recovery; null when no clock runs. */
  idleFrom: string | null;
  recoveryFrom: string | null;
  /** Started, not completed, and past the agreed completion (slow construction). */
  slowConstruction: boolean;
  /** Days of recorded delays that stop the clock. */
  delayDays: number;
  reasons: string[];
};

/**
 * D22 + D23: the day on which a clock of `years` years started on `start` runs out, when the days of `delays` do not
 * count. Without delays that is periodEnd(start, years); each delayed day after the start pushes it one day later.
 */
export function clockEnd(start: string, years: number, delays: ClockDelay[]): string {
  // Without delays the day-counting below gives back periodEnd exactly; most parcels have none.
  if (delays.length === 0) return periodEnd(start, years);
  let remaining = daysBetween(start, periodEnd(start, years));
  let cursor = start;
  const sorted = [...delays].sort((a, b) => a.fromOn.localeCompare(b.fromOn));
  for (const delay of sorted) {
    if (delay.toOn <= cursor) continue;
    const from = delay.fromOn > cursor ? delay.fromOn : addDays(cursor, 1);
    const runningBefore = daysBetween(cursor, from) - 1;
    if (runningBefore >= remaining) break;
    remaining -= runningBefore;
    cursor = delay.toOn;
  }
  return addDays(cursor, remaining);
}

/** Delay days that fall after `start` and on or before `until`. */
export function delayDaysBetween(start: string, until: string, delays: ClockDelay[]): number {
  let total = 0;
  for (const delay of delays) {
    const from = delay.fromOn > start ? delay.fromOn : addDays(start, 1);
    const to = delay.toOn < until ? delay.toOn : until;
    if (to >= from) total += daysBetween(from, to) + 1;
  }
  return total;
}

const on = (day: string | null, asOf: string): day is string => day !== null && day <= asOf;

/** The clock that runs for the parcel as of a day: from the agreed start, from a suspension, or none. */
function runningClock(facts: ClockFacts, asOf: string, settings: LandSettings) {
  if (!on(facts.suppliedOn, asOf) || on(facts.endedOn, asOf) || on(facts.completedOn, asOf)) return null;
  if (!on(facts.startedOn, asOf)) {
    if (!facts.agreedStartOn) return null;
    return { kind: 'not_started' as const, start: facts.agreedStartOn, idleYears: settings.idleAfterYears };
  }
  if (!on(facts.suspendedSince, asOf)) return null;
  const areaLow =
    facts.developedArea !== null && belowShare(facts.developedArea, facts.area, settings.startedAreaShare);
  const investmentLow =
    facts.investedAmount !== null &&
    facts.totalInvestment !== null &&
    belowShare(facts.investedAmount, facts.totalInvestment, settings.startedInvestmentShare);
  if (!areaLow && !investmentLow) return null;
  return {
    kind: 'suspended' as const,
    start: facts.suspendedSince,
    idleYears: settings.suspendedYears,
    areaLow,
    investmentLow,
  };
}

/**
 * The idle-land clock of a parcel as of a day (R3.6, D22, D23): computed from its dated facts, never stored.
 * 满一年 counts as the civil code does: idle from the day after the period's end day.
 */
export function parcelClock(facts: ClockFacts, asOf: string, settings: LandSettings): ClockResult {
  const reasons: string[] = [];
  const slowConstruction =
    on(facts.startedOn, asOf) &&
    !on(facts.completedOn, asOf) &&
    !on(facts.endedOn, asOf) &&
    facts.agreedCompletionOn !== null &&
    asOf > facts.agreedCompletionOn;
  if (slowConstruction)
    reasons.push(
      `已超过约定竣工日期 ${facts.agreedCompletionOn} 仍未竣工（建设缓慢），${daysBetween(facts.agreedCompletionOn!, asOf)} 天`,
    );
  const clock = runningClock(facts, asOf, settings);
  const base = { asOf, slowConstruction, idleFee: null, idleSince: null, recoverySince: null };
  if (!clock) {
    if (!on(facts.suppliedOn, asOf)) reasons.unshift('截至该日尚未供地，不计闲置');
    else if (on(facts.endedOn, asOf)) reasons.unshift('截至该日地块已腾空或收回，不再计闲置');
    else if (on(facts.completedOn, asOf)) reasons.unshift(`已于 ${facts.completedOn} 竣工，不计闲置`);
    else if (on(facts.startedOn, asOf)) reasons.unshift(`已于 ${facts.startedOn} 开工，开发进度未触发闲置认定`);
    else reasons.unshift('未填约定开工日期，无法计算闲置');
    return { ...base, status: 'normal', idleFrom: null, recoveryFrom: null, delayDays: 0, reasons };
  }
  const delays = facts.delays;
  const idleEnd = clockEnd(clock.start, clock.idleYears, delays);
  const recoveryEnd = clockEnd(clock.start, settings.recoveryAfterYears, delays);
  const idleFrom = addDays(idleEnd, 1);
  const recoveryFrom = addDays(recoveryEnd, 1);
  const delayDays = delayDaysBetween(clock.start, asOf, delays);
  if (clock.kind === 'not_started')
    reasons.unshift(
      `约定开工日期 ${clock.start}，满 ${clock.idleYears} 年之日为 ${idleEnd}，${idleFrom} 起未动工即认定闲置；满 ${settings.recoveryAfterYears} 年（${recoveryEnd}）后可收回`,
    );
  else {
    const low = [
      clock.areaLow ? `已开发面积不足 ${shareLabel(settings.startedAreaShare)}` : null,
      clock.investmentLow ? `已投资额不足 ${shareLabel(settings.startedInvestmentShare)}` : null,
    ]
      .filter(Boolean)
      .join('、');
    reasons.unshift(
      `已开工但${low}，自 ${clock.start} 停工；停工满 ${clock.idleYears} 年之日为 ${idleEnd}，${idleFrom} 起认定闲置`,
    );
  }
  if (delays.length > 0)
    reasons.push(
      `因政府原因或不可抗力延期 ${delays.map((d) => `${d.fromOn} 至 ${d.toOn}`).join('、')}，这些天不计入，截至该日已扣除 ${delayDays} 天`,
    );
  const status: ClockStatus = asOf >= recoveryFrom ? 'recovery' : asOf >= idleFrom ? 'idle' : 'normal';
  let idleFee: string | null = null;
  if (status !== 'normal') {
    if (facts.landPrice !== null) {
      idleFee = idleFeeOf(facts.landPrice, settings.idleFeeRate);
      reasons.push(
        `土地闲置费 = 土地价款 ${facts.landPrice} 万元 × ${shareLabel(settings.idleFeeRate)} = ${idleFee} 万元`,
      );
    } else reasons.push('土地价款未填，无法计算土地闲置费');
    if (status === 'recovery') reasons.push(`已满 ${settings.recoveryAfterYears} 年，可依法无偿收回`);
  } else reasons.push(`截至 ${asOf}，距认定闲置还有 ${daysBetween(asOf, idleFrom)} 天`);
  return {
    ...base,
    status,
    idleFee,
    idleSince: status === 'normal' ? null : idleFrom,
    recoverySince: status === 'recovery' ? recoveryFrom : null,
    idleFrom,
    recoveryFrom,
    delayDays,
    reasons,
  };
}

/** R3.6: the idle fee is the rate (default 20 %) of the land price, in 万元 exact to the fen. */
export function idleFeeOf(landPrice: Decimal.Value, rate: string): string {
  const { numerator, denominator } = parseFraction(rate);
  return toFen(new Decimal(landPrice).times(numerator).dividedBy(denominator));
}

/**
 * The status alone, as parcelClock decides it, without the explanations (a whole ledger's status as of a day: the
 * bench and the statistics). Same rules, same thresholds.
 */
export function parcelClockStatus(facts: ClockFacts, asOf: string, settings: LandSettings): ClockStatus {
  const clock = runningClock(facts, asOf, settings);
  if (!clock) return 'normal';
  if (asOf > clockEnd(clock.start, settings.recoveryAfterYears, facts.delays)) return 'recovery';
  if (asOf > clockEnd(clock.start, clock.idleYears, facts.delays)) return 'idle';
  return 'normal';
}

/**
 * A coarse bound for deciding a whole ledger at once (the land service's SQL skips, with a date comparison alone,
 * every clock younger than it; idle-clock-terms.ts): a clock of at least `years` years that started after these days cannot have passed a threshold by `asOf`. A period
 * of Y years lasts at least 365 × Y days (D22: 2024-02-29 + 1 year ends 2025-02-28, 365 days later) and delays (D23)
 * only push its end later, so a flagged parcel's clock started on or before asOf − 365 × Y − 1; the bound keeps one
 * spare day. Any parcel the filter leaves out is one parcelClockStatus calls 'normal' (tested at the boundaries).
 */
export function clockStartBounds(
  asOf: string,
  settings: Pick<LandSettings, 'idleAfterYears' | 'recoveryAfterYears' | 'suspendedYears'>,
): { agreedStartOnOrBefore: string; suspendedOnOrBefore: string } {
  const shortest = (years: number) => addDays(asOf, -365 * Math.min(years, settings.recoveryAfterYears));
  return {
    agreedStartOnOrBefore: shortest(settings.idleAfterYears),
    suspendedOnOrBefore: shortest(settings.suspendedYears),
  };
}
