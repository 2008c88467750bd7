import { describe, expect, it } from 'vitest';
import {
  filtersFromSearch,
  isDay,
  isMonth,
  isOneOf,
  isSearchText,
  isTrueOrFalse,
  isWholeNumberIn,
  patchFromForm,
  searchWithFilters,
} from './filter-params.ts';

const spec = {
  platformKey: isOneOf('oujiangkou', 'zhenan', 'gaoxin'),
  month: isMonth,
  late: isTrueOrFalse,
  asOf: isDay,
  withinDays: isWholeNumberIn(1, 365),
};

describe('a list’s filters in the address', () => {
  it('reads the filters it knows and keeps nothing else', () => {
    const search = new URLSearchParams('platformKey=zhenan&month=2026-11&late=true&page=3&open=12');
    expect(filtersFromSearch(spec, search)).toEqual({ platformKey: 'zhenan', month: '2026-11', late: 'true' });
  });

  it('ignores a value that fails its test, as if it were absent', () => {
    const search = new URLSearchParams('platformKey=nowhere&month=2026-13-01&late=yes&asOf=2026/12/01&withinDays=0');
    expect(filtersFromSearch(spec, search)).toEqual({});
    expect(filtersFromSearch(spec, new URLSearchParams('withinDays=366'))).toEqual({});
    expect(filtersFromSearch(spec, new URLSearchParams('withinDays=365'))).toEqual({ withinDays: '365' });
    expect(filtersFromSearch(spec, new URLSearchParams('withinDays=1'))).toEqual({ withinDays: '1' });
  });

  it('sets and clears filters, keeps the other parameters and goes back to page 1', () => {
    const current = new URLSearchParams('platformKey=zhenan&page=4&pageSize=50&open=12');
    const next = searchWithFilters<'platformKey' | 'late'>(current, { platformKey: undefined, late: 'false' });
    expect(next.toString()).toBe('pageSize=50&open=12&late=false');
    expect(current.toString()).toBe('platformKey=zhenan&page=4&pageSize=50&open=12');
  });

  it('treats an empty value as clearing the filter', () => {
    expect(searchWithFilters<'month'>(new URLSearchParams('month=2026-11'), { month: '' }).toString()).toBe('');
  });

  it('round-trips what it writes', () => {
    const written = searchWithFilters(new URLSearchParams(), { asOf: '2026-02-28', withinDays: '30' });
    expect(filtersFromSearch(spec, written)).toEqual({ asOf: '2026-02-28', withinDays: '30' });
  });

  it('takes a search up to the server’s length, and no blank or unstorable one', () => {
    const search = { q: isSearchText(100) };
    const read = (text: string) => filtersFromSearch(search, new URLSearchParams({ q: text }));
    expect(read('温州 集团&A')).toEqual({ q: '温州 集团&A' });
    expect(read('瓯'.repeat(100))).toEqual({ q: '瓯'.repeat(100) });
    expect(read('瓯'.repeat(101))).toEqual({});
    expect(read('   ')).toEqual({});
    // `%00` in a typed link decodes to a NUL, which PostgreSQL text cannot hold: the server would refuse the search.
    expect(filtersFromSearch(search, new URLSearchParams('q=a%00b'))).toEqual({});
  });

  it('turns a whole form into a patch that clears what the form shows empty', () => {
    const keys = ['status', 'overdue', 'q'] as const;
    expect(patchFromForm(keys, { status: 'landed', q: '' })).toEqual({
      status: 'landed',
      overdue: undefined,
      q: undefined,
    });
    const current = new URLSearchParams('status=signed&overdue=true&q=old&subDatabase=zombie&page=3');
    const next = searchWithFilters(current, patchFromForm(keys, { status: 'landed' }));
    expect(next.toString()).toBe('status=landed&subDatabase=zombie');
  });
});
