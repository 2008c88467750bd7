/**
 * The little XML that reading .xlsx parts needs (ECMA-376 SpreadsheetML): text with its escapes, attributes of a
 * start tag, and the text of string items. Parts are small and well-formed by their writers, so string search is
 * enough; the worksheet itself is scanned byte by byte in xlsx-sheet-scanner.ts.
 */

const ESCAPED = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));|_x([0-9A-Fa-f]{4})_/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML character references, and SpreadsheetML's `_xHHHH_` escape for characters XML cannot carry (§22.9.2.19). */
export function xmlText(text: string): string {
  // XML's end-of-line handling (§2.11): a literal CR LF or lone CR is read as LF; `&#13;` and `_x000D_` stay CR.
  const raw = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (!raw.includes('&') && !raw.includes('_x')) return raw;
  return raw.replace(
    ESCAPED,
    (match, hex: string | undefined, dec: string | undefined, name: string | undefined, escape: string | undefined) => {
      if (name) return NAMED[name]!;
      const code = parseInt(hex ?? dec ?? escape!, hex || escape ? 16 : 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : match;
    },
  );
}

/** The value of attribute `name` in an element's start tag (either quote), or undefined. */
export function attribute(tag: string, name: string): string | undefined {
  const key = `${name}=`;
  let at = tag.indexOf(key);
  // The name must stand alone: after whitespace (a space, tab or line break), not inside a longer name.
  while (at > 0 && !/\s/.test(tag[at - 1]!)) at = tag.indexOf(key, at + 1);
  if (at <= 0) return undefined;
  at += key.length;
  const quote = tag[at];
  if (quote !== '"' && quote !== "'") return undefined;
  const end = tag.indexOf(quote, at + 1);
  return end < 0 ? undefined : tag.slice(at + 1, end);
}

/** Whether the character after an element name ends the name (so `<c` is not `<col`). */
export function endsName(xml: string, index: number): boolean {
  const code = xml.charCodeAt(index);
  return code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;
}

/** Each start tag `<name …>` (or `<name …/>`) in xml[from, to), as its text. */
export function* startTags(xml: string, name: string, from = 0, to = xml.length): Generator<string> {
  const open = `<${name}`;
  let at = xml.indexOf(open, from);
  while (at >= 0 && at < to) {
    const end = xml.indexOf('>', at);
    if (end < 0) return;
    if (endsName(xml, at + open.length)) yield xml.slice(at, end + 1);
    at = xml.indexOf(open, end);
  }
}

/** The text of a string item (`<si>`, `<is>`): its `<t>` runs joined, phonetic guides (`<rPh>`) left out. */
export function runsText(xml: string, from: number, to: number): string {
  let segment = xml.slice(from, to);
  if (segment.includes('<rPh')) segment = segment.replace(/<rPh[\s>][\s\S]*?<\/rPh>/g, '');
  let text = '';
  let at = segment.indexOf('<t');
  while (at >= 0) {
    const end = segment.indexOf('>', at);
    if (end < 0) break;
    if (!endsName(segment, at + 2) || segment.charCodeAt(end - 1) === 47) {
      at = segment.indexOf('<t', end);
      continue;
    }
    const close = segment.indexOf('</t>', end);
    if (close < 0) break;
    text += segment.slice(end + 1, close);
    at = segment.indexOf('<t', close);
  }
  return xmlText(text);
}
