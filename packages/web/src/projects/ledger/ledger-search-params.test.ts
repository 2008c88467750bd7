import { describe, expect, it } from 'vitest';
import type { LedgerFilters } from '../projects.api.ts';
import { filtersFromSearch, searchFromFilters } from './ledger-search-params.ts';

describe('the ledger’s filters in the address', () => {
  it('round-trips every filter', () => {
    const filters = {
      platformKey: 'zhenan',
      status: 'negotiating',
      category: 'encouraged',
      sizeTier: '20yi',
      overdue: 'true',
      q: '温州 集团&A',
    } satisfies LedgerFilters;
    const search = searchFromFilters(filters, 3, 20);
    expect(search.get('page')).toBe('3');
    expect(search.get('pageSize')).toBe('20');
    expect(filtersFromSearch(new URLSearchParams(search.toString()))).toEqual(filters);
  });

  it('leaves out the first page, the default page size and empty filters', () => {
    expect(searchFromFilters({ q: '' }, 1, 50).toString()).toBe('');
    expect(filtersFromSearch(new URLSearchParams('q=&page=2'))).toEqual({});
  });

  it('ignores keys it does not know', () => {
    expect(filtersFromSearch(new URLSearchParams('foo=bar&status=landed'))).toEqual({ status: 'landed' });
  });
});
