import { Alert, Card, Space, Table, Typography } from 'antd';
import type { EvaluationClass } from '@pgs/domain';
import type { ClassChangeView, SimulationView } from '../mu-evaluation.api.ts';
import { ClassCountsRow } from '../components/ClassCountsRow.tsx';
import { ClassTag } from '../components/ClassTag.tsx';
import { DShareRules } from '../components/DShareRules.tsx';
import { platformShort } from '../../enterprises/components/enterprise-format.ts';

type Transition = { from: EvaluationClass; to: EvaluationClass; count: number };

/** 'C→D': 3 (the contract's record) → rows, most frequent first. */
function transitionsOf(value: SimulationView['transitions']): Transition[] {
  const list = Object.entries(value).map(([key, count]) => {
    const [from = '', to = ''] = key.split(/→|->/);
    return { from: from.trim() as EvaluationClass, to: to.trim() as EvaluationClass, count };
  });
  return list.filter((row) => row.count > 0).sort((a, b) => b.count - a.count);
}

/** What the simulated method would give: counts, the D-share rule, and who would change class. */
export function SimulationPanel({ year, simulation }: { year: number; simulation: SimulationView }) {
  const transitions = transitionsOf(simulation.transitions);
  return (
    <Card
      title={`模拟结果（${year} 年数据，按当前编辑的办法计算，未保存、不影响正式结果）`}
      size="small"
      data-testid="simulation-result"
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <ClassCountsRow
          counts={simulation.counts}
          before={simulation.baseline.counts}
          data-testid="simulation-counts"
        />
        <Alert
          type={simulation.changed > 0 ? 'warning' : 'info'}
          showIcon
          data-testid="simulation-changed"
          title={`与${simulation.baseline.label}相比，${simulation.changed} 家企业等级发生变化${simulation.compared ? `（共比较 ${simulation.compared} 家）` : ''}`}
        />
        <DShareRules
          cityDShare={simulation.cityDShare}
          platforms={simulation.platforms}
          data-testid="simulation-dshare"
        />
        <Space align="start" size="large" wrap style={{ width: '100%' }}>
          <div style={{ minWidth: 280 }}>
            <Typography.Title level={5}>等级变化</Typography.Title>
            <Table<Transition>
              rowKey={(row) => `${row.from}-${row.to}`}
              size="small"
              pagination={false}
              dataSource={transitions}
              locale={{ emptyText: '没有企业等级变化' }}
              data-testid="simulation-transitions"
              columns={[
                {
                  title: '原等级',
                  dataIndex: 'from',
                  render: (cls: EvaluationClass) => <ClassTag value={cls} short />,
                },
                {
                  title: '模拟等级',
                  dataIndex: 'to',
                  render: (cls: EvaluationClass) => <ClassTag value={cls} short />,
                },
                { title: '企业数', dataIndex: 'count', align: 'right', render: (n: number) => `${n} 家` },
              ]}
            />
          </div>
          <div style={{ flex: 1, minWidth: 480 }}>
            <Typography.Title level={5}>变化企业示例</Typography.Title>
            <Table<ClassChangeView>
              rowKey="creditCode"
              size="small"
              pagination={simulation.sample.length > 10 ? { pageSize: 10 } : false}
              dataSource={simulation.sample}
              locale={{ emptyText: '没有企业等级变化' }}
              data-testid="simulation-sample"
              columns={[
                { title: '企业名称', dataIndex: 'name' },
                {
                  title: '平台',
                  dataIndex: 'platformKey',
                  width: 80,
                  render: (key: string | null) => platformShort(key),
                },
                {
                  title: '原等级',
                  dataIndex: 'from',
                  width: 90,
                  render: (cls: EvaluationClass) => <ClassTag value={cls} short />,
                },
                {
                  title: '模拟等级',
                  dataIndex: 'to',
                  width: 90,
                  render: (cls: EvaluationClass) => <ClassTag value={cls} short />,
                },
              ]}
            />
          </div>
        </Space>
      </Space>
    </Card>
  );
}
