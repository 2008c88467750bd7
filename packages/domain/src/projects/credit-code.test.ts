import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_LENGTH,
  creditCodeProblem,
  creditCodeSchema,
  isValidCreditCode,
  normaliseCreditCode,
} from './credit-code.ts';

/*
 * Test codes are built, not remembered: a 17-character body and its check character worked out by hand below.
 * Values: 0–9 are themselves, A10 B11 C12 D13 E14 F15 G16 H17 J18 K19 L20 M21 N22 P23 Q24 R25 T26 U27 W28 X29 Y30.
 * Weights: 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28. Check value = (31 − sum mod 31) mod 31.
 *
 * Body 91330300MA2J8KXU? — its first 16 products:
 *   9×1 + 1×3 + 3×9 + 3×27 + 0×19 + 3×26 + 0×16 + 0×17 + 21×20 + 10×29 + 2×25 + 18×13 + 8×8 + 19×24 + 29×10 + 27×30
 *   = 9 + 3 + 27 + 81 + 0 + 78 + 0 + 0 + 420 + 290 + 50 + 234 + 64 + 456 + 290 + 810 = 2812
 * and the 17th character (weight 28) varies:
 *   '5': 2812 + 140 = 2952 = 95×31 + 7  → 31 − 7  = 24 → Q  (a letter)
 *   'W': 2812 + 784 = 3596 = 116×31 + 0 → (31 − 0) mod 31 = 0 → 0  (the wrap-around case)
 *   '7': 2812 + 196 = 3008 = 97×31 + 1  → 31 − 1  = 30 → Y  (the last character of the set)
 *   '0': 2812 + 0   = 2812 = 90×31 + 22 → 31 − 22 = 9  → 9  (a digit)
 * Body 12330300470123456:
 *   1×1 + 2×3 + 3×9 + 3×27 + 0×19 + 3×26 + 0×16 + 0×17 + 4×20 + 7×29 + 0×25 + 1×13 + 2×8 + 3×24 + 4×10 + 5×30 + 6×28
 *   = 1 + 6 + 27 + 81 + 0 + 78 + 0 + 0 + 80 + 203 + 0 + 13 + 16 + 72 + 40 + 150 + 168 = 935 = 30×31 + 5
 *   → 31 − 5 = 26 → T
 * Body 00000000000000000: sum 0 → (31 − 0) mod 31 = 0 → 0
 */
const VALID: readonly (readonly [code: string, why: string])[] = [
  ['91330300MA2J8KXU5Q', 'check value 24 → letter Q'],
  ['91330300MA2J8KXUW0', 'check value 0 (31 mod 31)'],
  ['91330300MA2J8KXU7Y', 'check value 30 → Y, the last character of the set'],
  ['91330300MA2J8KXU09', 'check value 9 → digit 9'],
  ['12330300470123456T', 'all-digit body, check value 26 → T'],
  ['000000000000000000', 'sum 0 → check value 0'],
];

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('is 18 characters long', () => {
    expect(CREDIT_CODE_LENGTH).toBe(18);
  });

  it.each(VALID)('%s is valid (%s)', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
    expect(isValidCreditCode(code)).toBe(true);
  });

  it.each(VALID)('%s: every other check character is refused, naming the expected one', (code) => {
    const body = code.slice(0, 17);
    const expected = code.slice(17);
    const wrong = Array.from(CHARSET).filter((c) => c !== expected);
    expect(wrong).toHaveLength(30);
    for (const c of wrong) {
      expect(creditCodeProblem(body + c)).toBe(`统一社会信用代码校验位应为 ${expected}，实为 ${c}`);
      expect(isValidCreditCode(body + c)).toBe(false);
    }
  });

  it('a changed body character breaks the check', () => {
    // 91330300MA2J8KXU5Q with the 1st character 9 → 5: the sum drops by 4×1 to 2948 = 95×31 + 3 → 28 → W.
    expect(creditCodeProblem('51330300MA2J8KXU5Q')).toBe('统一社会信用代码校验位应为 W，实为 Q');
  });

  it.each([
    ['', 0],
    ['91330300MA2J8KXU5', 17],
    ['91330300MA2J8KXU5Q0', 19],
    ['91330300MA2J8KXU5Q91330300MA2J8KXU5Q', 36],
  ])('%j has the wrong length (%i)', (code, length) => {
    expect(creditCodeProblem(code)).toBe(`统一社会信用代码应为 18 位，实为 ${length} 位`);
    expect(isValidCreditCode(code)).toBe(false);
  });

  it('counts characters, not UTF-16 units: 17 + an emoji is 18 characters, refused for the emoji', () => {
    expect(creditCodeProblem('91330300MA2J8KXU5😀')).toContain('不允许的字符「😀」');
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('the letter %s is not in the code set', (letter) => {
    const code = `91330300MA2J8KX${letter}5Q`;
    expect(code).toHaveLength(18);
    expect(creditCodeProblem(code)).toBe(
      `统一社会信用代码含有不允许的字符「${letter}」，只能使用数字 0–9 和除 I、O、Z、S、V 以外的大写字母`,
    );
    expect(isValidCreditCode(code)).toBe(false);
  });

  it('lists each forbidden character once', () => {
    expect(creditCodeProblem('91330300MA2J8-I-IQ')).toContain('「-、I」');
  });

  it('expects a normalised code: lowercase and full-width are forbidden characters until normalised', () => {
    expect(creditCodeProblem('91330300ma2j8kxu5q')).toContain('不允许的字符「m、a、j、k、x、u、q」');
    expect(creditCodeProblem('９１３３０３００ＭＡ２Ｊ８ＫＸＵ５Ｑ')).toContain('不允许的字符');
  });
});

