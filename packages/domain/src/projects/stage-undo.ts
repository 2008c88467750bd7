import { ROLE_LABELS, type Role } from '../platform/roles.ts';
import { PROJECT_STATUS_LABELS, PROJECT_STATUSES, type ProjectStatus } from './pipeline.ts';

/** Issue #9: a stage move made by mistake may be undone within this many days (cfg, a project setting). */
export const DEFAULT_UNDO_WINDOW_DAYS = 7;

/** Who made a move, kept in the move's history details so the undo can be held to the same role. */
export type MoveAuthor = { actorRole: Role; actorPlatformKey: string | null };

export type UndoFacts = {
  /** The project's newest history entry and the project's current version. */
  lastEvent:
    | { kind: string; version: number; fromStatus: string | null; toStatus: string | null; at: Date; details: unknown }
    | undefined;
  projectVersion: number;
  actorRole: Role;
  actorPlatformKey: string | null;
  now: Date;
  windowDays: number;
};

export type UndoVerdict =
  | { allowed: true; backTo: ProjectStatus; undoing: ProjectStatus }
  | { allowed: false; kind: 'forbidden' | 'illegal'; message: string };

const DAY_MS = 24 * 60 * 60 * 1000;

function authorOf(details: unknown): MoveAuthor | null {
  if (!details || typeof details !== 'object') return null;
  const { actorRole, actorPlatformKey } = details as Partial<MoveAuthor>;
  return typeof actorRole === 'string' ? { actorRole, actorPlatformKey: actorPlatformKey ?? null } : null;
}

/**
 * R2.4 undo (issue #9): only the newest history entry, only a stage move, only by the same role (and, for a
 * platform, the same platform) that made it, and only within the window counted from when it was recorded. The
 * undo is a new history entry going back to the stage before; history itself is never edited.
 */
export function checkUndo(facts: UndoFacts): UndoVerdict {
  const event = facts.lastEvent;
  const isStatus = (s: string | null): s is ProjectStatus =>
    s !== null && (PROJECT_STATUSES as readonly string[]).includes(s);
  if (
    !event ||
    event.kind !== 'transition' ||
    event.version !== facts.projectVersion ||
    !isStatus(event.fromStatus) ||
    !isStatus(event.toStatus)
  ) {
    return { allowed: false, kind: 'illegal', message: '项目最近一步不是阶段变更（或已撤销过），没有可撤销的变更' };
  }
  const author = authorOf(event.details);
  if (!author) return { allowed: false, kind: 'illegal', message: '这一步变更没有记录操作角色，不能撤销' };
  const samePlatform = author.actorRole !== 'platform' || author.actorPlatformKey === facts.actorPlatformKey;
  if (author.actorRole !== facts.actorRole || !samePlatform) {
    return {
      allowed: false,
      kind: 'forbidden',
      message: `只有做出这一步变更的${ROLE_LABELS[author.actorRole]}可以撤销`,
    };
  }
  if (facts.now.getTime() - event.at.getTime() > facts.windowDays * DAY_MS) {
    return { allowed: false, kind: 'illegal', message: `这一步变更已超过 ${facts.windowDays} 天的撤销期限，不能撤销` };
  }
  return { allowed: true, backTo: event.fromStatus, undoing: event.toStatus };
}

/** The sentence the history shows for an undo. */
export function undoReason(undoing: ProjectStatus, backTo: ProjectStatus): string {
  return `撤销“${PROJECT_STATUS_LABELS[undoing]}”，退回“${PROJECT_STATUS_LABELS[backTo]}”`;
}
