import { describe, expect, it } from 'vitest';
import {
  containsUsername,
  PASSWORD_HISTORY_SIZE,
  PASSWORD_MESSAGES,
  PASSWORD_MIN_CLASSES,
  PASSWORD_MIN_LENGTH,
  passwordShapeProblems,
} from './password-policy.ts';
import { isCommonPassword, passwordProblems } from './password-check.ts';

describe('password policy (foundation issue: ≥ 10 characters, ≥ 3 of 4 character classes)', () => {
  it('the policy numbers', () => {
    expect([PASSWORD_MIN_LENGTH, PASSWORD_MIN_CLASSES, PASSWORD_HISTORY_SIZE]).toEqual([10, 3, 5]);
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
  ])('%j (%i characters, %i classes) → shape problems %j', (password, _length, _classes, expected) => {
    const problems = passwordShapeProblems(password);
    expect(problems).toHaveLength(expected.length);
    if (expected.includes('length')) expect(problems).toContain(PASSWORD_MESSAGES.length);
    if (expected.includes('classes')) expect(problems).toContain(PASSWORD_MESSAGES.classes);
  });
});

describe('#10.10 the user name inside the password', () => {
  it.each([
    ['Zhang.San-2026x', 'zhang.san', true],
    ['ZHANG.SAN!2026x', 'zhang.san', true],
    ['Ｚｈａｎｇ.ｓａｎ-2026', 'zhang.san', true], // full-width letters fold to ASCII (NFKC)
    ['Zhang-San-2026x', 'zhang.san', false],
    ['Xyz-Secret-2026', 'xyz', true], // 3 characters: looked for
    ['Xy-Secret-2026q', 'xy', false], // 2 characters: too short to look for
    ['Any-Secret-2026', null, false],
  ])('%j with user name %j → contains %s', (password, username, expected) => {
    expect(containsUsername(password, username)).toBe(expected);
    expect(passwordShapeProblems(password, { username }).includes(PASSWORD_MESSAGES.username)).toBe(expected);
  });
});

describe('#10.10 reuse of the current or a recent password', () => {
  it('a reused password is refused with its own reason, a fresh one is not', () => {
    expect(passwordShapeProblems('Fresh-Secret-2026', { isReused: true })).toEqual([PASSWORD_MESSAGES.reused]);
    expect(passwordShapeProblems('Fresh-Secret-2026', { isReused: false })).toEqual([]);
  });
});

describe('#10.10 common, breached, pinyin and public passwords', () => {
  it.each([
    'Password12', // shape passes: 10 characters, 3 classes
    'Qwerty123!',
    'Demo-Pgs-2026', // the public demo password
    'demo-pgs-2026',
    'Woaini1314!',
    'woaini1314',
    'Zhang123456!',
    'Qq123456789!',
    'Aa123456789',
    'Aa123456',
    'P@ssw0rd123',
  ])('%j is refused as common', (password) => {
    expect(isCommonPassword(password)).toBe(true);
  });

  it.each(['Strong-Pass-2026', 'Wz-Pingtai#Lvse88', 'Ojk-E2e-Pass-2026', 'Tq7!mZ2#vLp9'])('%j passes', (password) => {
    expect(passwordProblems(password)).toEqual([]);
  });

  it('Password12, Qwerty123! and the demo password pass the old shape rules but not the full check', () => {
    for (const password of ['Password12', 'Qwerty123!', 'Demo-Pgs-2026']) {
      expect(passwordShapeProblems(password)).toEqual([]);
      expect(passwordProblems(password)).toEqual([PASSWORD_MESSAGES.common]);
    }
  });

  it('a password too short is refused for its length only, not also called common', () => {
    expect(passwordProblems('abc')).toEqual([PASSWORD_MESSAGES.length, PASSWORD_MESSAGES.classes]);
  });

  it('the user name counts as a known word for the estimator: a long name alone with digits is weak', () => {
    expect(passwordProblems('Wenzhouzhao2026', { username: 'wenzhouzhao' })).toContain(PASSWORD_MESSAGES.username);
  });
});
