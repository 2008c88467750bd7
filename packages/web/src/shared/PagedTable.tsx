import type { ReactNode } from 'react';
import { Table, type TableProps } from 'antd';
import type { Paging } from './usePaging.ts';

/** A page of a list as every list route answers it (`{items, total, page, pageSize}`). */
type PageOf<T> = { items: T[]; total: number };

/**
 * The one paged table (issue #11): the rows and total of a paged query, the page held by `usePaging`, the size changer
 * and the "共 N …" line. Everything else (columns, expandable rows, scroll) passes through to Ant Design's Table.
 * A list with a fixed page size (`pageSizeOptions={false}`) shows no size changer.
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
  /** The count line under the table, e.g. `(total) => \`共 ${total} 个用户\``; none where the page says it elsewhere. */
  totalText?: (total: number) => ReactNode;
  /** The sizes offered, or `false`: one fixed size (the one `usePaging` was given), no changer. */
  pageSizeOptions?: number[] | false;
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
        showSizeChanger: pageSizeOptions !== false,
        ...(pageSizeOptions === false ? {} : { pageSizeOptions }),
        showTotal: totalText,
        onChange: paging.change,
      }}
    />
  );
}
