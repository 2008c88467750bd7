import { useState } from 'react';
import { Alert, Card, Empty, Segmented, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { CATALOG_TRACK_CONSEQUENCE, CATEGORY_LABELS, PLATFORMS, RENEWAL_TRACK_SHORT } from '@pgs/domain';
import { useMe } from '../../auth/session.ts';
import { useConsequences, type Consequences } from '../renewal.api.ts';
import { statusLabel } from '../components/renewal-format.tsx';

type Row = Consequences['items'][number];
type Change = NonNullable<Consequences['change']>['items'][number];

/**
 * 目录类别对现有企业的影响: the platform's enterprises whose industry is 淘汰类 (a relocation or disposal plan with a
 * deadline) or 限制类 (technology upgrade only within the original capacity) in the catalog in force, with their
 * cases; and who changes track with a new catalog version.
 */
export function ConsequencesPage() {
  const { data: me } = useMe();
  const [chosen, setChosen] = useState<string>('zhenan');
  const platformKey = me?.role === 'platform' ? me.platformKey! : chosen;
  const query = useConsequences(platformKey);
  if (!me) return null;
  const data = query.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {me.role !== 'platform' && (
        <Segmented
          value={chosen}
          onChange={(value) => {
            setChosen(value);
          }}
          options={PLATFORMS.map((p) => ({ value: p.key, label: p.shortName }))}
          data-testid="consequences-platform"
        />
      )}
      <Typography.Text type="secondary" data-testid="consequences-summary">
        {data?.catalog
          ? `按现行目录（${data.catalog.version}，${data.catalog.effectiveDate ?? ''} 起施行）与 ${data.year ?? '—'} 年度企业数据：淘汰类企业${CATALOG_TRACK_CONSEQUENCE.catalog_relocation}；限制类企业${CATALOG_TRACK_CONSEQUENCE.catalog_upgrade}。`
          : '该平台尚无生效的产业准入目录。'}
      </Typography.Text>
      <Table<Row>
        rowKey="creditCode"
        loading={query.isPending}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 50 }}
        locale={{ emptyText: <Empty description="现行目录下该平台没有淘汰类或限制类企业" /> }}
        columns={[
          {
            title: '企业名称',
            dataIndex: 'name',
            render: (name, row) => <Link to={`/enterprises/${row.creditCode}`}>{name}</Link>,
          },
          { title: '行业代码', dataIndex: 'industryCode', width: 90 },
          {
            title: '目录类别',
            dataIndex: 'category',
            width: 90,
            render: (category: Row['category']) => (
              <Tag color={category === 'eliminated' ? 'red' : 'orange'}>{CATEGORY_LABELS[category]}</Tag>
            ),
          },
          {
            title: '应办理',
            dataIndex: 'track',
            width: 100,
            render: (track: Row['track']) => RENEWAL_TRACK_SHORT[track],
          },
          { title: '目录条目', dataIndex: 'itemNote', ellipsis: true },
          {
            title: '案件',
            key: 'case',
            width: 120,
            render: (_, row) =>
              row.caseId ? (
                <Link to={`/renewal/cases/${row.caseId}`}>
                  {statusLabel({ status: row.caseStatus!, track: row.track })}
                </Link>
              ) : (
                <Tag color="red">尚未立案</Tag>
              ),
          },
        ]}
      />
      <Card size="small" title="新版目录带来的类别变化" data-testid="consequences-change">
        {!data?.change && <Empty description="该平台只有一个已发布的目录版本，暂无变化可比" />}
        {data?.change && (
          <>
            <Alert
              type={data.change.upcoming ? 'warning' : 'info'}
              showIcon
              title={
                data.change.upcoming
                  ? `${data.change.next?.version} 将于 ${data.change.next?.effectiveDate} 起施行：以下企业届时改变办理要求。`
                  : `${data.change.next?.version} 相对 ${data.change.base?.version}：以下企业的办理要求已改变。`
              }
              style={{ marginBottom: 12 }}
            />
            <Table<Change>
              rowKey="creditCode"
              size="small"
              pagination={false}
              dataSource={data.change.items}
              locale={{ emptyText: '没有企业因新版目录改变办理要求' }}
              columns={[
                { title: '企业名称', dataIndex: 'name' },
                { title: '行业代码', dataIndex: 'industryCode', width: 90 },
                {
                  title: '原类别',
                  dataIndex: 'fromCategory',
                  width: 100,
                  render: (c: Change['fromCategory']) => CATEGORY_LABELS[c],
                },
                {
                  title: '新类别',
                  dataIndex: 'toCategory',
                  width: 100,
                  render: (c: Change['toCategory']) => CATEGORY_LABELS[c],
                },
                { title: '说明', dataIndex: 'explanation' },
              ]}
            />
          </>
        )}
      </Card>
    </Space>
  );
}
