/**
 * Users read policy in their own words, not our rule numbers (issue #9): a bracketed citation such as "（R2.1）",
 * "（R2.1、D5）" or "(D11)" is dropped from text the server stored or explained. Text without one is unchanged.
 */
const CITATION = /\s*[（(](?:§[^）)]*?[，、,]\s*)?(?:R\d+(?:\.\d+)?(?:[–-]R?\d+(?:\.\d+)?)?|D\d+)(?:\s*[、，,]\s*(?:R\d+(?:\.\d+)?|D\d+))*[）)]/g;

export function plainText(text: string): string {
  return text.replace(CITATION, '');
}
