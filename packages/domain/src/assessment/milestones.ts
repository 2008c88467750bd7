/**
 * §四(三) 重点项目全过程管理和动态考核: each key project's planned milestones, marked each quarter. A milestone done
 * on or before its planned day is on time; done after it, or not done when the check day is past it, is late; not
 * done and due within `riskDays` after the check day (the planned day itself included) is at risk; else pending.
 */
export const MILESTONE_KINDS = ['signing', 'registration', 'construction_start', 'first_output'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
export const MILESTONE_LABELS: Record<MilestoneKind, string> = {
  signing: '签约',
  registration: '注册落户',
  construction_start: '开工建设',
  first_output: '投产',
};

export const MILESTONE_STATES = ['on_time', 'late', 'at_risk', 'pending', 'unplanned'] as const;
export type MilestoneState = (typeof MILESTONE_STATES)[number];
export const MILESTONE_STATE_LABELS: Record<MilestoneState, string> = {
  on_time: '按期',
  late: '滞后',
  at_risk: '有滞后风险',
  pending: '未到期',
  unplanned: '未排计划',
};

export const DEFAULT_RISK_DAYS = 30;

function addDays(day: string, days: number): string {
  const t =
    Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function milestoneState(input: {
  planned: string | null;
  actual: string | null;
  checkDay: string;
  riskDays?: number;
}): MilestoneState {
  const { planned, checkDay } = input;
  // A completion recorded after the check day is not known at that check.
  const actual = input.actual && input.actual <= checkDay ? input.actual : null;
  if (!planned) return actual ? 'on_time' : 'unplanned';
  if (actual) return actual <= planned ? 'on_time' : 'late';
  if (checkDay > planned) return 'late';
  if (planned <= addDays(checkDay, input.riskDays ?? DEFAULT_RISK_DAYS)) return 'at_risk';
  return 'pending';
}

/** The share of milestones due by the check day that were done on time (the rubric's `key_milestones` figure). */
export function onTimeShare(
  states: readonly { planned: string | null; state: MilestoneState }[],
  checkDay: string,
): { due: number; onTime: number } {
  const due = states.filter((s) => s.planned !== null && s.planned <= checkDay);
  return { due: due.length, onTime: due.filter((s) => s.state === 'on_time').length };
}
