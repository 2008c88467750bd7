/**
 * Users read policy in their own words, not our rule numbers (issue #9): a bracketed citation such as "（R2.1）",
 * "（R2.1、D5）" or "(D11)" is dropped from text the server stored or explained. Text without one is unchanged.
 */
const CITATION =
  /\s*[（(](?:§[^）)]*?[，、,]\s*)?(?:R\d+(?:\.\d+)?(?:[–-]R?\d+(?:\.\d+)?)?|D\d+)(?:\s*[、，,]\s*(?:R\d+(?:\.\d+)?|D\d+))*[）)]/g;

/** A bare rule number opening a phrase ("依据：R1.2 平台主导产业"). */
const BARE = /(^|[：:，、；\s])(?:R\d+(?:\.\d+)?|D\d+)\s+/g;

export function plainText(text: string): string {
  return text.replace(CITATION, '').replace(BARE, '$1');
}
