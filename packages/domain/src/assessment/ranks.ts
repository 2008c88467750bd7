import Decimal from 'decimal.js';

/**
 * Ranks by a figure, highest first, with ties sharing a rank (standard competition ranking: 1, 1, 3). Entries
 * without a figure (null) get no rank. Figures are exact decimal text (D1), compared without floats.
 */
export function rankWithTies<K extends string>(
  values: ReadonlyArray<{ key: K; value: string | null }>,
): Map<K, number> {
  const ranked = values
    .filter((entry): entry is { key: K; value: string } => entry.value !== null)
    .map((entry) => ({ key: entry.key, value: new Decimal(entry.value) }))
    .sort((a, b) => b.value.comparedTo(a.value));
  const ranks = new Map<K, number>();
  ranked.forEach((entry, index) => {
    const previous = ranked[index - 1];
    ranks.set(entry.key, previous && previous.value.eq(entry.value) ? ranks.get(previous.key)! : index + 1);
  });
  return ranks;
}

/**
 * D25 "ties at the bottom are all last": every key holding the worst rank. When every entry shares one rank there
 * is no bottom apart from the top, so nobody is last (a choice written in docs/notes/assess.md).
 */
export function lastPlaced<K extends string>(ranks: ReadonlyMap<K, number>): K[] {
  if (ranks.size < 2) return [];
  const worst = Math.max(...ranks.values());
  if (worst === 1) return [];
  return [...ranks].filter(([, rank]) => rank === worst).map(([key]) => key);
}
