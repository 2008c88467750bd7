import { Card, Col, Row, Statistic, Typography } from 'antd';
import { EVALUATION_CLASS_LABELS, EVALUATION_CLASSES, type EvaluationClass } from '@pgs/domain';
import type { ClassCounts } from '../mu-evaluation.api.ts';
import { CLASS_COLORS } from './ClassTag.tsx';
import { formatPercent } from '../../enterprises/components/enterprise-format.ts';

/** Counts per class; the share is of the enterprises classed A–D (T is left out of every share, D15). */
export function ClassCountsRow({
  counts,
  before,
  'data-testid': testId,
}: {
  counts: ClassCounts;
  before?: ClassCounts;
  'data-testid'?: string;
}) {
  const ranked = EVALUATION_CLASSES.filter((cls) => cls !== 'T').reduce((sum, cls) => sum + counts[cls], 0);
  const note = (cls: EvaluationClass) => {
    const share = cls === 'T' ? '不计入占比' : `占 ${formatPercent(ranked ? counts[cls] / ranked : 0)}`;
    if (!before) return share;
    const delta = counts[cls] - before[cls];
    return `${share}，${delta === 0 ? '与当前相同' : `${delta > 0 ? '+' : ''}${delta} 家`}`;
  };
  return (
    <Row gutter={[12, 12]} data-testid={testId}>
      {EVALUATION_CLASSES.map((cls) => (
        <Col key={cls} flex="1 1 150px">
          <Card size="small">
            <Statistic
              title={EVALUATION_CLASS_LABELS[cls]}
              value={counts[cls]}
              suffix="家"
              styles={{ content: { color: CLASS_COLORS[cls] } }}
              data-testid={`count-${cls}`}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {note(cls)}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
