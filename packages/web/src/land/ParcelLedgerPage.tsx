import { useMemo, useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Tabs, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import { can } from '@pgs/domain/platform/roles';
import { LAND_SUB_DATABASE_LABELS, type ParcelView } from '@pgs/domain';
import { useMe } from '../auth/session.ts';
import { useDownload } from '../shared/useDownload.ts';
import { platformShortName } from '../projects/components/project-format.ts';
import { PlatformSelect } from '../shared/PlatformSelect.tsx';
import { WenzhouMap, type MapPoint } from '../shared/charts/WenzhouMap.tsx';
import { exportParcels, useParcels, type ParcelFilters } from './land.api.ts';
import { CLOCK_LABELS, ClockTag, mu, StateTag, STATE_COLORS, STATE_OPTIONS } from './land-format.tsx';
import { NewParcelModal } from './NewParcelModal.tsx';

const TABS = [
  { key: '', label: '全部地块' },
  ...Object.entries(LAND_SUB_DATABASE_LABELS).map(([key, label]) => ({ key, label: `${label}子库` })),
];
const DOT: Record<string, string> = {
  blue: '#1677ff',
  gold: '#faad14',
  cyan: '#13c2c2',
  green: '#52c41a',
  purple: '#722ed1',
  geekblue: '#2f54eb',
  magenta: '#eb2f96',
};

function filtersOf(search: URLSearchParams): ParcelFilters {
  const out: Record<string, string> = {};
  for (const key of ['platformKey', 'subDatabase', 'state', 'clockStatus', 'q', 'asOf']) {
    const value = search.get(key);
    if (value) out[key] = value;
  }
  return out;
}

/** 地块台账 (R3.1, R3.6) with the three land sub-databases, the Wenzhou map and each parcel's clock as of a day. */
export function ParcelLedgerPage() {
  const { data: me } = useMe();
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersOf(search), [search]);
  const page = Number(search.get('page') ?? 1) || 1;
  const pageSize = Number(search.get('pageSize') ?? 50) || 50;
  const parcels = useParcels(filters, page, pageSize);
  const [creating, setCreating] = useState(false);
  const isPlatformUser = me?.role === 'platform';
  const exporting = useDownload(() => exportParcels(filters));
  const show = (next: ParcelFilters, nextPage = 1, nextSize = pageSize) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value) params.set(key, value);
    if (nextPage !== 1) params.set('page', String(nextPage));
    if (nextSize !== 50) params.set('pageSize', String(nextSize));
    setSearch(params);
  };
  const points = useMemo<MapPoint[]>(
    () =>
      (parcels.data?.items ?? [])
        .filter((p) => p.location)
        .map((p) => ({
          name: p.code,
          lng: p.location!.lng,
          lat: p.location!.lat,
          color: DOT[STATE_COLORS[p.state]] ?? '#1677ff',
          detail: `${p.code}｜${platformShortName(p.platformKey)}｜${mu(p.area)} 亩｜${p.plannedUse}｜${CLOCK_LABELS[p.clock.status]}`,
        })),
    [parcels.data],
  );

  const columns = [
    {
      title: '地块编号',
      dataIndex: 'code',
      width: 150,
      render: (code: string, p: ParcelView) => <Link to={`/parcels/${p.id}`}>{code}</Link>,
    },
    { title: '平台', dataIndex: 'platformKey', width: 90, render: (k: string) => platformShortName(k) },
    {
      title: '状态',
      dataIndex: 'state',
      width: 100,
      render: (_: unknown, p: ParcelView) => <StateTag state={p.state} />,
    },
    {
      title: '面积（亩）',
      dataIndex: 'area',
      width: 110,
      align: 'right' as const,
      render: (_: unknown, p: ParcelView) => <span title={`${p.area} 亩 = ${p.areaM2} 平方米`}>{mu(p.area)}</span>,
    },
    { title: '规划用途', dataIndex: 'plannedUse', width: 100 },
    {
      title: '位置',
      dataIndex: 'address',
      width: 200,
      render: (_: unknown, p: ParcelView) => `${p.district ?? ''}${p.address ?? ''}` || '—',
    },
    { title: '用地单位', dataIndex: 'holderName', width: 180, render: (v: string | null) => v ?? '—' },
    { title: '责任人', dataIndex: 'responsiblePerson', width: 150 },
    {
      title: '闲置状态',
      dataIndex: 'clock',
      width: 130,
      render: (_: unknown, p: ParcelView) => <ClockTag clock={p.clock} />,
    },
    { title: '公开', dataIndex: 'isPublic', width: 70, render: (v: boolean) => (v ? '已公开' : '') },
  ];

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16, minWidth: 0 }}>
      <Card>
        <Tabs
          activeKey={filters.subDatabase ?? ''}
          items={TABS}
          onChange={(key) => {
            show({ ...filters, subDatabase: (key || undefined) as ParcelFilters['subDatabase'] });
          }}
        />
        <Form layout="inline" style={{ rowGap: 8 }}>
          {!isPlatformUser && (
            <Form.Item label="平台">
              <PlatformSelect
                names="short"
                width={120}
                placeholder={null}
                value={filters.platformKey}
                onChange={(platformKey) => {
                  show({ ...filters, platformKey });
                }}
                data-testid="parcel-filter-platform"
              />
            </Form.Item>
          )}
          <Form.Item label="状态">
            <Select
              allowClear
              style={{ width: 120 }}
              value={filters.state}
              options={STATE_OPTIONS}
              onChange={(state) => {
                show({ ...filters, state });
              }}
            />
          </Form.Item>
          <Form.Item label="闲置状态">
            <Select
              allowClear
              style={{ width: 110 }}
              value={filters.clockStatus}
              options={Object.entries(CLOCK_LABELS).map(([value, label]) => ({ value, label }))}
              onChange={(clockStatus) => {
                show({ ...filters, clockStatus });
              }}
              data-testid="parcel-filter-clock"
            />
          </Form.Item>
          <Form.Item label="计算日" tooltip="闲置状态按所选日期计算，可查看过去任一日的情况；默认今天">
            <DatePicker
              value={filters.asOf ? dayjs(filters.asOf) : null}
              onChange={(d) => {
                show({ ...filters, asOf: d ? d.format('YYYY-MM-DD') : undefined });
              }}
              data-testid="parcel-filter-asof"
            />
          </Form.Item>
          <Form.Item label="搜索">
            <Input.Search
              allowClear
              defaultValue={filters.q}
              placeholder="编号、地址或用地单位"
              onSearch={(q) => {
                show({ ...filters, q: q.trim() || undefined });
              }}
              data-testid="parcel-filter-q"
            />
          </Form.Item>
        </Form>
      </Card>
      <Card title="地块分布图" size="small">
        <WenzhouMap points={points} loading={parcels.isFetching} data-testid="parcel-map" />
        <Typography.Text type="secondary">
          图上为本页列出的地块（颜色表示状态），共 {points.length} 宗有坐标。
        </Typography.Text>
      </Card>
      <Card
        title={isPlatformUser ? `${platformShortName(me.platformKey)}地块台账` : '全部平台地块台账'}
        extra={
          <Space>
            {me && can(me.role, 'parcels.edit') && (
              <>
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => {
                    setCreating(true);
                  }}
                  data-testid="parcel-new"
                >
                  登记地块
                </Button>
              </>
            )}
            <Button
              icon={<DownloadOutlined />}
              loading={exporting.downloading}
              onClick={() => void exporting.start()}
              data-testid="parcel-export"
            >
              导出Excel
            </Button>
          </Space>
        }
      >
        <Table<ParcelView>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={parcels.data?.items ?? []}
          loading={parcels.isFetching}
          scroll={{ x: 1300 }}
          locale={{ emptyText: '没有符合条件的地块：调整筛选条件，或点“登记地块”录入批而未供地块' }}
          pagination={{
            current: page,
            pageSize,
            total: parcels.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => <span data-testid="parcel-total">共 {total} 宗地块</span>,
            onChange: (nextPage, nextSize) => {
              show(filters, nextSize === pageSize ? nextPage : 1, nextSize);
            },
          }}
        />
      </Card>
      <NewParcelModal
        open={creating}
        onClose={() => {
          setCreating(false);
        }}
        fixedPlatform={isPlatformUser ? me.platformKey : null}
      />
    </div>
  );
}
