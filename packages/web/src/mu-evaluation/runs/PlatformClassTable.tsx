import { Table, Typography } from 'antd';
import { EVALUATION_CLASSES, type EvaluationClass } from '@pgs/domain';
import { ClassTag } from '../components/ClassTag.tsx';
import { formatPercent } from '../../enterprises/components/enterprise-format.ts';
import type { PlatformClasses } from './ClassDistributionChart.tsx';

const ranked = (counts: Record<EvaluationClass, number>) => counts.A + counts.B + counts.C + counts.D;

/** The chart's figures as a table: per platform, each class with its share of the platform's A–D (T left out, D15). */
export function PlatformClassTable({ data }: { data: readonly PlatformClasses[] }) {
  return (
    <div data-testid="platform-class-table">
      <Table<PlatformClasses>
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={[...data]}
        columns={[
          { title: '平台', dataIndex: 'name', width: 80 },
          ...EVALUATION_CLASSES.map((cls) => ({
            title: <ClassTag value={cls} short />,
            key: cls,
            align: 'right' as const,
            render: (_v: unknown, row: PlatformClasses) => (
              <span>
                {row.counts[cls]}
                {cls !== 'T' && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {' '}
                    ({formatPercent(ranked(row.counts) ? row.counts[cls] / ranked(row.counts) : 0, 1)})
                  </Typography.Text>
                )}
              </span>
            ),
          })),
          {
            title: '合计',
            key: 'total',
            align: 'right',
            render: (_v, row) => EVALUATION_CLASSES.reduce((sum, cls) => sum + row.counts[cls], 0),
          },
        ]}
      />
    </div>
  );
}
