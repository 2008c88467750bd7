import type { ReactNode } from 'react';
import { Table, type TableProps } from 'antd';
import type { Paging } from './usePaging.ts';

/** A page of a list as every list route answers it (`{items, total, page, pageSize}`). */
type PageOf<T> = { items: T[]; total: number };

/**
 * The one paged table (issue #11): the rows and total of a paged query, the page held by `usePaging`, the size changer
 * and the "共 N …" line. Everything else (columns, expandable rows, scroll) passes through to Ant Design's Table.
 */
export function PagedTable<T extends object>({
  query,
  paging,
  totalText,
  pageSizeOptions = [20, 50, 100],
  ...table
}: Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination'> & {
  /** The paged query (TanStack Query's result): its data, and whether it is fetching. */
  query: { data?: PageOf<T>; isFetching: boolean };
  paging: Paging;
  /** The count line under the table, e.g. `(total) => \`共 ${total} 个用户\``. */
  totalText: (total: number) => ReactNode;
  pageSizeOptions?: number[];
}) {
  return (
    <Table<T>
      {...table}
      dataSource={query.data?.items ?? []}
      loading={query.isFetching}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total: query.data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions,
        showTotal: totalText,
        onChange: paging.change,
      }}
    />
  );
}
