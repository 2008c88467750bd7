import type { Role } from '../platform/roles.ts';

/** R2.4: the stages of an investment project, in order, then the two ends that close a project early. */
export const PIPELINE_STAGES = [
  'reported',
  'feasible',
  'plan_submitted',
  'evaluated',
  'tracked',
  'negotiating',
  'signed',
  'landed',
] as const;
export const CLOSED_EARLY = ['lost', 'rejected'] as const;
export const PROJECT_STATUSES = [...PIPELINE_STAGES, ...CLOSED_EARLY] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  reported: '首报登记',
  feasible: '可行性确认',
  plan_submitted: '投资方案已报',
  evaluated: '准入评估',
  tracked: '盯引库',
  negotiating: '商务谈判',
  signed: '签约',
  landed: '落地',
  lost: '流失',
  rejected: '否决',
};

/** Open = still moving: every stage before `landed`. */
export function isOpenStatus(status: ProjectStatus): boolean {
  return status !== 'landed' && status !== 'lost' && status !== 'rejected';
}

/** D8: the bureau confirms into the tracking library and rejects; the platform moves its own project otherwise. */
const BUREAU_ONLY: ReadonlySet<ProjectStatus> = new Set(['tracked', 'rejected']);

export type TransitionFacts = {
  from: ProjectStatus;
  to: ProjectStatus;
  role: Role;
  /** The actor's own platform (platform users), and the project's. */
  actorPlatformKey: string | null;
  projectPlatformKey: string;
  /** D9: a duplicate report may only end, never advance. */
  isDuplicate: boolean;
  /** D7: `evaluated` needs an evaluation on record; `tracked` needs the latest one to pass. */
  hasEvaluation: boolean;
  latestEvaluationPasses: boolean;
  reason?: string | null;
};

export type TransitionVerdict = { allowed: true } | { allowed: false; kind: 'forbidden' | 'illegal'; message: string };

/** May this role move projects to `to` at all (403 before anything else, D8's order of checks)? */
export function roleMayMoveTo(
  role: Role,
  to: ProjectStatus,
  actorPlatformKey: string | null,
  projectPlatformKey: string,
): boolean {
  if (role === 'bureau') return to !== 'reported';
  if (role === 'platform') return !BUREAU_ONLY.has(to) && to !== 'reported' && actorPlatformKey === projectPlatformKey;
  return false;
}

/**
 * R2.4 with D7–D9: the next stage only (no skipping, no going back), `lost`/`rejected` from any open stage with a
 * reason, and the evaluation gates. `forbidden` maps to 403 and `illegal` to 422; the version check (409) sits
 * between them in the service.
 */
export function checkTransition(facts: TransitionFacts): TransitionVerdict {
  const { from, to } = facts;
  const label = (s: ProjectStatus) => `“${PROJECT_STATUS_LABELS[s]}”`;
  if (!roleMayMoveTo(facts.role, to, facts.actorPlatformKey, facts.projectPlatformKey)) {
    const who = BUREAU_ONLY.has(to) ? '只有市招商局可以' : '只有项目所属平台或市招商局可以';
    return { allowed: false, kind: 'forbidden', message: `${who}把项目转为${label(to)}` };
  }
  if (!isOpenStatus(from)) return { allowed: false, kind: 'illegal', message: `项目已${label(from)}，不能再变更阶段` };
  if (to === 'lost' || to === 'rejected') {
    if (!facts.reason?.trim()) return { allowed: false, kind: 'illegal', message: `转为${label(to)}必须填写原因` };
    return { allowed: true };
  }
  if (facts.isDuplicate) {
    return {
      allowed: false,
      kind: 'illegal',
      message: '重复报送的项目不能推进，只能标记为流失或否决（首报以最先登记者为准）',
    };
  }
  const next = PIPELINE_STAGES[PIPELINE_STAGES.indexOf(from as PipelineStage) + 1];
  if (to !== next) {
    return {
      allowed: false,
      kind: 'illegal',
      message: `${label(from)}之后只能进入${label(next!)}，不能直接转为${label(to)}`,
    };
  }
  if (to === 'evaluated' && !facts.hasEvaluation) {
    return { allowed: false, kind: 'illegal', message: '尚未填写准入评估（评分表与书面评审意见），不能转为“准入评估”' };
  }
  if (to === 'tracked' && !facts.latestEvaluationPasses) {
    return { allowed: false, kind: 'illegal', message: '最近一次准入评估未通过，不能确认入盯引库' };
  }
  return { allowed: true };
}

/** R2.4: the negotiation-and-signing window after confirmation (cfg, default 180 days). */
export const DEFAULT_NEGOTIATION_WINDOW_DAYS = 180;

/** The last day to sign, 'YYYY-MM-DD', counted in calendar days from the day the project was tracked. */
export function negotiationDeadline(trackedOn: string, windowDays = DEFAULT_NEGOTIATION_WINDOW_DAYS): string {
  const day = new Date(`${trackedOn}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + windowDays);
  return day.toISOString().slice(0, 10);
}

/** Overdue: tracked or negotiating past the deadline (signing ends the window). Deadline day itself is in time. */
export function isNegotiationOverdue(
  status: ProjectStatus,
  trackedOn: string | null,
  today: string,
  windowDays = DEFAULT_NEGOTIATION_WINDOW_DAYS,
): boolean {
  if (!trackedOn || (status !== 'tracked' && status !== 'negotiating')) return false;
  return today > negotiationDeadline(trackedOn, windowDays);
}

/** For a query: a project tracked before this day is overdue today (deadline = tracked + window < today). */
export function overdueIfTrackedBefore(today: string, windowDays = DEFAULT_NEGOTIATION_WINDOW_DAYS): string {
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - windowDays);
  return day.toISOString().slice(0, 10);
}

/** D7: a project is evaluated once its investment plan is in, and again later while it is open; never a duplicate. */
const EVALUABLE: ReadonlySet<ProjectStatus> = new Set(['plan_submitted', 'evaluated', 'tracked', 'negotiating']);

export function evaluationProblem(status: ProjectStatus, isDuplicate: boolean): string | null {
  if (isDuplicate) return '重复报送的项目不能评估';
  if (!EVALUABLE.has(status)) return '项目报送投资方案后、签约前才能进行准入评估';
  return null;
}
