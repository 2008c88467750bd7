import { Card, Table, Typography, type TableColumnsType } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { EVALUATION_SET_LABELS } from '@pgs/domain';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/contract.ts';
import {
  evaluationKeys,
  type EvaluationResultView,
  type EvaluationRunView,
} from '../../mu-evaluation/mu-evaluation.api.ts';
import { ClassChange } from '../../mu-evaluation/components/ClassTag.tsx';
import { formatPercent, formatQuantity } from '../components/enterprise-format.ts';

type YearClass = { year: number; run: EvaluationRunView; result: EvaluationResultView };

/** The enterprise's result in the published run of a year, if there is one (results?q=creditCode). */
async function publishedResult(year: number, creditCode: string): Promise<YearClass | null> {
  const answer = await api<EvaluationRunView[] | Page<EvaluationRunView>>('/evaluations', {
    query: { year, pageSize: 100 },
  });
  const runs = Array.isArray(answer) ? answer : answer.items;
  const run = runs.find((each) => each.status === 'published');
  if (!run) return null;
  const results = await api<Page<EvaluationResultView>>(`/evaluations/${run.id}/results`, {
    query: { q: creditCode, page: 1, pageSize: 20 },
  });
  const result = results.items.find((item) => item.creditCode === creditCode);
  return result ? { year, run, result } : null;
}

const columns: TableColumnsType<YearClass> = [
  { title: '年度', dataIndex: 'year', width: 80 },
  {
    title: '等级',
    key: 'class',
    width: 170,
    render: (_v, { result }) => <ClassChange baseClass={result.baseClass} value={result.class} />,
  },
  {
    title: '得分',
    key: 'score',
    width: 90,
    align: 'right',
    render: (_v, { result }) => formatQuantity(result.score, 2),
  },
  {
    title: '组内排名',
    key: 'rank',
    width: 110,
    align: 'right',
    render: (_v, { result }) => (result.rank === null ? '—' : `${result.rank} / ${result.setSize}`),
  },
  {
    title: '百分位',
    key: 'percentile',
    width: 90,
    align: 'right',
    render: (_v, { result }) => formatPercent(result.percentile),
  },
  {
    title: '评价组',
    key: 'set',
    width: 120,
    render: (_v, { result }) => EVALUATION_SET_LABELS[result.set],
  },
  {
    title: '定级依据',
    key: 'rule',
    render: (_v, { result }) => <Typography.Text style={{ fontSize: 13 }}>{result.classRule}</Typography.Text>,
  },
  {
    title: '评价结果',
    key: 'run',
    width: 110,
    render: (_v, { run }) => <Link to={`/evaluations?year=${run.year}&run=${run.id}`}>第 {run.id} 次评价</Link>,
  },
];

/** Its class per year in the published evaluations (R3.2), each with the rule that set it. */
export function YearClasses({ creditCode, years }: { creditCode: string; years: number[] }) {
  const classes = useQueries({
    queries: years.map((year) => ({
      queryKey: [...evaluationKeys.all, 'enterprise-class', creditCode, year],
      queryFn: () => publishedResult(year, creditCode),
      meta: { silent: true },
    })),
    combine: (answers) => ({
      rows: answers.map((answer) => answer.data).filter((row): row is YearClass => Boolean(row)),
      loading: answers.some((answer) => answer.isLoading),
    }),
  });
  return (
    <Card title="历年亩均效益评价等级（已发布的评价）" size="small" data-testid="enterprise-classes">
      <Table<YearClass>
        rowKey="year"
        size="small"
        columns={columns}
        dataSource={classes.rows}
        loading={classes.loading}
        pagination={false}
        locale={{ emptyText: '尚无已发布的评价结果' }}
      />
    </Card>
  );
}
