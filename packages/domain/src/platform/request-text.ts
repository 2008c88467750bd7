import { z } from 'zod';

/**
 * Issue #10.3: text the database can keep. A lone UTF-16 surrogate ("\ud800") cannot be written as UTF-8 (the audit
 * row's jsonb refused it with a 500) and a NUL character cannot be stored in PostgreSQL text at all; both are refused
 * at the contract, with the field named, before anything is written.
 */
// With the `u` flag a proper pair is one astral code point; only a lone half is a code point of category Cs.
const LONE_SURROGATE = /\p{Cs}/u;

export function textProblem(value: string): string | null {
  if (LONE_SURROGATE.test(value)) return '含有无法识别的字符（不成对的代理字符），请重新输入';
  if (value.includes('\u0000')) return '含有空字符，请重新输入';
  return null;
}

/** Whether a text can be stored and shown as it was typed (see textProblem). */
export const isStorableText = (value: string) => textProblem(value) === null;

/**
 * The one text schema of the contract: `wellFormedText('项目名称')` is a string whose ill-formed input is a 400 naming
 * the field. Chain `.trim().min().max()` after it as with `z.string()`.
 */
export function wellFormedText(label: string) {
  // The type message only for a non-string: a length check chained after keeps its own message.
  return z
    .string({ error: (issue: { code: string }) => (issue.code === 'invalid_type' ? `${label}必须是文字` : undefined) })
    .check((ctx) => {
      const problem = textProblem(ctx.value);
      if (problem)
        ctx.issues.push({ code: 'custom', message: `${label}${problem}`, input: ctx.value, continue: false });
    });
}
