import { daysBetween } from '../land/legal-period.ts';
import { hasBeenContacted, type TargetStatus } from './target-status.ts';

/**
 * The funnel (issue #13): target → contact → reported project → landed. This file is the definition; the server
 * computes the same figures in one SQL statement for speed, and a server test checks it against `computeFunnel`.
 *
 * - target: a row of the library (one per enterprise and quarter; across quarters the latest row of the enterprise);
 * - contacted: the target has a contact date (set when it first reaches 接触 or beyond) or a linked project;
 * - reported: a project is linked (reported with the target's credit code on its platform, or linked by the user),
 *   or the status is 已报项目;
 * - landed: the linked project has landed.
 * Rates are fractions (D2) of the step before (and overall landed ÷ targets); null when there is nothing to divide.
 * Median days: identified → contacted, contacted → project reported, reported → landed, over the rows that have both.
 */
export type FunnelRow = {
  status: TargetStatus;
  identifiedOn: string;
  contactedOn: string | null;
  project: { reportedOn: string; landedOn: string | null } | null;
};

export type FunnelCounts = { targets: number; contacted: number; reported: number; landed: number };

export type FunnelFigures = FunnelCounts & {
  rates: { contact: number | null; report: number | null; land: number | null; overall: number | null };
  medianDays: { toContact: number | null; toReport: number | null; toLand: number | null };
};

/** The middle value; for an even count the mean of the two middle ones (as PostgreSQL's percentile_cont(0.5)). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

export function funnelRates(counts: FunnelCounts): FunnelFigures['rates'] {
  return {
    contact: ratio(counts.contacted, counts.targets),
    report: ratio(counts.reported, counts.contacted),
    land: ratio(counts.landed, counts.reported),
    overall: ratio(counts.landed, counts.targets),
  };
}

export function isContacted(row: FunnelRow): boolean {
  return row.contactedOn !== null || row.project !== null || hasBeenContacted(row.status);
}

export function isReported(row: FunnelRow): boolean {
  return row.project !== null || row.status === 'reported';
}

/** The reference computation of one group's figures. */
export function computeFunnel(rows: readonly FunnelRow[]): FunnelFigures {
  const toContact: number[] = [];
  const toReport: number[] = [];
  const toLand: number[] = [];
  const counts: FunnelCounts = { targets: rows.length, contacted: 0, reported: 0, landed: 0 };
  for (const row of rows) {
    if (isContacted(row)) counts.contacted++;
    if (isReported(row)) counts.reported++;
    if (row.project?.landedOn) counts.landed++;
    if (row.contactedOn) toContact.push(daysBetween(row.identifiedOn, row.contactedOn));
    if (row.contactedOn && row.project) toReport.push(daysBetween(row.contactedOn, row.project.reportedOn));
    if (row.project?.landedOn) toLand.push(daysBetween(row.project.reportedOn, row.project.landedOn));
  }
  return {
    ...counts,
    rates: funnelRates(counts),
    medianDays: { toContact: median(toContact), toReport: median(toReport), toLand: median(toLand) },
  };
}
