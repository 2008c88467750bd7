import { Card, Tooltip } from 'antd';
// Statistic alone, not antd's index that adds its Countdown and Timer (issue #15: the 工作台's weight).
import Statistic from 'antd/es/statistic/Statistic';
import { QuestionCircleOutlined } from '@ant-design/icons';
import type { CockpitFigureDef, CockpitFigures } from '@pgs/domain';

/** A big number with its unit; the ? explains it; a click opens the figure's drawer (its rows, every platform). */
export function FigureTile({
  def,
  figures,
  onOpen,
  alert = false,
}: {
  def: CockpitFigureDef;
  figures: CockpitFigures;
  onOpen: () => void;
  alert?: boolean;
}) {
  const value = def.value(figures);
  const isPercent = typeof value === 'string' && value.endsWith('%');
  return (
    <Card
      size="small"
      hoverable
      onClick={onOpen}
      role="button"
      tabIndex={0}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onOpen();
        }
      }}
      aria-label={`${def.label}：${value ?? '无数据'}${isPercent || value === null ? '' : def.unit}，点击查看明细`}
      data-testid={`figure-${def.key}`}
      style={{ height: '100%' }}
    >
      <Statistic
        title={
          <span>
            {def.label}{' '}
            <Tooltip title={def.explanation}>
              <QuestionCircleOutlined
                aria-label={`${def.label}的说明`}
                onClick={(event) => {
                  event.stopPropagation();
                }}
              />
            </Tooltip>
          </span>
        }
        value={value ?? '—'}
        suffix={value === null || isPercent ? undefined : def.unit}
        styles={{ content: { color: alert ? '#cf1322' : undefined } }}
      />
    </Card>
  );
}
