import { describe, expect, it } from 'vitest';
import { lastPlaced, rankWithTies } from './ranks.ts';

describe('R4.3 ranks with ties', () => {
  it('ranks highest first, ties share a rank (1, 1, 3)', () => {
    const ranks = rankWithTies([
      { key: 'a', value: '90.5' },
      { key: 'b', value: '90.50' },
      { key: 'c', value: '70' },
    ]);
    expect([...ranks]).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
    ]);
    expect(lastPlaced(ranks)).toEqual(['c']);
  });
  it('D25 ties at the bottom are all last', () => {
    const ranks = rankWithTies([
      { key: 'a', value: '80' },
      { key: 'b', value: '60' },
      { key: 'c', value: '60' },
    ]);
    expect(ranks.get('b')).toBe(2);
    expect(lastPlaced(ranks).sort()).toEqual(['b', 'c']);
  });
  it('exact decimals: 0.3 vs 0.30000000001 are not tied', () => {
    const ranks = rankWithTies([
      { key: 'a', value: '0.3' },
      { key: 'b', value: '0.30000000001' },
    ]);
    expect(ranks.get('b')).toBe(1);
    expect(ranks.get('a')).toBe(2);
  });
  it('all tied: nobody is last; no figure: no rank', () => {
    const ranks = rankWithTies([
      { key: 'a', value: '5' },
      { key: 'b', value: '5' },
      { key: 'c', value: null },
    ]);
    expect(ranks.has('c')).toBe(false);
    expect(lastPlaced(ranks)).toEqual([]);
  });
});
