import { useMemo } from 'react';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { ENTERPRISE_KIND_LABELS, ENTERPRISE_SCALE_LABELS } from '@pgs/domain';
import { isApiError } from '../../api/client.ts';
import { LineChart, type LineSeries } from '../../shared/charts/LineChart.tsx';
import { useEnterprise, type EnterpriseRecordView, type Quantity } from '../enterprises.api.ts';
import { formatQuantity, landOf, platformFull, taxPerMuOf } from '../components/enterprise-format.ts';
import { RecordFlags } from '../list/enterprise-columns.tsx';
import { YearClasses } from './YearClasses.tsx';

/** One line of the figures table: a figure with its unit, one column per year. */
type FigureRow = { key: string; label: string; values: Record<number, string> };

const num = (value: Quantity | undefined): number | null =>
  value === null || value === undefined || value === '' ? null : Number(value);

const FIGURES: Array<{ key: string; label: string; of: (record: EnterpriseRecordView) => string }> = [
  { key: 'platform', label: '所在平台', of: (r) => platformFull(r.platformKey) },
  {
    key: 'kind',
    label: '企业类型 / 规模',
    of: (r) => `${ENTERPRISE_KIND_LABELS[r.kind]} · ${ENTERPRISE_SCALE_LABELS[r.scale]}`,
  },
  { key: 'landOwned', label: '自有用地（亩）', of: (r) => formatQuantity(r.landOwned) },
  { key: 'landLeased', label: '承租用地（亩）', of: (r) => formatQuantity(r.landLeased) },
  { key: 'land', label: '用地合计（亩）', of: (r) => formatQuantity(landOf(r)) },
  { key: 'tax', label: '实缴税收（万元）', of: (r) => formatQuantity(r.tax) },
  { key: 'taxPerMu', label: '亩均税收（万元/亩）', of: (r) => formatQuantity(taxPerMuOf(r)) },
  { key: 'valueAdded', label: '增加值（万元）', of: (r) => formatQuantity(r.valueAdded) },
  { key: 'revenue', label: '营业收入（万元）', of: (r) => formatQuantity(r.revenue) },
  { key: 'rdExpense', label: '研发经费支出（万元）', of: (r) => formatQuantity(r.rdExpense) },
  { key: 'employees', label: '年平均职工人数（人）', of: (r) => formatQuantity(r.employees, 0) },
  { key: 'energyTce', label: '综合能耗（吨标煤）', of: (r) => formatQuantity(r.energyTce) },
  { key: 'emissionsTons', label: '主要污染物排放量（当量吨）', of: (r) => formatQuantity(r.emissionsTons) },
  { key: 'electricityKwh', label: '用电量（千瓦时）', of: (r) => formatQuantity(r.electricityKwh, 0) },
  { key: 'waterTons', label: '用水量（吨）', of: (r) => formatQuantity(r.waterTons, 0) },
  { key: 'producing', label: '生产状态', of: (r) => (r.producing ? '正常生产' : '未投产/停产') },
];

