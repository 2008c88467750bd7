import { useCallback, useState } from 'react';

export type Paging = {
  page: number;
  pageSize: number;
  /** A new page or page size from the table; a new size starts again at page 1 (the old page may not exist). */
  change: (page: number, pageSize: number) => void;
  /** Back to page 1, e.g. when a filter changes (the old page of another result set means nothing). */
  reset: () => void;
};

/**
 * The one way a list holds its page (issue #11): page and size in one state, a size change and a filter change go back
 * to page 1. Lists whose page lives in the URL (the project ledger, the enterprise list) keep their URL codecs.
 */
export function usePaging(initialPageSize = 20): Paging {
  const [state, setState] = useState({ page: 1, pageSize: initialPageSize });
  const change = useCallback((page: number, pageSize: number) => {
    setState((current) => ({ page: pageSize === current.pageSize ? page : 1, pageSize }));
  }, []);
  const reset = useCallback(() => {
    setState((current) => (current.page === 1 ? current : { ...current, page: 1 }));
  }, []);
  return { ...state, change, reset };
}
