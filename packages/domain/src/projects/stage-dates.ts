/**
 * R2.4 with D4 and issue #10.6: a stage move carries the day it really happened (a landing recorded after the
 * fact), but that day is bounded: never after today, never before the day the project entered its current stage
 * (its report day for the first move). The yearly summary (R2.6) counts by this day, so an unbounded date would
 * move a landing into a year it never happened in.
 */

/** The history entries that set a stage's day: the report, each stage move, and the reverse steps (undo). */
export type StageEvent = { id: number; kind: string; effectiveDate: string; details?: unknown };

/** The id of the move an undo entry reversed, read from its details (`{ undoneEventId }`). */
export function undoneEventId(event: StageEvent): number | null {
  if (event.kind !== 'undo' || !event.details || typeof event.details !== 'object') return null;
  const id = (event.details as { undoneEventId?: unknown }).undoneEventId;
  return typeof id === 'number' ? id : null;
}

/**
 * The earliest day the next move may carry: the latest day among the report and the stage moves that still stand
 * (a move reversed by an undo no longer bounds anything).
 */
export function earliestStageDate(events: readonly StageEvent[]): string | null {
  const undone = new Set(events.map(undoneEventId).filter((id): id is number => id !== null));
  let earliest: string | null = null;
  for (const event of events) {
    if ((event.kind !== 'reported' && event.kind !== 'transition') || undone.has(event.id)) continue;
    if (earliest === null || event.effectiveDate > earliest) earliest = event.effectiveDate;
  }
  return earliest;
}

/** R2.4/D4: the day of a stage move lies in [earliest, today] (both 'YYYY-MM-DD', Shanghai days); a Chinese problem otherwise. */
export function stageDateProblem(input: { date: string; today: string; earliest: string | null }): string | null {
  if (input.date > input.today) return `日期 ${input.date} 晚于今天（${input.today}），阶段日期不能是将来的日子`;
  if (input.earliest !== null && input.date < input.earliest)
    return `日期 ${input.date} 早于上一阶段的日期 ${input.earliest}，请填写该阶段实际发生的日期`;
  return null;
}