describe('normaliseCreditCode', () => {
  it.each([
    ['91330300MA2J8KXU5Q', '91330300MA2J8KXU5Q'],
    ['91330300ma2j8kxu5q', '91330300MA2J8KXU5Q'],
    ['９１３３０３００ＭＡ２Ｊ８ＫＸＵ５Ｑ', '91330300MA2J8KXU5Q'],
    ['９１３３０３００ｍａ２ｊ８ｋｘｕ５ｑ', '91330300MA2J8KXU5Q'],
    ['  91330300MA2J8KXU5Q\t\n', '91330300MA2J8KXU5Q'],
    ['\u300091330300MA2J8KXU5Q\u3000', '91330300MA2J8KXU5Q'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normaliseCreditCode(input)).toBe(expected);
  });

  it('does not remove blanks inside the code (a split code is reported by its length)', () => {
    expect(normaliseCreditCode('913303 00MA2J8KXU5Q')).toBe('913303 00MA2J8KXU5Q');
    expect(creditCodeProblem(normaliseCreditCode('913303 00MA2J8KXU5Q'))).toBe(
      '统一社会信用代码应为 18 位，实为 19 位',
    );
  });
});

describe('creditCodeSchema', () => {
  it.each([
    '91330300MA2J8KXU5Q',
    '91330300ma2j8kxu5q',
    '９１３３０３００ＭＡ２Ｊ８ＫＸＵ５Ｑ',
    ' ９１３３０３００ｍａ２ｊ８ｋｘｕ５ｑ\u3000',
  ])('%j parses to the canonical code', (input) => {
    expect(creditCodeSchema.parse(input)).toBe('91330300MA2J8KXU5Q');
  });

  it.each([
    ['91330300MA2J8KXU5R', '统一社会信用代码校验位应为 Q，实为 R'],
    ['91330300ma2j8kxu5r', '统一社会信用代码校验位应为 Q，实为 R'],
    ['91330300MA2J8KXU5', '统一社会信用代码应为 18 位，实为 17 位'],
    ['91330300MA2J8KXO5Q', '统一社会信用代码含有不允许的字符「O」，只能使用数字 0–9 和除 I、O、Z、S、V 以外的大写字母'],
  ])('%j is refused with %j', (input, message) => {
    const result = creditCodeSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });

  it('refuses a non-string', () => {
    expect(creditCodeSchema.safeParse(913303).success).toBe(false);
  });
});
