import type { LedgerFilters } from '../projects.api.ts';

const FILTER_KEYS = ['platformKey', 'status', 'category', 'sizeTier', 'overdue', 'q'] as const;

/** The ledger keeps its filters in the address, so a filtered ledger can be bookmarked or sent to a colleague. */
export function filtersFromSearch(search: URLSearchParams): LedgerFilters {
  const filters: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = search.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

export function searchFromFilters(filters: LedgerFilters, page: number, pageSize: number): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) search.set(key, value);
  }
  if (page > 1) search.set('page', String(page));
  if (pageSize !== 50) search.set('pageSize', String(pageSize));
  return search;
}
