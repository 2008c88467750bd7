import { Button, Card, Drawer, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, FileAddOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { can } from '@pgs/domain/platform/roles';
import { isPlatformKey, platformName, type PlatformKey } from '@pgs/domain';
import { useMe } from '../../auth/session.ts';
import { useDownload } from '../../shared/useDownload.ts';
import { exportTrips, useTrip, useTrips, type TripView } from '../trips.api.ts';
import { PagedTable } from '../../shared/PagedTable.tsx';
import { PlatformSelect } from '../../shared/PlatformSelect.tsx';
import { usePaging } from '../../shared/usePaging.ts';
import { useFilterParams } from '../../shared/useFilterParams.ts';
import { isMonth, isTrueOrFalse } from '../../shared/filter-params.ts';
import { monthAgo } from '../components/usePlatformChoice.ts';
import { TripDetails } from './TripDetails.tsx';

const MONTHS = Array.from({ length: 24 }, (_, i) => monthAgo(i));

/** The list's filters as the address holds them (Back from a trip's target keeps them). */
const FILTERS = { platformKey: isPlatformKey, month: isMonth, late: isTrueOrFalse };

/** R2.8 外出招商 list: newest first, late reports flagged; a platform sees its own, the bureau every platform's. */
export function TripListPage() {
  const me = useMe().data;
  const mayReport = me ? can(me.role, 'trips.report') : false;
  const [filters, setFilter] = useFilterParams(FILTERS);
  const paging = usePaging(20);
  const trips = useTrips(filters, paging.page, paging.pageSize);
  const exporting = useDownload(() => exportTrips(filters));
  // `?open=<id>`: one trip opened from elsewhere (a target's page lists the trips that met it).
  const [params, setParams] = useSearchParams();
  const openId = Number(params.get('open')) || undefined;
  const opened = useTrip(openId);

  return (
    <Card
      title="外出招商报备"
      extra={
        <Space wrap>
          <PlatformSelect
            aria-label="平台"
            value={filters.platformKey}
            onChange={(platformKey) => {
              setFilter({ platformKey });
            }}
          />
          <Select
            aria-label="出发月份"
            allowClear
            placeholder="全部月份"
            style={{ width: 130 }}
            options={MONTHS.map((m) => ({ value: m, label: m }))}
            value={filters.month}
            onChange={(value) => {
              setFilter({ month: value });
            }}
          />
          <Select
            aria-label="是否及时"
            allowClear
            placeholder="及时与逾期"
            style={{ width: 130 }}
            options={[
              { value: 'false', label: '及时报备' },
              { value: 'true', label: '逾期报备' },
            ]}
            value={filters.late}
            onChange={(value) => {
              setFilter({ late: value });
            }}
          />
          <Button icon={<DownloadOutlined />} loading={exporting.downloading} onClick={() => void exporting.start()}>
            导出 Excel
          </Button>
          {mayReport && (
            <Link to="/trips/new">
              <Button type="primary" icon={<FileAddOutlined />}>
                报备外出招商
              </Button>
            </Link>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        共 {trips.data?.total ?? 0}{' '}
        次。“逾期”指报备日期晚于报备期限（返回日期后规定天数，返回当天不计，按北京时间计日）。
      </Typography.Paragraph>
      <Drawer
        open={openId !== undefined}
        title={
          opened.data
            ? `外出招商报备 #${opened.data.id}：${opened.data.startOn} 至 ${opened.data.endOn} ${opened.data.city}`
            : '外出招商报备'
        }
        size={720}
        onClose={() => {
          // Only the drawer closes: the list's page stays in the address.
          setParams((current) => {
            const next = new URLSearchParams(current);
            next.delete('open');
            return next;
          });
        }}
      >
        {opened.data && <TripDetails trip={opened.data} mayReport={mayReport} />}
      </Drawer>
      <PagedTable<TripView>
        rowKey="id"
        query={trips}
        paging={paging}
        pageSizeOptions={false}
        locale={{
          emptyText: mayReport ? '还没有外出招商报备：返回后点击“报备外出招商”填报' : '没有符合条件的外出招商报备',
        }}
        expandable={{
          expandedRowRender: (trip) => <TripDetails trip={trip} mayReport={mayReport} />,
        }}
        columns={[
          ...(me?.platformKey
            ? []
            : [{ title: '平台', dataIndex: 'platformKey', render: (key: string) => platformName(key as PlatformKey) }]),
          {
            title: '外出人员',
            render: (_: unknown, trip: TripView) =>
              trip.travellers.map((t) => (
                <Tag key={t.id} color={t.mainLeader ? 'blue' : undefined}>
                  {t.name}
                </Tag>
              )),
          },
          { title: '出发', dataIndex: 'startOn' },
          { title: '返回', dataIndex: 'endOn' },
          { title: '目的地', render: (_: unknown, trip: TripView) => `${trip.province} ${trip.city}` },
          { title: '会见企业', render: (_: unknown, trip: TripView) => `${trip.met.length} 家` },
          {
            title: '报备',
            render: (_: unknown, trip: TripView) => (
              <Tooltip title={`报备期限 ${trip.dueOn}，报备日期 ${trip.reportedOn}`}>
                {trip.late ? <Tag color="red">逾期报备</Tag> : <Tag color="green">及时</Tag>}
              </Tooltip>
            ),
          },
          { title: '附件', render: (_: unknown, trip: TripView) => trip.attachments.length },
        ]}
      />
    </Card>
  );
}
