import { describe, expect, it } from 'vitest';
import {
  attemptVerdict,
  isLocked,
  LOCKOUT_MINUTES,
  lockFor,
  MAX_FAILED_LOGINS,
  normaliseLoginName,
  wrongCredentialsMessage,
} from './login-lockout.ts';

const MINUTE = 60_000;
const now = new Date('2018-10-01T08:00:00.000Z');
const at = (ms: number) => new Date(now.getTime() + ms);

describe('login lockout (5 failures in a row lock the name for 15 minutes)', () => {
  it('the policy numbers', () => {
    expect([MAX_FAILED_LOGINS, LOCKOUT_MINUTES]).toEqual([5, 15]);
  });

  it.each([
    [1, { check: true, triesLeft: 4 }],
    [4, { check: true, triesLeft: 1 }],
    [5, { check: true, triesLeft: 0 }],
    [6, { check: false }],
    [40, { check: false }],
  ])('#10.1 attempt number %i (counted before the check) → %o', (attempt, verdict) => {
    expect(attemptVerdict(attempt, false)).toEqual(verdict);
  });

  it('#10.1 a locked name is never checked, even on its first counted attempt', () => {
    expect(attemptVerdict(1, true)).toEqual({ check: false });
  });

  it.each([
    [4, null],
    [5, at(15 * MINUTE)],
    [6, at(15 * MINUTE)],
  ])('attempt %i starts the lock %s', (attempt, lock) => {
    expect(lockFor(attempt, now)).toEqual(lock);
  });

  it.each([
    [null, 0, false],
    [at(15 * MINUTE), 0, true],
    [at(15 * MINUTE), 15 * MINUTE - 1, true],
    [at(15 * MINUTE), 15 * MINUTE, false],
    [at(15 * MINUTE), 16 * MINUTE, false],
  ])('isLocked(%s) at +%i ms → %s', (lockedUntil, offset, locked) => {
    expect(isLocked(lockedUntil, at(offset))).toBe(locked);
  });

  it.each([
    ['drc', 'drc'],
    [' DRC ', 'drc'],
    ['ＤＲＣ', 'drc'],
    ['Ojk.Zhang', 'ojk.zhang'],
  ])('#10.8 the counter key of %j is %j', (typed, key) => {
    expect(normaliseLoginName(typed)).toBe(key);
  });

  it('#9 the wrong-password sentence says how many tries are left, then that the name is locked', () => {
    expect(wrongCredentialsMessage(4, null)).toBe('用户名或密码不正确，还可尝试 4 次，再失败将锁定 15 分钟');
    expect(wrongCredentialsMessage(1, null)).toContain('还可尝试 1 次');
    expect(wrongCredentialsMessage(0, '2018-10-01 16:15:00')).toBe(
      '用户名或密码不正确。连续失败 5 次，账号已锁定至 2018-10-01 16:15:00，请稍后再试或联系管理员解锁',
    );
  });
});
