import { Descriptions, Space, Table, Typography } from 'antd';
import { EVALUATION_CLASS_LABELS, EVALUATION_SET_LABELS, INDICATORS } from '@pgs/domain';
import type { EvaluationResultView, EvaluationRunDetail, IndicatorResult } from '../mu-evaluation.api.ts';
import { ClassChange } from '../components/ClassTag.tsx';
import { formatPercent, formatQuantity } from '../../enterprises/components/enterprise-format.ts';

const figure = (value: number | null, decimals = 4) => (value === null ? '缺失' : formatQuantity(value, decimals));

/**
 * Every number of a result explained (issue #4): each indicator's value, the benchmark it is measured against,
 * weight and cap from the run's method, and its score; then rank in the set, percentile and the rule of the class.
 */
export function ResultExplanation({
  result,
  sets,
}: {
  result: EvaluationResultView;
  sets?: EvaluationRunDetail['sets'];
}) {
  const rules = sets?.find((each) => each.set === result.set)?.indicators ?? [];
  const ruleOf = (code: string) => rules.find((rule) => rule.code === code);
  return (
    <Space
      orientation="vertical"
      size="small"
      style={{ width: '100%' }}
      data-testid={`result-explanation-${result.creditCode}`}
    >
      <Table<IndicatorResult>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={result.indicators}
        columns={[
          {
            title: '指标（计算方法）',
            dataIndex: 'code',
            render: (code: IndicatorResult['code']) => (
              <span>
                {INDICATORS[code].label}
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                  {INDICATORS[code].formula}
                </Typography.Text>
              </span>
            ),
          },
          {
            title: '实际值',
            dataIndex: 'value',
            width: 150,
            align: 'right',
            render: (value: number | null, row) => `${figure(value)} ${value === null ? '' : row.unit}`,
          },
          {
            title: '基准值',
            dataIndex: 'benchmark',
            width: 170,
            align: 'right',
            render: (benchmark: number | null, row) => {
              const rule = ruleOf(row.code);
              const mode = rule ? (rule.benchmarkMode === 'fixed' ? '固定值' : '组内平均') : '';
              return `${figure(benchmark)}${mode ? `（${mode}）` : ''}`;
            },
          },
          {
            title: '权重 / 封顶',
            key: 'weight',
            width: 120,
            align: 'right',
            render: (_v, row) => {
              const rule = ruleOf(row.code);
              return rule ? `${rule.weight} / ${rule.cap} 分` : '—';
            },
          },
          {
            title: '得分',
            dataIndex: 'score',
            width: 100,
            align: 'right',
            render: (score: number | null) =>
              score === null ? (
                <Typography.Text type="secondary">不计分</Typography.Text>
              ) : (
                <Typography.Text strong>{formatQuantity(score, 2)}</Typography.Text>
              ),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={4}>
              <Typography.Text strong>总分</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                单项得分 = 实际值 ÷ 基准值 × 权重（越低越好的指标反之），0 分至封顶
              </Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              <Typography.Text strong>{result.score === null ? '—' : formatQuantity(result.score, 2)}</Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 4 }}>
        <Descriptions.Item label="评价组">{result.setLabel || EVALUATION_SET_LABELS[result.set]}</Descriptions.Item>
        <Descriptions.Item label="组内排名">
          {result.rank === null ? '不参与排名' : `第 ${result.rank} 名 / 共 ${result.setSize} 家`}
        </Descriptions.Item>
        <Descriptions.Item label="百分位">
          {result.percentile === null ? '—' : `${formatPercent(result.percentile)}（名次 ÷ 组内家数）`}
        </Descriptions.Item>
        <Descriptions.Item label="等级">
          <ClassChange baseClass={result.baseClass} value={result.class} />
          {result.baseClass !== result.class && (
            <Typography.Text type="secondary">
              （基础分档为{EVALUATION_CLASS_LABELS[result.baseClass]}）
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="定级依据" span={{ xs: 1, md: 2, xl: 4 }}>
          <span data-testid="result-class-rule">{result.classRule}</span>
        </Descriptions.Item>
        {result.excludedReason && (
          <Descriptions.Item label="不定等级原因" span={{ xs: 1, md: 2, xl: 4 }}>
            {result.excludedReason}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Space>
  );
}
