import { Tag, Tooltip } from 'antd';
import { PARCEL_STATE_LABELS, type ClockView, type ParcelState } from '@pgs/domain';

export const STATE_COLORS: Record<ParcelState, string> = {
  approved: 'blue',
  supplied: 'gold',
  started: 'cyan',
  completed: 'green',
  vacated: 'purple',
  reused: 'geekblue',
  recovered: 'magenta',
};

export const STATE_OPTIONS = (Object.keys(PARCEL_STATE_LABELS) as ParcelState[]).map((value) => ({
  value,
  label: PARCEL_STATE_LABELS[value],
}));

export function StateTag({ state }: { state: ParcelState }) {
  return <Tag color={STATE_COLORS[state]}>{PARCEL_STATE_LABELS[state]}</Tag>;
}

export const CLOCK_LABELS = { normal: '正常', idle: '闲置', recovery: '可收回' } as const;
const CLOCK_COLORS = { normal: 'default', idle: 'orange', recovery: 'red' } as const;

/** The idle status with every reason in its tooltip (every figure explained). */
export function ClockTag({ clock }: { clock: ClockView }) {
  return (
    <Tooltip
      title={
        <div>
          <div>按 {clock.asOf} 计算：</div>
          {clock.reasons.map((reason) => (
            <div key={reason}>· {reason}</div>
          ))}
        </div>
      }
    >
      <Tag color={CLOCK_COLORS[clock.status]}>
        {CLOCK_LABELS[clock.status]}
        {clock.slowConstruction ? '·建设缓慢' : ''}
      </Tag>
    </Tooltip>
  );
}

/** 亩 for people: two decimals, the exact figure kept in the tooltip. */
export function mu(value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return Number(value).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}

export function wan(value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${Number(value).toLocaleString('zh-CN', { maximumFractionDigits: 6 })} 万元`;
}
