import { Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import {
  ENTERPRISE_KIND_LABELS,
  ENTERPRISE_SCALE_LABELS,
  type EnterpriseKind,
  type EnterpriseScale,
} from '@pgs/domain';
import type { EnterpriseRecordView, Quantity } from '../enterprises.api.ts';
import { formatQuantity, platformShort, taxPerMuOf } from '../components/enterprise-format.ts';
import { EnterpriseNameCell } from '../components/EnterpriseNameCell.tsx';

const quantity =
  (decimals = 2) =>
  (value: Quantity) =>
    formatQuantity(value, decimals);

/** The 淘汰落后 / 停产僵尸 flags of a record, each with its basis on hover (R3.1, R3.5). */
export function RecordFlags({ record }: { record: EnterpriseRecordView }) {
  const flags = [
    record.backward ? (
      <Tooltip key="backward" title={`认定依据：${record.backwardBasis || '未填写'}`}>
        <Tag color="volcano">淘汰落后</Tag>
      </Tooltip>
    ) : null,
    record.zombie ? (
      <Tooltip key="zombie" title={`认定依据：${record.zombieBasis || '未填写'}`}>
        <Tag color="purple">停产僵尸</Tag>
      </Tooltip>
    ) : null,
    record.utility ? (
      <Tag key="utility" color="cyan">
        公用事业
      </Tag>
    ) : null,
  ].filter(Boolean);
  return flags.length ? (
    <Space size={4} wrap>
      {flags}
    </Space>
  ) : (
    <Typography.Text type="secondary">—</Typography.Text>
  );
}

/** Figures with their units in the headers (万元, 亩, 吨标煤 …), the 亩均税收 computed from tax and land used. */
export const ENTERPRISE_COLUMNS: TableColumnsType<EnterpriseRecordView> = [
  {
    title: '企业名称 / 统一社会信用代码',
    dataIndex: 'name',
    width: 250,
    fixed: 'left',
    render: (name: string, record) => (
      <EnterpriseNameCell name={name} creditCode={record.creditCode} testId={`enterprise-link-${record.creditCode}`} />
    ),
  },
  { title: '平台', dataIndex: 'platformKey', width: 76, render: (key: string | null) => platformShort(key) },
  {
    title: '类型',
    dataIndex: 'kind',
    width: 96,
    render: (kind: EnterpriseKind) => ENTERPRISE_KIND_LABELS[kind],
  },
  {
    title: '规模',
    dataIndex: 'scale',
    width: 64,
    render: (scale: EnterpriseScale) => ENTERPRISE_SCALE_LABELS[scale],
  },
  {
    title: (
      <Tooltip title="实缴税收 ÷ 用地面积（自有 + 承租）">
        <span style={{ textDecoration: 'underline dotted' }}>亩均税收（万元/亩）</span>
      </Tooltip>
    ),
    key: 'taxPerMu',
    width: 150,
    align: 'right',
    render: (_value, record) => <Typography.Text strong>{formatQuantity(taxPerMuOf(record), 2)}</Typography.Text>,
  },
  { title: '实缴税收（万元）', dataIndex: 'tax', width: 130, align: 'right', render: quantity() },
  { title: '自有用地（亩）', dataIndex: 'landOwned', width: 120, align: 'right', render: quantity() },
  { title: '承租用地（亩）', dataIndex: 'landLeased', width: 120, align: 'right', render: quantity() },
  { title: '增加值（万元）', dataIndex: 'valueAdded', width: 120, align: 'right', render: quantity() },
  { title: '营业收入（万元）', dataIndex: 'revenue', width: 130, align: 'right', render: quantity() },
  { title: '研发经费（万元）', dataIndex: 'rdExpense', width: 130, align: 'right', render: quantity() },
  { title: '职工（人）', dataIndex: 'employees', width: 90, align: 'right', render: quantity(0) },
  { title: '综合能耗（吨标煤）', dataIndex: 'energyTce', width: 140, align: 'right', render: quantity() },
  { title: '排放（当量吨）', dataIndex: 'emissionsTons', width: 120, align: 'right', render: quantity() },
  { title: '用电量（千瓦时）', dataIndex: 'electricityKwh', width: 140, align: 'right', render: quantity(0) },
  { title: '用水量（吨）', dataIndex: 'waterTons', width: 110, align: 'right', render: quantity(0) },
  {
    title: '生产状态',
    dataIndex: 'producing',
    width: 100,
    render: (producing: boolean) => (producing ? <Tag color="green">正常生产</Tag> : <Tag>未投产/停产</Tag>),
  },
  { title: '标记', key: 'flags', width: 170, render: (_value, record) => <RecordFlags record={record} /> },
];
