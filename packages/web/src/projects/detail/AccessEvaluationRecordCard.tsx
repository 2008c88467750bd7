import { Card, Descriptions, Table, Tag, Typography } from 'antd';
import { DIMENSION_LABELS, labelOr, type ProjectEvaluationRecord } from '@pgs/domain';
import { ReasonList } from './AccessEvaluationDrawer.tsx';

/** The latest evaluation as it was scored (its own sheet, which the bureau may have changed since), and how many before it. */
export function AccessEvaluationRecordCard({ evaluations }: { evaluations: ProjectEvaluationRecord[] }) {
  const latest = evaluations[0];
  if (!latest) return null;
  const rows = latest.sheet.items.map((item) => ({ ...item, score: latest.scores[item.code] }));
  return (
    <Card
      title="准入评估"
      extra={
        evaluations.length > 1 ? (
          <Typography.Text type="secondary">共评估 {evaluations.length} 次，显示最近一次</Typography.Text>
        ) : null
      }
      data-testid="evaluation-record"
    >
      <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="结论">
          <Tag color={latest.passes ? 'green' : 'red'}>{latest.passes ? '通过' : '未通过'}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="评分">
          {latest.total} 分（合格线 {latest.sheet.passMark} 分）
        </Descriptions.Item>
        <Descriptions.Item label="评审">
          {latest.reviewer}，{latest.reviewedOn}
        </Descriptions.Item>
        <Descriptions.Item label="书面评审意见" span={3}>
          {latest.opinion}
        </Descriptions.Item>
      </Descriptions>
      <ReasonList reasons={latest.reasons} />
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={rows}
        title={() => latest.sheet.name}
        columns={[
          {
            title: '维度',
            dataIndex: 'dimension',
            width: 100,
            render: (d: string) => labelOr(DIMENSION_LABELS, d),
          },
          { title: '评分项', dataIndex: 'label', width: 120 },
          { title: '得分', key: 'score', width: 100, render: (_v, row) => `${row.score ?? '—'} / ${row.maxScore}` },
          { title: '评分说明', dataIndex: 'guidance' },
        ]}
      />
    </Card>
  );
}