/** 企业详情: every year's figures, the multi-year trend, flags with their basis and the class of each year. */
export function EnterpriseDetailPage() {
  const { creditCode = '' } = useParams();
  const navigate = useNavigate();
  const enterprise = useEnterprise(creditCode);
  const records = useMemo(
    () => [...(enterprise.data?.records ?? [])].sort((a, b) => a.year - b.year),
    [enterprise.data],
  );
  const years = useMemo(() => records.map((record) => record.year), [records]);

  const rows: FigureRow[] = useMemo(
    () =>
      FIGURES.map((figure) => ({
        key: figure.key,
        label: figure.label,
        values: Object.fromEntries(records.map((record) => [record.year, figure.of(record)])),
      })),
    [records],
  );
  const categories = useMemo(() => years.map((year) => `${year} 年`), [years]);
  const series: LineSeries[] = useMemo(
    () => [
      { name: '实缴税收', unit: '万元', values: records.map((r) => num(r.tax)) },
      { name: '增加值', unit: '万元', values: records.map((r) => num(r.valueAdded)) },
      { name: '营业收入', unit: '万元', values: records.map((r) => num(r.revenue)) },
      { name: '亩均税收（右轴）', unit: '万元/亩', axis: 1, values: records.map((r) => num(taxPerMuOf(r))) },
    ],
    [records],
  );
  const axisNames = useMemo(() => ['万元', '万元/亩'] as const, []);

  if (enterprise.isLoading) return <Spin />;
  if (enterprise.error) {
    const missing = isApiError(enterprise.error) && enterprise.error.status === 404;
    return (
      <Alert
        type={missing ? 'warning' : 'error'}
        showIcon
        title={missing ? `没有统一社会信用代码为 ${creditCode} 的企业，或无权查看` : enterprise.error.message}
      />
    );
  }
  const data = enterprise.data;
  if (!data) return null;
  const latest = records.at(-1);
  const flagged = records.filter((record) => record.backward || record.zombie || record.utility);

  const columns: TableColumnsType<FigureRow> = [
    { title: '指标（单位）', dataIndex: 'label', width: 220, fixed: 'left' },
    ...years.map((year) => ({
      title: `${year} 年`,
      key: String(year),
      align: 'right' as const,
      render: (_v: unknown, row: FigureRow) => row.values[year] ?? '—',
    })),
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Typography.Text strong data-testid="enterprise-name">
              {data.name}
            </Typography.Text>
            {latest?.backward && <Tag color="volcano">淘汰落后</Tag>}
            {latest?.zombie && <Tag color="purple">停产僵尸</Tag>}
          </Space>
        }
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
            返回
          </Button>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="统一社会信用代码">
            <Typography.Text copyable data-testid="enterprise-credit-code">
              {data.creditCode}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="所在平台（最新）">{platformFull(latest?.platformKey)}</Descriptions.Item>
          <Descriptions.Item label="企业类型（最新）">
            {latest ? `${ENTERPRISE_KIND_LABELS[latest.kind]}，${ENTERPRISE_SCALE_LABELS[latest.scale]}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="行业代码">{latest?.industryCode ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="注册日期">{latest?.registeredOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="有数据的年度">
            {years.length ? years.map((year) => `${year} 年`).join('、') : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title="历年趋势" size="small">
        {records.length === 0 ? (
          <Empty description="没有年度数据" />
        ) : (
          <>
            <LineChart
              categories={categories}
              series={series}
              axisNames={axisNames}
              height={320}
              data-testid="enterprise-trend"
            />
            <Typography.Text type="secondary">
              实线：实缴税收、增加值、营业收入（左轴，万元）；虚线：亩均税收（右轴，万元/亩，= 实缴税收 ÷
              自有与承租用地合计）。
            </Typography.Text>
          </>
        )}
      </Card>

      <Card title="历年数据" size="small">
        <div data-testid="enterprise-figures">
          <Table<FigureRow>
            rowKey="key"
            size="small"
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 220 + years.length * 160 }}
          />
        </div>
      </Card>

      <Card title="子库标记及认定依据" size="small" data-testid="enterprise-flags">
        {flagged.length === 0 ? (
          <Typography.Text type="secondary">历年均未标记为淘汰落后类、停产僵尸类或公用事业企业。</Typography.Text>
        ) : (
          <Descriptions size="small" column={1} bordered>
            {flagged.map((record) => (
              <Descriptions.Item key={record.year} label={`${record.year} 年`}>
                <Space orientation="vertical" size={4}>
                  <RecordFlags record={record} />
                  {record.backward && <span>淘汰落后认定依据：{record.backwardBasis || '未填写'}</span>}
                  {record.zombie && <span>停产僵尸认定依据：{record.zombieBasis || '未填写'}</span>}
                  {record.utility && <span>公用事业企业：评价时列为不定等级（T类）</span>}
                </Space>
              </Descriptions.Item>
            ))}
          </Descriptions>
        )}
      </Card>

      <YearClasses creditCode={data.creditCode} years={years} />
    </Space>
  );
}
