import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { filtersFromSearch, searchWithFilters, type FilterSpec, type Filters } from './filter-params.ts';

/**
 * The one way a list keeps its filters (issue #11): in the address, beside `usePaging`'s page. Changing a filter
 * replaces the address (no step in the history, as paging) and goes back to page 1 in the same step: two separate
 * updates in one event would each start from the old address and the second would undo the first.
 */
export function useFilterParams<S extends FilterSpec>(
  spec: S,
): [Filters<S>, (patch: Partial<Record<keyof S & string, string | undefined>>) => void] {
  const [search, setSearch] = useSearchParams();
  const key = search.toString();
  // One object per address, so a query key or an effect that holds the filters sees a change only when they change.
  const filters = useMemo(() => filtersFromSearch(spec, new URLSearchParams(key)), [spec, key]);
  const setFilters = (patch: Partial<Record<keyof S & string, string | undefined>>) => {
    setSearch((current) => searchWithFilters(current, patch), { replace: true });
  };
  return [filters, setFilters];
}
