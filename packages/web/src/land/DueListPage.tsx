import { Button, Card, DatePicker, Form, InputNumber, Segmented, Space, Switch, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import { DUE_KIND_LABELS, isPlatformKey } from '@pgs/domain';
import { useMe } from '../auth/session.ts';
import { useDownload } from '../shared/useDownload.ts';
import { PagedTable } from '../shared/PagedTable.tsx';
import { PlatformSelect } from '../shared/PlatformSelect.tsx';
import { usePaging } from '../shared/usePaging.ts';
import { useFilterParams } from '../shared/useFilterParams.ts';
import { isDay, isOneOf, isWholeNumberIn } from '../shared/filter-params.ts';
import { platformShortName } from '../projects/components/project-format.ts';
import { exportDue, useDue, type DueFilters, type DueItem } from './land.api.ts';
import { StateTag } from './land-format.tsx';

/** The filters as the address holds them: Back from a parcel's page returns to the list as it was filtered. */
const FILTERS = {
  which: isOneOf('all', 'upcoming', 'past'),
  platformKey: isPlatformKey,
  withinDays: isWholeNumberIn(1, 365),
  asOf: isDay,
  mine: isOneOf('true'),
};

/** 到期提醒: thresholds passing within N days (default from the settings) and those already passed. */
export function DueListPage() {
  const { data: me } = useMe();
  const [params, set] = useFilterParams(FILTERS);
  const filters: DueFilters = {
    ...params,
    which: params.which ?? 'all',
    withinDays: params.withinDays === undefined ? undefined : Number(params.withinDays),
  };
  const paging = usePaging(50);
  const due = useDue(filters, paging.page, paging.pageSize);
  const exporting = useDownload(() => exportDue(filters));
  return (
    <Card
      title="地块到期提醒"
      extra={
        <Button
          icon={<DownloadOutlined />}
          loading={exporting.downloading}
          onClick={() => void exporting.start()}
          data-testid="due-export"
        >
          导出Excel
        </Button>
      }
    >
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 12 }}>
        <Form.Item>
          <Segmented
            value={filters.which}
            options={[
              { value: 'all', label: '全部' },
              { value: 'upcoming', label: '即将到期' },
              { value: 'past', label: '已过期' },
            ]}
            onChange={(which) => {
              set({ which: which === 'all' ? undefined : which });
            }}
            data-testid="due-which"
          />
        </Form.Item>
        {me?.role !== 'platform' && (
          <Form.Item label="平台">
            <PlatformSelect
              names="short"
              width={120}
              placeholder={null}
              value={filters.platformKey}
              onChange={(platformKey) => {
                set({ platformKey });
              }}
            />
          </Form.Item>
        )}
        <Form.Item label="提前天数" tooltip="列出在计算日之后这么多天内到期的事项；不填按设置（默认 30 天）">
          <InputNumber
            min={1}
            max={365}
            precision={0}
            value={filters.withinDays ?? null}
            onChange={(v) => {
              set({ withinDays: v === null ? undefined : String(v) });
            }}
            data-testid="due-days"
          />
        </Form.Item>
        <Form.Item label="计算日">
          <DatePicker
            value={filters.asOf ? dayjs(filters.asOf) : null}
            onChange={(d) => {
              set({ asOf: d ? d.format('YYYY-MM-DD') : undefined });
            }}
          />
        </Form.Item>
        <Form.Item label="只看我负责的">
          <Switch
            checked={filters.mine === 'true'}
            onChange={(on) => {
              set({ mine: on ? 'true' : undefined });
            }}
          />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary">
        按 {due.data?.asOf ?? '今天'} 计算，提前 {due.data?.withinDays ?? 30}{' '}
        天提醒。到期日由地块的约定开工日、延期、停工和竣工约定推算：
        认定闲置日是满一年之日的次日，可收回日是满两年之日的次日。
      </Typography.Paragraph>
      <PagedTable<DueItem>
        rowKey={(d) => `${d.parcelId}-${d.kind}`}
        size="middle"
        query={due}
        paging={paging}
        pageSizeOptions={false}
        totalText={(total) => <span data-testid="due-total">共 {total} 项</span>}
        locale={{ emptyText: '当前没有即将到期或已过期的地块事项' }}
        columns={[
          {
            title: '地块编号',
            dataIndex: 'code',
            render: (code: string, d) => <Link to={`/parcels/${d.parcelId}`}>{code}</Link>,
          },
          { title: '平台', dataIndex: 'platformKey', render: (k: string) => platformShortName(k) },
          { title: '状态', dataIndex: 'state', render: (_: unknown, d) => <StateTag state={d.state} /> },
          { title: '提醒事项', dataIndex: 'kind', render: (k: DueItem['kind']) => DUE_KIND_LABELS[k] },
          { title: '到期日', dataIndex: 'dueOn' },
          {
            title: '剩余',
            dataIndex: 'daysLeft',
            render: (days: number) =>
              days > 0 ? <Tag color="gold">还有 {days} 天</Tag> : <Tag color="red">已过 {-days} 天</Tag>,
          },
          { title: '责任人', dataIndex: 'responsiblePerson' },
        ]}
      />
      <Space />
      <Typography.Text type="secondary">计算日：{dayjs(due.data?.asOf).format('YYYY-MM-DD')}</Typography.Text>
    </Card>
  );
}
