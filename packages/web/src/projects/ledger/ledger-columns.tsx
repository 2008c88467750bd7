import { useState } from 'react';
import { Button, Checkbox, Popover, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { ClassifyCategory } from '@pgs/domain';
import { formatDate } from '../../shared/format.ts';
import { CategoryTag } from '../../catalog/components/CategoryTag.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { formatWan, platformShortName } from '../components/project-format.ts';
import type { LedgerRow } from './ledger-fields.ts';

/** A long text cut with an ellipsis, the whole of it on hover (issue #9). */
const clipped = (text: string) => (
  <Tooltip title={text} placement="topLeft">
    <span>{text}</span>
  </Tooltip>
);

/** The ledger's columns; the key ones (编号, 名称 on the left, 阶段 on the right) stay fixed while the rest scroll. */
export const LEDGER_COLUMNS: TableColumnsType<LedgerRow> = [
  { key: 'id', title: '编号', dataIndex: 'id', width: 72, fixed: 'left' },
  {
    key: 'name',
    title: '项目名称',
    dataIndex: 'name',
    width: 220,
    fixed: 'left',
    ellipsis: { showTitle: false },
    render: (name: string, project) => (
      <Tooltip title={name} placement="topLeft">
        <Link to={`/projects/${project.id}`} data-testid={`ledger-link-${project.id}`}>
          {name}
        </Link>
      </Tooltip>
    ),
  },
  {
    key: 'platformKey',
    title: '平台',
    dataIndex: 'platformKey',
    width: 110,
    render: (key: string, project) =>
      project.circulation ? (
        <Tooltip
          title={`由${platformShortName(project.circulation.fromPlatformKey)}流转至${platformShortName(project.circulation.toPlatformKey)}`}
        >
          {platformShortName(key)} <Tag color="purple">已流转</Tag>
        </Tooltip>
      ) : (
        platformShortName(key)
      ),
  },
  {
    key: 'investorName',
    title: '投资方',
    dataIndex: 'investorName',
    width: 200,
    ellipsis: { showTitle: false },
    render: clipped,
  },
  { key: 'industryCode', title: '行业代码', dataIndex: 'industryCode', width: 90 },
  {
    key: 'category',
    title: '目录类别',
    dataIndex: 'category',
    width: 100,
    render: (category: ClassifyCategory) => <CategoryTag category={category} />,
  },
  {
    key: 'totalInvestment',
    title: '总投资（万元）',
    dataIndex: 'totalInvestment',
    width: 130,
    align: 'right',
    render: formatWan,
  },
  {
    key: 'fixedAssetInvestment',
    title: '固定资产投资（万元）',
    dataIndex: 'fixedAssetInvestment',
    width: 160,
    align: 'right',
    render: formatWan,
  },
  {
    key: 'landMu',
    title: '用地（亩）',
    dataIndex: 'landMu',
    width: 100,
    align: 'right',
    render: (mu: string | null) =>
      mu === null ? <Typography.Text type="secondary">无独立用地</Typography.Text> : formatWan(mu),
  },
  {
    key: 'expectedAnnualTax',
    title: '预计年税收（万元）',
    dataIndex: 'expectedAnnualTax',
    width: 150,
    align: 'right',
    render: formatWan,
  },
  {
    key: 'firstReport',
    title: '首报',
    dataIndex: 'firstReport',
    width: 90,
    render: (first: boolean, project) =>
      first ? (
        <Tag color="green">首报</Tag>
      ) : (
        <Tooltip title={`与项目 #${project.duplicateOf} 重复报送，首报以最先登记者为准`}>
          <Tag color="orange">重复报送</Tag>
        </Tooltip>
      ),
  },
  {
    key: 'reportedAt',
    title: '登记日期',
    dataIndex: 'reportedAt',
    width: 110,
    render: (value: string) => formatDate(value),
  },
  {
    key: 'negotiationDeadline',
    title: '洽谈期限',
    dataIndex: 'negotiationDeadline',
    width: 150,
    render: (deadline: string | null, project) =>
      deadline ? (
        <Space size={4}>
          {deadline}
          {project.overdue && <Tag color="red">逾期</Tag>}
        </Space>
      ) : (
        '—'
      ),
  },
  {
    key: 'status',
    title: '阶段',
    dataIndex: 'status',
    width: 120,
    fixed: 'right',
    render: (status: LedgerRow['status']) => <StatusTag status={status} />,
  },
];

const ALWAYS = new Set(['id', 'name', 'status']);
const CHOOSABLE = LEDGER_COLUMNS.filter((column) => !ALWAYS.has(String(column.key)));
const storageKey = (userId: number) => `pgs.projects.ledger-columns.${userId}`;

/** The columns this user chose to hide, remembered in this browser per user. */
export function useHiddenLedgerColumns(userId: number | undefined) {
  const [hidden, setHiddenState] = useState<string[]>(() => {
    if (userId === undefined) return [];
    try {
      const stored = JSON.parse(localStorage.getItem(storageKey(userId)) ?? '[]') as unknown;
      return Array.isArray(stored) ? stored.filter((key): key is string => typeof key === 'string') : [];
    } catch {
      return [];
    }
  });
  const setHidden = (next: string[]) => {
    setHiddenState(next);
    if (userId !== undefined) {
      try {
        localStorage.setItem(storageKey(userId), JSON.stringify(next));
      } catch {
        // not remembered, still applied
      }
    }
  };
  return [hidden, setHidden] as const;
}

/** 列设置: tick the columns to show; the key columns cannot be hidden. */
export function LedgerColumnChooser({ hidden, onChange }: { hidden: string[]; onChange: (hidden: string[]) => void }) {
  const shown = CHOOSABLE.map((column) => String(column.key)).filter((key) => !hidden.includes(key));
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title="显示的列（编号、项目名称、阶段始终显示）"
      content={
        <Checkbox.Group
          style={{ display: 'grid', gap: 6 }}
          value={shown}
          onChange={(checked) => {
            onChange(CHOOSABLE.map((column) => String(column.key)).filter((key) => !checked.includes(key)));
          }}
          options={CHOOSABLE.map((column) => ({
            value: String(column.key),
            label: typeof column.title === 'string' ? column.title : String(column.key),
          }))}
          data-testid="ledger-column-options"
        />
      }
    >
      <Button icon={<SettingOutlined />} data-testid="ledger-columns">
        列设置
      </Button>
    </Popover>
  );
}
