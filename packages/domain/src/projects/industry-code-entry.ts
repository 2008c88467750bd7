import { isWellFormedIndustryCode } from '../industries/industry-code.ts';

/**
 * What the text typed in an industry-code field is, so a page never hands a half-typed code to a rule that
 * expects a real one (issue #9: "3", "汽车" or a code backspaced to one digit must never throw):
 * - `empty`: nothing typed;
 * - `code`: a well-formed GB/T 4754 code (门类 letter, or 2–4 digits) — whether it exists is the table's answer;
 * - `partial`: digits on the way to a code (one digit) or more than four digits: not yet known;
 * - `search`: anything else (Chinese words, mixed text): a search for codes by name.
 */
export type IndustryCodeEntry =
  { kind: 'empty' } | { kind: 'code'; code: string } | { kind: 'partial' } | { kind: 'search'; text: string };

export function industryCodeEntry(typed: string | null | undefined): IndustryCodeEntry {
  const text = (typed ?? '').trim().toUpperCase();
  if (!text) return { kind: 'empty' };
  if (isWellFormedIndustryCode(text)) return { kind: 'code', code: text };
  if (/^\d+$/.test(text)) return { kind: 'partial' };
  return { kind: 'search', text: (typed ?? '').trim() };
}
