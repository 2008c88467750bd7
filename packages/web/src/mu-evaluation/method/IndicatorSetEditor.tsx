import { Button, InputNumber, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  EVALUATION_METHOD_DEFAULT_SOURCES,
  HEAVY_INDICATORS,
  INDICATOR_CODES,
  INDICATORS,
  type EvaluationSetKey,
  type IndicatorCode,
} from '@pgs/domain';
import type { RuleRow } from './method-draft.ts';

const INDICATOR_OPTIONS = INDICATOR_CODES.map((code) => ({ value: code, label: INDICATORS[code].label }));

/**
 * One evaluation set's indicators (R3.2): weight, benchmark (the set's mean or a fixed figure in the indicator's
 * unit), cap as a multiple of the weight; 亩均税收, 亩均增加值 and 全员劳动生产率 are marked as the ones to weigh most.
 */
export function IndicatorSetEditor(props: {
  set: EvaluationSetKey;
  rows: RuleRow[];
  onChange: (rows: RuleRow[]) => void;
  nextKey: () => number;
}) {
  const { set, rows, onChange, nextKey } = props;
  const change = (key: number, patch: Partial<RuleRow>) => {
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  };
  const used = new Set(rows.map((row) => row.code));
  const total = rows.reduce((sum, row) => sum + (row.weight ?? 0), 0);
  const add = () => {
    const code = INDICATOR_CODES.find((each) => !used.has(each)) ?? 'tax_per_mu';
    onChange([
      ...rows,
      { key: nextKey(), code, weight: 10, benchmarkMode: 'mean', benchmarkValue: null, capFactor: 1.5 },
    ]);
  };

  const columns: TableColumnsType<RuleRow> = [
    {
      title: '评价指标',
      dataIndex: 'code',
      width: 270,
      render: (code: IndicatorCode, row, index) => (
        <Space size={4}>
          <Select<IndicatorCode>
            value={code}
            options={INDICATOR_OPTIONS.map((option) => ({
              ...option,
              disabled: option.value !== code && used.has(option.value),
            }))}
            onChange={(next) => {
              change(row.key, { code: next });
            }}
            style={{ width: 210 }}
            aria-label={`第 ${index + 1} 项指标`}
            data-testid={`method-${set}-code-${index}`}
          />
          {HEAVY_INDICATORS.includes(code) && (
            <Tooltip title="实施意见要求加大亩均税收、亩均增加值、全员劳动生产率的权重（§三(二)）">
              <Tag color="gold">重点</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: '计算方法（单位）',
      key: 'formula',
      width: 250,
      render: (_v, row) => (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {INDICATORS[row.code].formula}（{INDICATORS[row.code].unit}）
          {INDICATORS[row.code].direction === 'lower' ? '；越低越好，得分 = 基准值 ÷ 实际值 × 权重' : ''}
        </Typography.Text>
      ),
    },
    {
      title: '权重（分）',
      dataIndex: 'weight',
      width: 120,
      render: (weight: number | null, row, index) => (
        <InputNumber<number>
          value={weight}
          min={0}
          max={100}
          step={5}
          status={weight === null || weight <= 0 ? 'error' : undefined}
          onChange={(next) => {
            change(row.key, { weight: next });
          }}
          style={{ width: '100%' }}
          aria-label={`第 ${index + 1} 项指标的权重`}
          data-testid={`method-${set}-weight-${index}`}
        />
      ),
    },
    {
      title: '基准值',
      key: 'benchmark',
      width: 300,
      render: (_v, row, index) => (
        <Space size={4}>
          <Select<'mean' | 'fixed'>
            value={row.benchmarkMode}
            onChange={(mode) => {
              change(row.key, { benchmarkMode: mode });
            }}
            options={[
              { value: 'mean', label: '评价组平均值' },
              { value: 'fixed', label: '固定值' },
            ]}
            style={{ width: 130 }}
            aria-label={`第 ${index + 1} 项指标的基准方式`}
          />
          {row.benchmarkMode === 'fixed' && (
            <InputNumber<number>
              value={row.benchmarkValue}
              min={0}
              status={row.benchmarkValue === null || row.benchmarkValue <= 0 ? 'error' : undefined}
              suffix={INDICATORS[row.code].unit}
              onChange={(next) => {
                change(row.key, { benchmarkValue: next });
              }}
              style={{ width: 160 }}
              aria-label={`第 ${index + 1} 项指标的固定基准值`}
            />
          )}
        </Space>
      ),
    },
    {
      title: '单项封顶',
      dataIndex: 'capFactor',
      width: 200,
      render: (capFactor: number | null, row, index) => (
        <Space size={4}>
          <InputNumber<number>
            value={capFactor}
            min={0.1}
            max={10}
            step={0.1}
            suffix="× 权重"
            status={capFactor === null ? 'error' : undefined}
            onChange={(next) => {
              change(row.key, { capFactor: next });
            }}
            style={{ width: 110 }}
            aria-label={`第 ${index + 1} 项指标的封顶倍数`}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            最高 {capFactor !== null && row.weight !== null ? Math.round(capFactor * row.weight * 100) / 100 : '—'} 分
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'remove',
      width: 60,
      align: 'center',
      render: (_v, row) => (
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={`删除“${INDICATORS[row.code].label}”`}
          onClick={() => {
            onChange(rows.filter((each) => each.key !== row.key));
          }}
        />
      ),
    },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={`method-set-${set}`}>
      <Table<RuleRow>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1150 }}
        locale={{ emptyText: '本评价组还没有评价指标' }}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              <Typography.Text strong>权重合计</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2}>
              <Typography.Text strong data-testid={`method-${set}-total`}>
                {Math.round(total * 100) / 100} 分
              </Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} colSpan={3}>
              <Typography.Text type="secondary">单项得分 = 实际值 ÷ 基准值 × 权重，0 分至封顶</Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Button type="dashed" icon={<PlusOutlined />} onClick={add} disabled={used.size >= INDICATOR_CODES.length}>
          新增指标
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {EVALUATION_METHOD_DEFAULT_SOURCES[`sets.${set}`]}
        </Typography.Text>
      </Space>
    </Space>
  );
}
