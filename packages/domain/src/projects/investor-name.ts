/**
 * D9 name keys for "same project" detection (R2.3): two reports count as the same project when their keys are equal,
 * so the keys drop what people write differently for the same thing — full-width vs half-width forms, letter case,
 * blanks, punctuation and, for organisations, the legal-form suffix. The keys are for comparison only; the names
 * themselves are stored and shown as entered.
 *
 * An empty key means the name had nothing identifying left; callers must not treat two empty keys as a match.
 */

/** Whitespace (U+3000 included), ASCII and CJK punctuation, and symbols — none of them tell two organisations apart. */
const NOISE = /[\p{P}\p{S}\s]/gu;

/**
 * Legal-form suffixes (Company Law) stripped from organisation names, longest first so that 股份有限公司 is not
 * reduced to 股份 by matching 有限公司. 集团 is not a legal form and stays: 某某集团 and 某某 are different
 * organisations.
 */
const LEGAL_FORM_SUFFIXES: readonly string[] = ['股份有限公司', '有限责任公司', '有限公司', '公司'];

/** NFKC (full-width → half-width, compatibility forms), lowercase, no blanks, no punctuation or symbols. */
function compact(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(NOISE, '');
}

/**
 * D9 key of an investor or other organisation name: `compact` plus one trailing legal-form suffix removed, so
 * 温州某某有限公司, 温州某某有限责任公司, 温州某某股份有限公司 and 温州某某公司 share the key 温州某某. Brackets go
 * with the punctuation, so 温州某某（集团）有限公司 keys as 温州某某集团. Only one suffix is stripped: a name that
 * really ends in two (rare, and then probably meaningful) keeps the rest.
 */
export function normaliseOrgName(name: string): string {
  const key = compact(name);
  const suffix = LEGAL_FORM_SUFFIXES.find((s) => key.endsWith(s));
  return suffix === undefined ? key : key.slice(0, key.length - suffix.length);
}

/** D9 key of a project name: `compact` only — project names have no legal form to strip. */
export function normaliseProjectName(name: string): string {
  return compact(name);
}
