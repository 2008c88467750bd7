import { useMemo, useState, type ReactNode } from 'react';
import { Input, Segmented, Space, Table, Tag, type TableColumnsType } from 'antd';
import {
  BASIS_LABELS,
  CATALOG_CATEGORIES,
  CATEGORY_LABELS,
  type CatalogCategory,
  type CatalogItemView,
} from '@pgs/domain';
import { CategoryTag } from './CategoryTag.tsx';

type Filter = 'all' | CatalogCategory;

type Props = {
  items: readonly CatalogItemView[];
  loading?: boolean;
  /** Extra buttons at the right of the filter bar (export, add item…). */
  toolbar?: ReactNode;
  /** An operations column (edit, delete) for the editor. */
  actions?: (item: CatalogItemView) => ReactNode;
  testId?: string;
};

function matches(item: CatalogItemView, text: string): boolean {
  if (!text) return true;
  const haystack = [item.industryCode, item.industryName ?? '', item.note, BASIS_LABELS[item.basis], ...item.keywords]
    .join(' ')
    .toLowerCase();
  return haystack.includes(text.toLowerCase());
}

/** The items of one catalog version: class as a coloured tag, filter by class, search in every text column. */
export function CatalogItemsTable({ items, loading, toolbar, actions, testId = 'catalog-table' }: Props) {
  const [filter, setFilter] = useState<Filter>('all');
  const [text, setText] = useState('');
  const shown = useMemo(
    () => items.filter((item) => (filter === 'all' || item.category === filter) && matches(item, text.trim())),
    [items, filter, text],
  );
  const counts = useMemo(() => {
    const byCategory: Record<string, number> = { all: items.length };
    for (const item of items) byCategory[item.category] = (byCategory[item.category] ?? 0) + 1;
    return byCategory;
  }, [items]);

  const columns: TableColumnsType<CatalogItemView> = [
    {
      title: '类别',
      dataIndex: 'category',
      width: 90,
      render: (category: CatalogCategory) => <CategoryTag category={category} />,
    },
    {
      title: '行业代码（GB/T 4754）',
      dataIndex: 'industryCode',
      width: 110,
      sorter: (a, b) => a.industryCode.localeCompare(b.industryCode),
    },
    {
      title: '行业名称',
      dataIndex: 'industryName',
      width: 200,
      render: (name: string | null) => name ?? '（代码表中未找到）',
    },
    {
      title: '关键词',
      dataIndex: 'keywords',
      render: (keywords: string[]) =>
        keywords.length ? keywords.map((keyword) => <Tag key={keyword}>{keyword}</Tag>) : '（整个行业）',
    },
    {
      title: '列入依据',
      dataIndex: 'basis',
      width: 240,
      render: (basis: CatalogItemView['basis']) => BASIS_LABELS[basis],
    },
    { title: '备注', dataIndex: 'note', ellipsis: true },
  ];
  if (actions)
    columns.push({
      title: '操作',
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_value, item) => actions(item),
    });

  const options = [
    { value: 'all' as Filter, label: `全部（${counts.all ?? 0}）` },
    ...CATALOG_CATEGORIES.map((category) => ({
      value: category,
      label: `${CATEGORY_LABELS[category]}（${counts[category] ?? 0}）`,
    })),
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Segmented<Filter> options={options} value={filter} onChange={setFilter} data-testid="category-filter" />
          <Input.Search
            allowClear
            placeholder="搜索代码、行业名称、关键词、备注"
            onChange={(event) => {
              setText(event.target.value);
            }}
            style={{ width: 280 }}
            data-testid="catalog-search"
          />
        </Space>
        {toolbar && <Space wrap>{toolbar}</Space>}
      </Space>
      <div data-testid={testId}>
        <Table<CatalogItemView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={shown}
          loading={loading}
          scroll={{ x: 1000 }}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => `共 ${total} 条` }}
        />
      </div>
    </>
  );
}
