import { useMemo } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { DownloadOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import {
  isPlatformKey,
  PLATFORMS,
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
  type PlatformKey,
  type ProjectStatus,
} from '@pgs/domain';
import { api } from '../../api/client.ts';
import { useMe } from '../../auth/session.ts';
import { BarChart, type BarDatum } from '../../shared/charts/BarChart.tsx';
import { todayInShanghai } from '../../shared/format.ts';
import { formatShare, labelOr } from '@pgs/domain';
import { projectKeys, useInvestmentSummary, type InvestmentSummary } from '../projects.api.ts';
import { StatusTag } from '../components/StatusTag.tsx';
import { useDownload } from '../../shared/useDownload.ts';
import { exportInvestmentSummary } from '../projects.api.ts';

const statusLabel = (status: string) => labelOr(PROJECT_STATUS_LABELS, status);

type SummaryRow = InvestmentSummary['projects'][number];

/** How many years back the year selector offers (the ledger starts with the system; older years are empty). */
const YEARS_BACK = 4;

const isProjectStatus = (status: string): status is ProjectStatus =>
  (PROJECT_STATUSES as readonly string[]).includes(status);

/** The three platforms' totals for the chart; structurally shared by useQueries, so it only changes with the data. */
function comparisonOf(results: ReadonlyArray<{ data?: InvestmentSummary; isLoading: boolean }>) {
  return {
    totals: results.map((result) => result.data?.totalCredit ?? 0),
    loading: results.some((result) => result.isLoading),
  };
}

const columns: TableColumnsType<SummaryRow> = [
  {
    title: '项目',
    dataIndex: 'name',
    width: 280,
    render: (name: string, project) => (
      <Link to={`/projects/${project.id}`} data-testid={`summary-link-${project.id}`}>
        {name}
      </Link>
    ),
  },
  {
    title: '阶段',
    dataIndex: 'status',
    width: 110,
    render: (status: string) => (isProjectStatus(status) ? <StatusTag status={status} /> : statusLabel(status)),
  },
  {
    title: '计分',
    dataIndex: 'credit',
    width: 100,
    align: 'right',
    render: (credit: number) =>
      credit > 0 && credit < 1 ? (
        <Tooltip title={`流转项目按分成比例计分：本平台分得 ${formatShare(credit)}`}>
          <Typography.Text underline style={{ textDecorationStyle: 'dotted', cursor: 'help' }}>
            {credit}
          </Typography.Text>
        </Tooltip>
      ) : (
        credit
      ),
  },
  {
    title: '是否计入',
    dataIndex: 'counted',
    width: 100,
    render: (counted: boolean) => (counted ? <Tag color="green">计入</Tag> : <Tag>不计入</Tag>),
  },
  { title: '说明', dataIndex: 'reason' },
];

function currentYear(): number {
  return Number(todayInShanghai().slice(0, 4));
}

function platformOf(key: PlatformKey) {
  return PLATFORMS.find((platform) => platform.key === key) ?? { key, name: key, shortName: key };
}

/**
 * 平台年度招商引资完成情况 (R2.5–R2.6): a platform's landed projects of a year, which count towards its annual
 * task and with what credit, and (for the city's roles) the three platforms side by side. Platform and year are
 * kept in the address (?platform=&year=), so a link opens the same view; a platform user only ever sees its own.
 */
export function InvestmentSummaryPage() {
  const { data: me } = useMe();
  const [search, setSearch] = useSearchParams();
  const thisYear = currentYear();
  const ownPlatform =
    me?.role === 'platform' && me.platformKey && isPlatformKey(me.platformKey) ? me.platformKey : null;
  const fromUrl = search.get('platform');
  const platformKey: PlatformKey =
    ownPlatform ??
    (fromUrl && isPlatformKey(fromUrl)
      ? fromUrl
      : me?.platformKey && isPlatformKey(me.platformKey)
        ? me.platformKey
        : (PLATFORMS[0]?.key ?? 'oujiangkou'));
  const yearFromUrl = Number(search.get('year'));
  const year = Number.isInteger(yearFromUrl) && yearFromUrl >= 2000 && yearFromUrl <= thisYear ? yearFromUrl : thisYear;
  const platform = platformOf(platformKey);
  const seesAllPlatforms = Boolean(me) && me?.role !== 'platform';

  const summary = useInvestmentSummary(platformKey, year);
  // The comparison: each platform's own summary (the same cache entries the selector fills).
  const comparison = useQueries({
    queries: seesAllPlatforms
      ? PLATFORMS.map((each) => ({
          queryKey: projectKeys.summary(each.key, year),
          queryFn: () => api<InvestmentSummary>(`/platforms/${each.key}/investment-summary`, { query: { year } }),
        }))
      : [],
    combine: comparisonOf,
  });
  const chartData: BarDatum[] = useMemo(
    () =>
      PLATFORMS.map((each, index) => ({
        name: each.shortName,
        value: comparison.totals[index] ?? 0,
        highlighted: each.key === platformKey,
      })),
    [comparison.totals, platformKey],
  );

  const show = (next: { platform?: PlatformKey; year?: number }) => {
    setSearch(
      (current) => {
        const params = new URLSearchParams(current);
        if (next.platform) params.set('platform', next.platform);
        if (next.year) params.set('year', String(next.year));
        return params;
      },
      { replace: true },
    );
  };

  // Only shown when it belongs to the platform and year asked for (keepPreviousData shows the last one meanwhile).
  const data =
    summary.data && summary.data.platformKey === platformKey && summary.data.year === year ? summary.data : undefined;
  const rows = data?.projects ?? [];
  const countedCount = rows.filter((project) => project.counted).length;
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, index) => thisYear - index);
  if (!years.includes(year)) years.push(year);

  const exporting = useDownload(() => exportInvestmentSummary(platformKey, year, platform.name));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space size="large" wrap>
          <Space>
            <Typography.Text>平台</Typography.Text>
            <Select<PlatformKey>
              data-testid="summary-platform"
              style={{ width: 240 }}
              value={platformKey}
              disabled={Boolean(ownPlatform)}
              options={(ownPlatform ? [platform] : PLATFORMS).map((each) => ({ value: each.key, label: each.name }))}
              onChange={(key) => {
                show({ platform: key });
              }}
            />
          </Space>
          <Space>
            <Typography.Text>年度</Typography.Text>
            <Select<number>
              data-testid="summary-year"
              style={{ width: 120 }}
              value={year}
              options={years.map((each) => ({ value: each, label: `${each} 年` }))}
              onChange={(next) => {
                show({ year: next });
              }}
            />
          </Space>
          {ownPlatform && <Typography.Text type="secondary">平台用户只能查看本平台的招商完成情况。</Typography.Text>}
        </Space>
      </Card>

      {summary.error && <Alert type="error" showIcon title={summary.error.message} />}

      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card loading={!data && !summary.error}>
            <Statistic
              title={
                <Tooltip title="当年落地、行业属本平台鼓励类的项目，以及本平台参与分成的流转项目">
                  计入项目数 <QuestionCircleOutlined />
                </Tooltip>
              }
              value={countedCount}
              suffix="个"
              data-testid="summary-counted"
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card loading={!data && !summary.error}>
            <Statistic
              title={
                <Tooltip title="计入项目的计分之和：本平台独立落地的项目各计 1，流转项目按分成比例计">
                  合计计分 <QuestionCircleOutlined />
                </Tooltip>
              }
              value={data?.totalCredit ?? 0}
              data-testid="summary-total-credit"
              styles={{ content: { color: '#1677ff' } }}
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card loading={!data && !summary.error}>
            <Statistic
              title={
                <Tooltip title="当年落地但登记时行业不在本平台鼓励类范围内的项目：列出备查，不计入年度任务">
                  未计入项目数 <QuestionCircleOutlined />
                </Tooltip>
              }
              value={rows.length - countedCount}
              suffix="个"
              data-testid="summary-not-counted"
            />
          </Card>
        </Col>
      </Row>

      <Card size="small">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }} data-testid="summary-explanation">
          {`统计口径：只统计 ${year} 年内落地（阶段为“落地”，以落地日期所在年份为准）的项目。登记时行业属本平台产业准入目录鼓励类的项目计 1 个；` +
            '不在鼓励类范围内的项目列出备查，但不计入年度招商引资任务完成数。经流转的项目由首谈地与注册落户地按市招商局确定的分成比例分别计分，两方之和为 1。' +
            '合计计分即“计入”各行计分之和。'}
        </Typography.Paragraph>
      </Card>

      {seesAllPlatforms && (
        <Card title={`${year} 年三个平台合计计分对比`} size="small">
          <BarChart
            data={chartData}
            seriesName="合计计分"
            unit=""
            height={260}
            loading={comparison.loading}
            data-testid="summary-chart"
          />
        </Card>
      )}

      <Card
        title={`${platform.name} · ${year} 年落地项目`}
        extra={
          <Button
            icon={<DownloadOutlined />}
            disabled={!data}
            loading={exporting.downloading}
            onClick={() => void exporting.start()}
            data-testid="summary-export"
          >
            导出Excel
          </Button>
        }
      >
        <div data-testid="summary-table">
          <Table<SummaryRow>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={summary.isFetching}
            locale={{ emptyText: `${year} 年${platform.shortName}平台没有落地项目` }}
            pagination={{
              defaultPageSize: 50,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              hideOnSinglePage: false,
              showTotal: (total) => `共 ${total} 个项目`,
            }}
            summary={() =>
              rows.length > 0 ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={2}>
                    <Typography.Text strong>合计</Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    <Typography.Text strong data-testid="summary-table-total">
                      {data?.totalCredit ?? 0}
                    </Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} colSpan={2}>
                    计入 {countedCount} 个，未计入 {rows.length - countedCount} 个
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              ) : null
            }
          />
        </div>
      </Card>
    </Space>
  );
}
