import { useMemo, useState } from 'react';
import { Button, Card, Select, Space, Table, Tooltip, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { quarterLabel, quartersUpTo, quarterOfDay } from '@pgs/domain';
import { useMe } from '../../auth/session.ts';
import { useDownload } from '../../shared/useDownload.ts';
import { usePlatformParam } from '../../shared/usePlatformParam.ts';
import { OptionChart } from '../../shared/charts/MapChart.tsx';
import { exportFunnel, useFunnel, type FunnelQuery } from '../targets.api.ts';
import { PlatformSelect } from '../../shared/PlatformSelect.tsx';
import { days, percent } from '../target-labels.ts';

const GROUPS = [
  { value: 'platform', label: '按平台' },
  { value: 'quarter', label: '按季度' },
  { value: 'tier', label: '按规模档次' },
  { value: 'type', label: '按企业类型' },
  { value: 'channel', label: '按来源渠道' },
];

/** 招商漏斗: target → contact → reported project → landed, with conversion rates and median days; exportable. */
export function FunnelPage() {
  const { data: me } = useMe();
  const [platformKey, setPlatformKey] = usePlatformParam();
  const [quarter, setQuarter] = useState<string | undefined>(undefined);
  const [groupBy, setGroupBy] = useState('platform');
  const query: FunnelQuery = { platformKey: me?.platformKey ?? platformKey, quarter, groupBy };
  const funnel = useFunnel(query);
  const exporting = useDownload(() => exportFunnel(query));
  const quarters = quartersUpTo(quarterOfDay(new Date().toISOString().slice(0, 10)), 8).reverse();
  const total = funnel.data?.total;
  const option = useMemo(
    () =>
      total
        ? {
            tooltip: { trigger: 'item', formatter: '{b}：{c} 家' },
            series: [
              {
                type: 'funnel',
                sort: 'none',
                left: '10%',
                width: '80%',
                label: { show: true, position: 'inside', formatter: '{b} {c}' },
                data: [
                  { name: '目标企业', value: total.targets },
                  { name: '已接触', value: total.contacted },
                  { name: '已报项目', value: total.reported },
                  { name: '已落地', value: total.landed },
                ],
              },
            ],
          }
        : {},
    [total],
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card
        title="招商漏斗"
        extra={
          <Space>
            <PlatformSelect value={platformKey} onChange={setPlatformKey} data-testid="funnel-platform" />
            <Select
              allowClear
              placeholder="全部季度（每家企业按最新季度计一次）"
              style={{ width: 280 }}
              value={quarter}
              onChange={setQuarter}
              options={quarters.map((q) => ({ value: q, label: quarterLabel(q) }))}
              data-testid="funnel-quarter"
            />
            <Select
              style={{ width: 140 }}
              value={groupBy}
              onChange={setGroupBy}
              options={GROUPS}
              data-testid="funnel-group"
            />
            <Button
              icon={<DownloadOutlined />}
              loading={exporting.downloading}
              onClick={() => void exporting.start()}
              data-testid="export-funnel"
            >
              导出 Excel
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          计算方法：目标企业为所选范围内目标企业库的企业；已接触为首次接触日期已填或状态到达“接触”及以后的企业；已报项目为已关联招商项目（企业以其统一社会信用代码首报，或在目标企业页手工关联）或状态为“已报项目”的企业；已落地为关联项目已落地的企业。转化率为相邻两步之比，总转化率为落地数÷目标企业数；中位天数取两步日期都有的企业。
        </Typography.Paragraph>
        <OptionChart option={option} height={300} testId="funnel-chart" />
      </Card>
      <Card>
        <Table
          rowKey="key"
          size="small"
          loading={funnel.isLoading}
          pagination={false}
          data-testid="funnel-table"
          dataSource={[...(funnel.data?.rows ?? []), ...(total ? [{ key: '__total', label: '合计', ...total }] : [])]}
          columns={[
            { title: '分组', dataIndex: 'label' },
            { title: '目标企业', dataIndex: 'targets', align: 'right' },
            { title: '已接触', dataIndex: 'contacted', align: 'right' },
            { title: '已报项目', dataIndex: 'reported', align: 'right' },
            { title: '已落地', dataIndex: 'landed', align: 'right' },
            {
              title: <Tooltip title="已接触 ÷ 目标企业">接触率</Tooltip>,
              render: (_, r) => percent(r.rates.contact),
              align: 'right',
            },
            {
              title: <Tooltip title="已报项目 ÷ 已接触">报项目率</Tooltip>,
              render: (_, r) => percent(r.rates.report),
              align: 'right',
            },
            {
              title: <Tooltip title="已落地 ÷ 已报项目">落地率</Tooltip>,
              render: (_, r) => percent(r.rates.land),
              align: 'right',
            },
            {
              title: <Tooltip title="已落地 ÷ 目标企业">总转化率</Tooltip>,
              render: (_, r) => percent(r.rates.overall),
              align: 'right',
            },
            { title: '入库→接触（中位）', render: (_, r) => days(r.medianDays.toContact), align: 'right' },
            { title: '接触→报项目（中位）', render: (_, r) => days(r.medianDays.toReport), align: 'right' },
            { title: '报项目→落地（中位）', render: (_, r) => days(r.medianDays.toLand), align: 'right' },
          ]}
        />
      </Card>
    </Space>
  );
}
