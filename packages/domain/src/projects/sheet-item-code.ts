/**
 * The evaluation sheet's item codes are the keys of the filled scores; users never see or type them (issue #9: the
 * editor shows no raw item codes). A new item's code is made from its name: a short stable hash of the name in
 * base 36 after "item_", so the same name gives the same code; a clash with a code already on the sheet gets a
 * numbered suffix. Existing items keep their codes, so earlier evaluations still read.
 */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function sheetItemCode(label: string, taken: ReadonlySet<string>): string {
  const base = `item_${fnv1a(label.trim()).toString(36)}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** Fills in a code for every item that has none, leaving existing codes as they are. */
export function withItemCodes<T extends { code: string; label: string }>(items: readonly T[]): T[] {
  const taken = new Set(items.map((item) => item.code).filter(Boolean));
  return items.map((item) => {
    if (item.code) return item;
    const code = sheetItemCode(item.label, taken);
    taken.add(code);
    return { ...item, code };
  });
}
