import { describe, expect, it } from 'vitest';
import type { EnterpriseFilters } from '../enterprises.api.ts';
import { filtersFromSearch, searchFromFilters } from './enterprise-search-params.ts';

describe('the enterprise list’s filters in the address', () => {
  it('round-trips every filter but the year, which the page reads itself', () => {
    const filters = {
      year: 2025,
      platformKey: 'hitech',
      kind: 'industrial',
      scale: 'above',
      subDatabase: 'zombie',
      q: '瓯江',
    } satisfies EnterpriseFilters;
    const search = searchFromFilters(filters, 2, 100);
    expect(search.toString()).toBe(
      new URLSearchParams({
        year: '2025',
        platformKey: 'hitech',
        kind: 'industrial',
        scale: 'above',
        subDatabase: 'zombie',
        q: '瓯江',
        page: '2',
        pageSize: '100',
      }).toString(),
    );
    const { year: _year, ...rest } = filters;
    expect(filtersFromSearch(search)).toEqual(rest);
  });

  it('drops a kind, scale or sub-database the domain does not know (a hand-edited address)', () => {
    expect(filtersFromSearch(new URLSearchParams('kind=giant&scale=huge&subDatabase=x&q=a'))).toEqual({ q: 'a' });
  });

  it('leaves out the first page and the default page size', () => {
    expect(searchFromFilters({}, 1, 50).toString()).toBe('');
  });
});
