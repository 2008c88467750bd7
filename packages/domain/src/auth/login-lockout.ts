/**
 * Login lockout (foundation issue; issue #10 points 1 and 8, issue #9 "Accounts"). Failures are counted per
 * normalised login name, known or not, so an unknown name locks like a real one and the answers tell nobody
 * which accounts exist. The server counts each attempt atomically before it checks the password; these
 * functions say what a counted attempt may do and what the user is told.
 */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

/** The key failures are counted under: NFKC, trimmed, lower case (so "DRC " and "drc" share one counter). */
export function normaliseLoginName(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}

/** Whether a lock is in force at `now` (time is a parameter: the domain has no clock). */
export function isLocked(lockedUntil: Date | null, now: Date): lockedUntil is Date {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/** The lock that starts with the attempt numbered `attempt` in a row: the MAX_FAILED_LOGINS-th starts one. */
export function lockFor(attempt: number, now: Date): Date | null {
  return attempt >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null;
}

export type AttemptVerdict =
  /** The password is checked; if wrong, `triesLeft` more failures lock the name (0: this one locked it). */
  | { check: true; triesLeft: number }
  /** Not checked at all: the name is locked, or more attempts are already counted than the limit allows. */
  | { check: false };

/**
 * What the attempt numbered `attempt` (this one included, counted before the check) may do. Only the first
 * MAX_FAILED_LOGINS attempts in a row are ever checked, however many arrive at once (#10.1).
 */
export function attemptVerdict(attempt: number, lockedBeforeThisAttempt: boolean): AttemptVerdict {
  if (lockedBeforeThisAttempt || attempt > MAX_FAILED_LOGINS) return { check: false };
  return { check: true, triesLeft: MAX_FAILED_LOGINS - attempt };
}

/** One sentence for a wrong password, an unknown name and a disabled account alike (#10.8), with the tries left (#9). */
export function wrongCredentialsMessage(triesLeft: number, lockedUntilText: string | null): string {
  if (triesLeft <= 0 || lockedUntilText) {
    return `用户名或密码不正确。连续失败 ${MAX_FAILED_LOGINS} 次，账号已锁定至 ${lockedUntilText ?? ''}，请稍后再试或联系管理员解锁`;
  }
  return `用户名或密码不正确，还可尝试 ${triesLeft} 次，再失败将锁定 ${LOCKOUT_MINUTES} 分钟`;
}

export function lockedMessage(lockedUntilText: string): string {
  return `连续登录失败次数过多，账号已锁定至 ${lockedUntilText}，请稍后再试或联系管理员解锁`;
}
