import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { COMMON_PASSWORDS_ZH, PUBLIC_PASSWORDS } from './common-passwords-zh.ts';
import { PASSWORD_MESSAGES, passwordShapeProblems, type PasswordContext } from './password-policy.ts';

/**
 * #10.10: common and known-breached passwords are refused. zxcvbn-ts ships the lists (the 30 000 most common
 * leaked passwords, names, words, keyboard patterns) and estimates how many guesses a password needs; score 3
 * means about 10^8 or more guesses, what its authors recommend as the minimum. The Chinese pinyin list and the
 * public demo password are added (common-passwords-zh.ts). Pure: the same answer for the same input.
 */
export const MIN_STRENGTH_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
/** Built on first use: the word lists are large, and importing this file should not cost their parsing. */
function strength(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: {
      ...dictionary,
      pinyin: [...COMMON_PASSWORDS_ZH],
      publicPasswords: PUBLIC_PASSWORDS.map((p) => p.toLowerCase()),
    },
    graphs: adjacencyGraphs,
  });
  return estimator;
}

const KNOWN = new Set([...COMMON_PASSWORDS_ZH, ...PUBLIC_PASSWORDS].map((p) => p.toLowerCase()));

/** Whether a password is on a list of common or public passwords, or guessable in fewer than ~10^8 tries. */
export function isCommonPassword(password: string, userInputs: readonly string[] = []): boolean {
  if (KNOWN.has(password.toLowerCase())) return true;
  return strength().check(password, [...userInputs]).score < MIN_STRENGTH_SCORE;
}

/**
 * Every Chinese reason a new password is refused (#10.10), empty when acceptable: the shape rules of
 * password-policy.ts, then common, breached, public or guessable passwords (the user name counts as a known word).
 */
export function passwordProblems(password: string, context: PasswordContext = {}): string[] {
  const problems = passwordShapeProblems(password, context);
  const inputs = context.username ? [context.username] : [];
  // A password already refused for its shape is not also called common (one clear reason is enough).
  if (problems.length === 0 && isCommonPassword(password, inputs)) problems.push(PASSWORD_MESSAGES.common);
  return problems;
}
