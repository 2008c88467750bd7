import { describe, expect, it } from 'vitest';
import {
  afterFailedLogin,
  isSessionIdle,
  LOCKOUT_MINUTES,
  loginGate,
  MAX_FAILED_LOGINS,
  PASSWORD_MIN_CLASSES,
  PASSWORD_MIN_LENGTH,
  passwordProblems,
  SESSION_IDLE_MINUTES,
} from './password-policy.ts';

const MINUTE = 60_000;
const now = new Date('2018-10-01T08:00:00.000Z');
const at = (ms: number) => new Date(now.getTime() + ms);

describe('password policy (foundation issue: ≥ 10 characters, ≥ 3 of 4 character classes)', () => {
  it('the policy numbers', () => {
    expect([PASSWORD_MIN_LENGTH, PASSWORD_MIN_CLASSES]).toEqual([10, 3]);
  });

  it.each([
    ['Abcdefgh1', 9, 3, ['length']],
    ['Abcdefgh12', 10, 3, []],
    ['Abcdefgh123', 11, 3, []],
    ['abcdefgh12', 10, 2, ['classes']],
    ['ABCDEFGHI!', 10, 2, ['classes']],
    ['abcdefghij', 10, 1, ['classes']],
    ['1234567890', 10, 1, ['classes']],
    ['abc12!', 6, 3, ['length']],
    ['abcde', 5, 1, ['length', 'classes']],
    ['', 0, 0, ['length', 'classes']],
    ['Abcdef!123', 10, 4, []],
    ['密码abcdef12', 10, 3, []],
    ['Abcdefgh1😀', 10, 4, []],
    ['Abcdefgh😀', 9, 3, ['length']],
  ])('%j (%i characters, %i classes) → problems %j', (password, _length, _classes, expected) => {
    const problems = passwordProblems(password);
    expect(problems).toHaveLength(expected.length);
    if (expected.includes('length')) expect(problems.some((p) => p.includes('至少需要 10 个字符'))).toBe(true);
    if (expected.includes('classes')) expect(problems.some((p) => p.includes('至少三类'))).toBe(true);
  });
});

describe('login lockout (5 failures lock the account for 15 minutes)', () => {
  it('the policy numbers', () => {
    expect([MAX_FAILED_LOGINS, LOCKOUT_MINUTES]).toEqual([5, 15]);
  });

  it.each([
    [0, 1],
    [1, 2],
    [2, 3],
    [3, 4],
  ])('after failure number %i + 1 the count is %i and there is no lock', (before, after) => {
    expect(afterFailedLogin(before, now)).toEqual({ failedCount: after, lockedUntil: null });
  });

  it('the 5th failure locks for exactly 15 minutes and resets the count', () => {
    let state: { failedCount: number; lockedUntil: Date | null } = { failedCount: 0, lockedUntil: null };
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect(state.lockedUntil).toBeNull();
      state = afterFailedLogin(state.failedCount, now);
    }
    expect(state).toEqual({ failedCount: 0, lockedUntil: at(15 * MINUTE) });
  });

  it.each([
    [null, 0, true, 'never locked'],
    [at(15 * MINUTE), 0, false, 'just locked'],
    [at(15 * MINUTE), 15 * MINUTE - 1, false, '1 ms before the end'],
    [at(15 * MINUTE), 15 * MINUTE, true, 'at the end of the lock'],
    [at(15 * MINUTE), 16 * MINUTE, true, 'after the lock'],
  ])('loginGate(lockedUntil=%s) at +%i ms → allowed %s (%s)', (lockedUntil, offset, allowed, _why) => {
    const gate = loginGate(lockedUntil, at(offset));
    expect(gate.allowed).toBe(allowed);
    if (!gate.allowed) expect(gate.lockedUntil).toEqual(lockedUntil);
  });
});

describe('session idle timeout (30 minutes)', () => {
  it('the policy number', () => {
    expect(SESSION_IDLE_MINUTES).toBe(30);
  });

  it.each([
    [0, false],
    [29 * MINUTE, false],
    [30 * MINUTE - 1, false],
    [30 * MINUTE, false],
    [30 * MINUTE + 1, true],
    [31 * MINUTE, true],
  ])('idle for %i ms → ended %s (exactly 30 minutes still counts as active)', (idle, ended) => {
    expect(isSessionIdle(now, at(idle))).toBe(ended);
  });
});
