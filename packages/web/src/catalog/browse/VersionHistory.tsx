import { Button, Card, Table, type TableColumnsType } from 'antd';
import type { CatalogVersionSummaryView } from '@pgs/domain';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { VersionStateTag } from '../components/VersionStateTag.tsx';

type Props = {
  versions: readonly CatalogVersionSummaryView[];
  loading: boolean;
  selectedId: number | null;
  onView: (versionId: number) => void;
};

/** Every version of a platform's catalog, newest first; any of them opens read-only above. */
export function VersionHistory({ versions, loading, selectedId, onView }: Props) {
  const columns: TableColumnsType<CatalogVersionSummaryView> = [
    { title: '版本', dataIndex: 'version' },
    {
      title: '状态',
      dataIndex: 'state',
      render: (state: CatalogVersionSummaryView['state']) => <VersionStateTag state={state} />,
    },
    { title: '生效日期', dataIndex: 'effectiveDate', render: (value: string | null) => formatDate(value) },
    { title: '条目数', dataIndex: 'itemCount', align: 'right' },
    { title: '发布时间', dataIndex: 'publishedAt', render: (value: string | null) => formatDateTime(value) },
    { title: '发布人', dataIndex: 'publishedByName', render: (value: string | null) => value ?? '—' },
    {
      title: '操作',
      key: 'view',
      render: (_value, version) =>
        version.id === selectedId ? (
          '正在查看'
        ) : (
          <Button
            type="link"
            size="small"
            onClick={() => {
              onView(version.id);
            }}
            data-testid={`view-version-${version.id}`}
          >
            查看
          </Button>
        ),
    },
  ];
  const sorted = [...versions].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Card title="版本历史" size="small" data-testid="version-history">
      <Table<CatalogVersionSummaryView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={sorted}
        loading={loading}
        pagination={false}
      />
    </Card>
  );
}
