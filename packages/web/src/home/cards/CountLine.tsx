// Statistic alone, not antd's index that adds its Countdown and Timer (issue #15: the 工作台's weight).
import Statistic from 'antd/es/statistic/Statistic';
// format-count, not format: the 工作台 loads no decimal.js (issue #15).
import { formatCount } from '@pgs/domain/platform/format-count';
import { Text } from '../../shared/TextStyles.tsx';

/** A count with its measure word and one sentence saying what it means; zero reads as "nothing waits". */
export function CountLine({
  value,
  unit,
  note,
  emptyNote,
  testId,
}: {
  value: number;
  unit: string;
  note: string;
  emptyNote: string;
  testId: string;
}) {
  return (
    <div data-testid={testId}>
      <Statistic value={formatCount(value)} suffix={unit} />
      <Text type="secondary">{value === 0 ? emptyNote : note}</Text>
    </div>
  );
}
