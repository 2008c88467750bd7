import { useSearchParams } from 'react-router';

export type Paging = {
  page: number;
  pageSize: number;
  /** A new page or page size from the table; a new size starts again at page 1 (the old page may not exist). */
  change: (page: number, pageSize: number) => void;
  /** Back to page 1, e.g. when a filter changes (the old page of another result set means nothing). */
  reset: () => void;
};

/** A whole number ≥ 1 from the address, or undefined (missing, `abc`, `0`, `-2`, `1.5`). */
function positiveInteger(text: string | null): number | undefined {
  if (text === null || !/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= 1 ? value : undefined;
}

/**
 * The one way a list holds its page (issue #11): page and size in the address (`?page=3&pageSize=50`, left out at
 * their defaults), so Back from a row's page, a reload or a shared link opens the same page. A size change and a filter
 * change go back to page 1. The address is replaced, not pushed: paging adds no step to the browser's history.
 *
 * The other parameters of the address (a filter, an opened drawer) are kept; a filter change through
 * `useFilterParams` drops the page in the same step.
 */
export function usePaging(defaultPageSize = 20): Paging {
  const [search, setSearch] = useSearchParams();
  const page = positiveInteger(search.get('page')) ?? 1;
  const pageSize = positiveInteger(search.get('pageSize')) ?? defaultPageSize;
  const show = (nextPage: number, nextSize: number) => {
    setSearch(
      (current) => {
        const params = new URLSearchParams(current);
        if (nextPage > 1) params.set('page', String(nextPage));
        else params.delete('page');
        if (nextSize !== defaultPageSize) params.set('pageSize', String(nextSize));
        else params.delete('pageSize');
        return params;
      },
      { replace: true },
    );
  };
  return {
    page,
    pageSize,
    change: (nextPage, nextSize) => {
      show(nextSize === pageSize ? nextPage : 1, nextSize);
    },
    reset: () => {
      if (page !== 1) show(1, pageSize);
    },
  };
}
