/** Password policy of the foundation issue: at least 10 characters and 3 of the 4 character classes. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MIN_CLASSES = 3;

const CHARACTER_CLASSES: readonly RegExp[] = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];

/** Returns the Chinese reasons a password is refused; empty when it is acceptable. */
export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    problems.push(`密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`);
  }
  const classes = CHARACTER_CLASSES.filter((pattern) => pattern.test(password)).length;
  if (classes < PASSWORD_MIN_CLASSES) {
    problems.push('密码需包含小写字母、大写字母、数字、符号四类中的至少三类');
  }
  return problems;
}

/** Login lockout: 5 failed attempts lock the account for 15 minutes. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
/** Sessions idle longer than this end. */
export const SESSION_IDLE_MINUTES = 30;

export type LoginGate = { allowed: true } | { allowed: false; lockedUntil: Date };

/** Whether an account may try to log in at `now` (time is a parameter: the domain has no clock). */
export function loginGate(lockedUntil: Date | null, now: Date): LoginGate {
  if (lockedUntil && lockedUntil.getTime() > now.getTime()) return { allowed: false, lockedUntil };
  return { allowed: true };
}

/** After a failed attempt: the new failure count and, at the limit, the lock's end. */
export function afterFailedLogin(failedCount: number, now: Date): { failedCount: number; lockedUntil: Date | null } {
  const next = failedCount + 1;
  if (next >= MAX_FAILED_LOGINS) {
    return { failedCount: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) };
  }
  return { failedCount: next, lockedUntil: null };
}

export function isSessionIdle(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() > SESSION_IDLE_MINUTES * 60_000;
}
