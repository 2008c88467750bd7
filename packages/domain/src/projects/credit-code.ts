import { z } from 'zod';

/**
 * 统一社会信用代码 (unified social credit code) per GB 32100-2015: 18 characters from a 31-character set, the last
 * one a check character over the first 17. Only the form and the check character are verified: the registration
 * authority / organisation type / administrative division segments are assigned by outside registries and change over
 * time, so refusing unknown values there would reject real enterprises.
 */
export const CREDIT_CODE_LENGTH = 18;

/** GB 32100-2015 code set: digits and capital letters without I, O, Z, S, V (too easily confused with 1, 0, 2, 5, U). */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 32100-2015 weights of positions 1–17: 3^i mod 31. */
const WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

const CHARSET_RULE = '只能使用数字 0–9 和除 I、O、Z、S、V 以外的大写字母';

/**
 * What people type or paste into the canonical form: full-width characters (common with Chinese input methods) become
 * half-width by NFKC, surrounding blanks go, letters become capitals. NFKC comes first so an ideographic space
 * (U+3000) is trimmed as well.
 */
export function normaliseCreditCode(input: string): string {
  return input.normalize('NFKC').trim().toUpperCase();
}

/**
 * The Chinese reason `code` is not a valid credit code, or null when it is. Expects an already normalised code (see
 * `normaliseCreditCode`; `creditCodeSchema` does both): a lowercase letter is reported as a forbidden character.
 */
export function creditCodeProblem(code: string): string | null {
  if (code.length === CREDIT_CODE_LENGTH && hasPlainCheck(code)) return null;
  // Code points, not UTF-16 units, so a stray emoji or rare ideograph counts as one character in the message.
  const chars = Array.from(code);
  if (chars.length !== CREDIT_CODE_LENGTH) {
    return `统一社会信用代码应为 ${CREDIT_CODE_LENGTH} 位，实为 ${chars.length} 位`;
  }
  const forbidden = [...new Set(chars.filter((c) => !CHARSET.includes(c)))];
  if (forbidden.length > 0) {
    return `统一社会信用代码含有不允许的字符「${forbidden.join('、')}」，${CHARSET_RULE}`;
  }
  const expected = checkCharacter(chars.slice(0, CREDIT_CODE_LENGTH - 1));
  const actual = chars[CREDIT_CODE_LENGTH - 1];
  if (actual !== expected) {
    return `统一社会信用代码校验位应为 ${expected}，实为 ${actual ?? ''}`;
  }
  return null;
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

/** A credit code field: accepts what people type, yields the canonical form, refuses with the Chinese reason. */
export const creditCodeSchema = z
  .string()
  .overwrite(normaliseCreditCode)
  .superRefine((code, ctx) => {
    const problem = creditCodeProblem(code);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem, input: code });
  });

/** Each ASCII character's value in the code set, or -1 (the import checks 100 000 codes: no arrays per code). */
const VALUES = Array.from({ length: 128 }, (_, code) => CHARSET.indexOf(String.fromCharCode(code)));

/** Whether an 18-character code is all from the code set with the right check character: the quiet, common case. */
function hasPlainCheck(code: string): boolean {
  let sum = 0;
  for (let i = 0; i < CREDIT_CODE_LENGTH - 1; i++) {
    const value = VALUES[code.charCodeAt(i)] ?? -1;
    if (value < 0) return false;
    sum += value * WEIGHTS[i]!;
  }
  return VALUES[code.charCodeAt(CREDIT_CODE_LENGTH - 1)] === (31 - (sum % 31)) % 31;
}

/** GB 32100-2015 check character: C18 = 31 − (Σ value(Ci) × Wi mod 31), where 31 itself maps to '0'. */
function checkCharacter(body: readonly string[]): string {
  let sum = 0;
  body.forEach((c, i) => {
    sum += CHARSET.indexOf(c) * (WEIGHTS[i] ?? 0);
  });
  const value = (31 - (sum % 31)) % 31;
  // value is in 0..30, always an index of the 31-character set.
  return CHARSET.charAt(value);
}
