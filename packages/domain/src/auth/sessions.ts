/**
 * Session lifetime (foundation issue; issue #10 point 5): a session ends after 30 idle minutes, and in any case
 * after an absolute lifetime (default 12 hours, a setting); a user keeps at most a set number of sessions
 * (default 3), the oldest ending first.
 */
export const SESSION_IDLE_MINUTES = 30;
export const DEFAULT_SESSION_MAX_HOURS = 12;
export const DEFAULT_MAX_SESSIONS_PER_USER = 3;

export function isSessionIdle(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() > SESSION_IDLE_MINUTES * 60_000;
}

/** Past its absolute lifetime: exactly `maxHours` after sign-in still counts as alive. */
export function isSessionTooOld(createdAt: Date, now: Date, maxHours: number): boolean {
  return now.getTime() - createdAt.getTime() > maxHours * 3_600_000;
}

export type SessionEnd = 'idle' | 'lifetime' | null;

/** Why a session has ended at `now`, or null while it lives. The lifetime is checked first (it cannot be renewed). */
export function sessionEnd(session: { createdAt: Date; lastSeenAt: Date }, now: Date, maxHours: number): SessionEnd {
  if (isSessionTooOld(session.createdAt, now, maxHours)) return 'lifetime';
  if (isSessionIdle(session.lastSeenAt, now)) return 'idle';
  return null;
}

export const SESSION_END_MESSAGES: Record<Exclude<SessionEnd, null>, (maxHours: number) => string> = {
  idle: () => `超过 ${SESSION_IDLE_MINUTES} 分钟未操作，会话已结束，请重新登录`,
  lifetime: (maxHours) => `登录已满 ${maxHours} 小时，会话已结束，请重新登录`,
};
