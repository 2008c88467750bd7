import { addDays, daysBetween } from './legal-period.ts';
import { parcelClock, type ClockFacts } from './idle-clock.ts';
import type { ParcelState } from './parcel-lifecycle.ts';
import type { LandSettings } from './parcel-settings.ts';

/** What may come due on a parcel (到期提醒). */
export const DUE_KINDS = ['supply_deadline', 'idle', 'recovery', 'completion'] as const;
export type DueKind = (typeof DUE_KINDS)[number];
export const DUE_KIND_LABELS: Record<DueKind, string> = {
  supply_deadline: '供地期限届满',
  idle: '认定闲置',
  recovery: '可收回',
  completion: '超过约定竣工日期',
};

export type ParcelDeadline = { kind: DueKind; dueOn: string };

/**
 * The days on which a parcel's thresholds are passed, from its facts as they stand: the supply deadline of an
 * approved parcel, the first idle day and the first recovery day of a running clock, and the day after the agreed
 * completion of a started parcel. Derived again after every change of the parcel (the server keeps them as an
 * index for the due list); the clock itself is always computed from the facts.
 */
export function parcelDeadlines(
  state: ParcelState,
  facts: ClockFacts,
  supplyDeadline: string | null,
  settings: LandSettings,
): ParcelDeadline[] {
  const out: ParcelDeadline[] = [];
  if ((state === 'approved' || state === 'recovered') && supplyDeadline)
    out.push({ kind: 'supply_deadline', dueOn: supplyDeadline });
  if (state === 'supplied' || state === 'started') {
    const clock = parcelClock(facts, '9999-12-31', settings);
    if (clock.idleFrom) out.push({ kind: 'idle', dueOn: clock.idleFrom });
    if (clock.recoveryFrom) out.push({ kind: 'recovery', dueOn: clock.recoveryFrom });
  }
  if (state === 'started' && facts.agreedCompletionOn)
    out.push({ kind: 'completion', dueOn: addDays(facts.agreedCompletionOn, 1) });
  return out;
}

/** The due list's window: thresholds passed on or before asOf (past), or within the next `withinDays` days. */
export function dueWindow(asOf: string, withinDays: number): { until: string } {
  return { until: addDays(asOf, withinDays) };
}

/** A due item for people: how many days are left (negative: passed that many days ago). */
export function dueDaysLeft(asOf: string, dueOn: string): number {
  return daysBetween(asOf, dueOn);
}
