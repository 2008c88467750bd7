import { shareDone } from './figures.ts';

/**
 * R3.6 / R4.2 土地清理与利用: how much of a platform's clean-up land was handled in the assessment year, replayed
 * from each parcel's dated timeline (the land module's events), so the figure is right as of any day.
 *
 * Clean-up land = a parcel in 批而未供 (approved, or recovered and waiting to be supplied again), 供而未用 (supplied,
 * not started) or 腾空 (vacated). A parcel counts when it was such land on 1 January or became such land between
 * 1 January and the assessment day; it is handled when, in that window, it was supplied (供地), started (开工),
 * recovered (收回, the disposal of idle land) or reused (再利用). A parcel started before the year is not clean-up
 * land (its construction is the idle-land clock's business, not this figure's).
 */
export const CLEANUP_STATES = ['approved', 'recovered', 'supplied', 'vacated'] as const;
export const CLEANUP_MOVES = ['supply', 'start', 'recover', 'reuse'] as const;

export type ParcelMove = {
  /** The land module's action ('create' for the approval). */
  kind: string;
  toState: string | null;
  /** Effective day YYYY-MM-DD. */
  on: string;
};
export type ParcelHistory = { id: number; code: string; moves: readonly ParcelMove[] };

export type CleanupVerdict = {
  parcel: ParcelHistory;
  /** The parcel's state on 31 December of the year before (null: not yet approved). */
  stateAtStart: string | null;
  /** The first handling move in the window, or null. */
  handledBy: ParcelMove | null;
};

const isCleanupState = (state: string | null) =>
  state !== null && (CLEANUP_STATES as readonly string[]).includes(state);

/** The state after the last move effective on or before `day` (moves in recorded order); null before the approval. */
export function parcelStateOn(moves: readonly ParcelMove[], day: string): string | null {
  let state: string | null = null;
  for (const move of moves) if (move.on <= day && move.toState !== null) state = move.toState;
  return state;
}

export function landCleanup(
  parcels: readonly ParcelHistory[],
  year: number,
  asOf: string,
): { verdicts: CleanupVerdict[]; due: number; handled: number; share: string } {
  const first = `${year}-01-01`;
  const dayBefore = `${year - 1}-12-31`;
  const verdicts: CleanupVerdict[] = [];
  for (const parcel of parcels) {
    const stateAtStart = parcelStateOn(parcel.moves, dayBefore);
    const inWindow = parcel.moves.filter((m) => m.on >= first && m.on <= asOf);
    const counted = isCleanupState(stateAtStart) || inWindow.some((m) => isCleanupState(m.toState));
    if (!counted) continue;
    const handledBy = inWindow.find((m) => (CLEANUP_MOVES as readonly string[]).includes(m.kind)) ?? null;
    verdicts.push({ parcel, stateAtStart, handledBy });
  }
  const handled = verdicts.filter((v) => v.handledBy !== null).length;
  return { verdicts, due: verdicts.length, handled, share: shareDone(handled, verdicts.length) };
}
