import { useMemo, useState } from 'react';
import { Alert, Button, Card, Descriptions, Drawer, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { MISSING_FIGURE_LABELS, PLATFORMS, platformName, type PlatformKey } from '@pgs/domain';
import { BarChart } from '../../shared/charts/BarChart.tsx';
import { useDownload } from '../../shared/useDownload.ts';
import { usePlatformParam } from '../../shared/usePlatformParam.ts';
import { exportCompliance, usePeriodCompliance, useStaff, type MonthComplianceView } from '../trips.api.ts';
import { PlatformSelect } from '../../shared/PlatformSelect.tsx';
import { monthAgo } from '../components/usePlatformChoice.ts';

type PlatformRow = { platformKey: string; months: MonthComplianceView[]; monthsOk: number; monthsMissing: number };

function periodsOffered(): Array<{ value: string; label: string }> {
  const thisYear = Number(monthAgo(0).slice(0, 4));
  const options: Array<{ value: string; label: string }> = [];
  for (const year of [thisYear, thisYear - 1]) {
    options.push({ value: String(year), label: `${year} 年度` });
    for (const q of [4, 3, 2, 1]) options.push({ value: `${year}Q${q}`, label: `${year} 年第 ${q} 季度` });
  }
  return options;
}

function MonthCell({ month, onOpen }: { month: MonthComplianceView; onOpen: () => void }) {
  const tag =
    month.missing.length > 0 ? (
      <Tag color="orange">缺数</Tag>
    ) : month.allOk ? (
      <Tag color="green">达标</Tag>
    ) : (
      <Tag color="red">未达标</Tag>
    );
  return (
    <Button
      type="link"
      size="small"
      onClick={onOpen}
      aria-label={`${PLATFORMS.find((p) => p.key === month.platformKey)?.shortName ?? month.platformKey} ${month.month} 明细`}
    >
      {tag}
    </Button>
  );
}

/** The rows behind one platform-month's figures: each leader's trips and declared days, and the staff share. */
function MonthDetail({ month }: { month: MonthComplianceView }) {
  const roster = useStaff(month.platformKey);
  const nameOf = (id: number) => roster.data?.items.find((s) => s.id === id)?.name ?? `#${id}`;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {month.missing.map((m) => (
        <Alert key={m} type="warning" showIcon title={`缺数：${MISSING_FIGURE_LABELS[m]}`} />
      ))}
      <Table
        rowKey="staffId"
        size="small"
        pagination={false}
        dataSource={month.leaders}
        locale={{ emptyText: '名册中没有主要负责人' }}
        columns={[
          { title: '主要负责人', dataIndex: 'name' },
          {
            title: '外出招商（不少于1次）',
            render: (_, l) => (
              <Tooltip
                title={
                  l.tripIds.length
                    ? `外出招商记录编号：${l.tripIds.join('、')}（按出发日期计入该月）`
                    : '该月没有出发的外出招商'
                }
              >
                <Tag color={l.tripsOk ? 'green' : 'red'}>{l.trips} 次</Tag>
              </Tooltip>
            ),
          },
          {
            title: '招商时间（1/3以上）',
            render: (_, l) =>
              l.timeShare === null ? (
                <Tag color="orange">缺数</Tag>
              ) : (
                <Tooltip
                  title={`申报招商工作 ${l.investmentDays} 天 ÷ 该月工作日 ${l.workingDays} 天；天数 × 3 ≥ 工作日数即达标`}
                >
                  <Tag color={l.timeOk ? 'green' : 'red'}>{l.timeShare}</Tag>
                </Tooltip>
              ),
          },
        ]}
      />
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="参与招商和项目服务人数 / 在册总人数（1/3以上）">
          {month.staffShare === null ? (
            <Tag color="orange">缺数</Tag>
          ) : (
            <Tag color={month.staffOk ? 'green' : 'red'}>{month.staffShare}</Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="参与人员">
          {month.staffTakingPartIds.map(nameOf).join('、') || '无'}
        </Descriptions.Item>
      </Descriptions>
    </Space>
  );
}

/** R2.8 staffing compliance board: every platform side by side for a quarter or a year, each cell opening its rows. */
export function ComplianceBoardPage() {
  const options = useMemo(() => periodsOffered(), []);
  const [period, setPeriod] = useState(() => monthAgo(0).slice(0, 4));
  const result = usePeriodCompliance(period);
  const exporting = useDownload(() => exportCompliance(period));
  const [open, setOpen] = useState<MonthComplianceView | null>(null);
  const months = result.data?.months ?? [];
  // One platform when the address names it (the cockpit's 查看明细 of a platform column); all side by side otherwise.
  const [platformKey, setPlatformKey] = usePlatformParam();
  const platforms = (result.data?.platforms ?? []).filter((p) => !platformKey || p.platformKey === platformKey);

  return (
    <Card
      title="招商力量达标情况"
      extra={
        <Space>
          <Select aria-label="期间" style={{ width: 180 }} value={period} options={options} onChange={setPeriod} />
          {(result.data?.platforms.length ?? 0) > 1 && (
            <PlatformSelect
              aria-label="平台"
              value={platformKey}
              onChange={setPlatformKey}
              data-testid="compliance-platform"
            />
          )}
          <Button icon={<DownloadOutlined />} loading={exporting.downloading} onClick={() => void exporting.start()}>
            导出 Excel
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        每月三项：主要负责人每人外出招商不少于1次（按出发日期所在月计）；主要负责人申报的招商工作天数 ÷ 该月工作日数 ≥
        1/3（按国务院办公厅节假日安排，精确按分数比较）；参与招商和项目服务的人数 ÷ 在册总人数 ≥
        1/3。三项都有数且都达到为“达标”；缺少名册、申报或节假日安排的月份标为“缺数”。点击月份查看所依据的记录。
      </Typography.Paragraph>
      {platforms.length > 1 && (
        <BarChart
          data-testid="compliance-chart"
          seriesName="达标月数"
          unit=" 个月"
          loading={result.isLoading}
          data={platforms.map((p) => ({
            name: PLATFORMS.find((x) => x.key === p.platformKey)?.shortName ?? p.platformKey,
            value: p.monthsOk,
          }))}
        />
      )}
      <Table<PlatformRow>
        rowKey="platformKey"
        loading={result.isLoading}
        dataSource={platforms}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: '该期间尚未开始' }}
        columns={[
          {
            title: '平台',
            dataIndex: 'platformKey',
            fixed: 'left',
            width: 90,
            render: (k: string) => (
              <Tooltip title={platformName(k as PlatformKey)}>
                <span style={{ whiteSpace: 'nowrap' }}>{PLATFORMS.find((p) => p.key === k)?.shortName ?? k}</span>
              </Tooltip>
            ),
          },
          ...months.map((m, index) => ({
            title: m,
            key: m,
            render: (_: unknown, row: PlatformRow) => {
              const month = row.months[index];
              return month ? (
                <MonthCell
                  month={month}
                  onOpen={() => {
                    setOpen(month);
                  }}
                />
              ) : (
                '—'
              );
            },
          })),
          {
            title: (
              <Tooltip title="三项都有数且都达到的月份数 / 期间已开始的月份数">
                <span>达标月数</span>
              </Tooltip>
            ),
            key: 'ok',
            render: (_: unknown, row: PlatformRow) => `${row.monthsOk}/${row.months.length}`,
          },
          { title: '缺数月数', dataIndex: 'monthsMissing' },
        ]}
      />
      <Drawer
        open={open !== null}
        size={640}
        title={open ? `${platformName(open.platformKey as PlatformKey)} ${open.month} 招商力量明细` : ''}
        onClose={() => {
          setOpen(null);
        }}
      >
        {open && <MonthDetail month={open} />}
      </Drawer>
    </Card>
  );
}
