import { useMemo } from 'react';
import { Alert, Card, Layout, Table, Tag, Typography } from 'antd';
import { WenzhouMap, type MapPoint } from '../shared/charts/WenzhouMap.tsx';
import { usePublicParcels, type PublicParcels } from './land.api.ts';
import { mu } from './land-format.tsx';

type Item = PublicParcels['items'][number];

/**
 * 全面公开地块信息 (R3.6): the parcels the drc or the bureau published, for investors, without signing in. Nothing
 * from inside the system is linked from here.
 */
export function PublicParcelsPage() {
  const parcels = usePublicParcels();
  const items = parcels.data?.items;
  const points = useMemo<MapPoint[]>(
    () =>
      (items ?? [])
        .filter((p) => p.location)
        .map((p) => ({
          name: p.code,
          lng: p.location!.lng,
          lat: p.location!.lat,
          color: p.kind === 'vacated' ? '#722ed1' : '#1677ff',
          detail: `${p.code}｜${p.platformName}｜${mu(p.area)} 亩｜${p.plannedUse}`,
        })),
    [items],
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ color: '#fff', fontSize: 18 }}>温州市级产业平台 · 招商地块信息公开</Layout.Header>
      <Layout.Content style={{ padding: 24, display: 'flex', flexDirection: 'column', gap: 16 }}>
        <Typography.Paragraph>
          以下为瓯江口产业集聚区、浙南产业集聚区和温州高新区公开招商的批而未供地块和腾空地块。面积以亩计（1 亩约 666.67
          平方米）； “鼓励产业”为该平台现行产业准入目录中的鼓励类产业。有意向请按联系方式与平台联系。
        </Typography.Paragraph>
        {parcels.isError && <Alert type="error" showIcon title="暂时无法读取公开地块，请稍后刷新重试" />}
        <Card title="地块分布" size="small">
          <WenzhouMap points={points} loading={parcels.isFetching} data-testid="public-map" />
        </Card>
        <Card title={`公开地块（共 ${items?.length ?? 0} 宗）`}>
          <Table<Item>
            rowKey="code"
            size="middle"
            loading={parcels.isFetching}
            dataSource={items ?? []}
            pagination={{ pageSize: 20 }}
            scroll={{ x: 1100 }}
            locale={{ emptyText: '目前没有公开的地块，请稍后再来查看' }}
            columns={[
              { title: '地块编号', dataIndex: 'code', width: 140 },
              { title: '平台', dataIndex: 'platformName', width: 160 },
              {
                title: '类型',
                dataIndex: 'kind',
                width: 100,
                render: (k: Item['kind']) =>
                  k === 'vacated' ? <Tag color="purple">腾空地块</Tag> : <Tag color="blue">待供地块</Tag>,
              },
              { title: '位置', width: 220, render: (_: unknown, p) => `${p.district ?? ''}${p.address ?? ''}` || '—' },
              {
                title: '面积（亩）',
                dataIndex: 'area',
                width: 100,
                align: 'right' as const,
                render: (a: string) => mu(a),
              },
              { title: '规划用途', dataIndex: 'plannedUse', width: 100 },
              {
                title: '鼓励产业',
                dataIndex: 'encouragedIndustries',
                width: 260,
                render: (names: string[]) =>
                  names.length ? names.slice(0, 6).join('、') + (names.length > 6 ? ' 等' : '') : '—',
              },
              { title: '联系方式', dataIndex: 'contact', width: 220, render: (c: string | null) => c ?? '—' },
            ]}
          />
        </Card>
      </Layout.Content>
    </Layout>
  );
}
