import { Card, Table, Typography } from 'antd';
import type { AssessmentView } from './assessment.api.ts';
import { scoreText } from './assessment-format.ts';

/** A simulation beside an assessment: each platform's score and rank before and after. */
export function CompareTable({ base, simulated }: { base: AssessmentView | undefined; simulated: AssessmentView }) {
  const rows = simulated.platforms.map((p) => {
    const before = base?.platforms.find((b) => b.platformKey === p.platformKey);
    return { key: p.platformKey, name: p.platformName, before, after: p };
  });
  return (
    <Card size="small" title="模拟结果对比（未保存）" data-testid="simulation-compare">
      <Typography.Paragraph type="secondary">
        模拟使用
        {simulated.rubricVersion === 0 ? '编辑中的考核办法' : `已保存的考核办法（第 ${simulated.rubricVersion} 版）`}
        ，数据截至 {simulated.asOf}；
        {base
          ? `对比对象为 ${base.year} 年度${base.status === 'published' ? '已发布' : '试算'}结果（截至 ${base.asOf}）`
          : '本年度尚无考核结果可对比'}
        。
      </Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '平台', dataIndex: 'name' },
          { title: '原得分', key: 'b', render: (_v, r) => (r.before ? scoreText(r.before.score) : '—') },
          { title: '原名次', key: 'br', render: (_v, r) => r.before?.rank ?? '—' },
          { title: '模拟得分', key: 'a', render: (_v, r) => scoreText(r.after.score) },
          { title: '模拟名次', key: 'ar', render: (_v, r) => r.after.rank },
          {
            title: '分差',
            key: 'd',
            render: (_v, r) =>
              r.before
                ? `${r.after.score - r.before.score >= 0 ? '+' : ''}${scoreText(r.after.score - r.before.score)}`
                : '—',
          },
        ]}
      />
    </Card>
  );
}
