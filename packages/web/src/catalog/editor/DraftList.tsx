import { Button, Card, Popconfirm, Space, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { CatalogVersionSummaryView } from '@pgs/domain';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { VersionStateTag } from '../components/VersionStateTag.tsx';

type Props = {
  versions: readonly CatalogVersionSummaryView[];
  loading: boolean;
  selectedId: number | null;
  onSelect: (versionId: number) => void;
  onCreate: () => void;
  onDelete: (version: CatalogVersionSummaryView) => Promise<unknown>;
};

/** The drafts of one platform, and the version in force they are compared with. */
export function DraftList({ versions, loading, selectedId, onSelect, onCreate, onDelete }: Props) {
  const drafts = versions.filter((version) => version.state === 'draft');
  const inForce = versions.find((version) => version.state === 'in_force');
  const scheduled = versions.filter((version) => version.state === 'scheduled');
  const columns: TableColumnsType<CatalogVersionSummaryView> = [
    {
      title: '草稿版本',
      dataIndex: 'version',
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      title: '状态',
      dataIndex: 'state',
      width: 110,
      render: (state: CatalogVersionSummaryView['state']) => <VersionStateTag state={state} />,
    },
    { title: '条目数', dataIndex: 'itemCount', width: 80, align: 'right' },
    { title: '创建人', dataIndex: 'createdByName', width: 140 },
    { title: '创建时间', dataIndex: 'createdAt', width: 180, render: (value: string) => formatDateTime(value) },
    {
      title: '操作',
      key: 'actions',
      width: 150,
      render: (_value, version) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            disabled={version.id === selectedId}
            onClick={() => {
              onSelect(version.id);
            }}
            data-testid={`open-draft-${version.id}`}
          >
            {version.id === selectedId ? '编辑中' : '编辑'}
          </Button>
          <Popconfirm
            title={`删除草稿“${version.version}”？`}
            description="草稿中的全部条目将一并删除。"
            okText="删除"
            cancelText="取消"
            // eslint-disable-next-line @typescript-eslint/no-misused-promises -- antd's Popconfirm awaits a returned promise to keep its OK button loading; the promise never rejects (caught)
            onConfirm={() => onDelete(version).catch(() => undefined)}
          >
            <Button type="link" size="small" danger data-testid={`delete-draft-${version.id}`}>
              删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return (
    <Card
      size="small"
      title="草稿"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid="new-draft-button">
          新建草稿
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        现行有效版本：
        {inForce ? `${inForce.version}（${formatDate(inForce.effectiveDate)} 起生效，${inForce.itemCount} 条）` : '无'}
        {scheduled.map((version) => `；待生效：${version.version}（${formatDate(version.effectiveDate)} 起）`).join('')}
      </Typography.Paragraph>
      <div data-testid="draft-list">
        <Table<CatalogVersionSummaryView>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={drafts}
          loading={loading}
          pagination={false}
          locale={{ emptyText: '暂无草稿。点击“新建草稿”从现行版本复制一份开始编辑。' }}
        />
      </div>
    </Card>
  );
}
