import { Tag, Tooltip } from 'antd';
import { EVALUATION_CLASS_LABELS, type EvaluationClass } from '@pgs/domain';

/** A green, B blue, C orange, D red, T (不定等级) grey. */
export const CLASS_COLORS: Record<EvaluationClass, string> = {
  A: '#389e0d',
  B: '#1677ff',
  C: '#fa8c16',
  D: '#cf1322',
  T: '#8c8c8c',
};
const TAG_COLORS: Record<EvaluationClass, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red', T: 'default' };

export function ClassTag({ value, short = false }: { value: EvaluationClass; short?: boolean }) {
  const tag = (
    <Tag color={TAG_COLORS[value]} data-class={value} style={{ marginInlineEnd: 0 }}>
      {short ? (value === 'T' ? 'T类' : EVALUATION_CLASS_LABELS[value]) : EVALUATION_CLASS_LABELS[value]}
    </Tag>
  );
  return short && value === 'T' ? <Tooltip title={EVALUATION_CLASS_LABELS.T}>{tag}</Tooltip> : tag;
}

/** "C类 → D类" when the D-share push moved the enterprise (R3.2), else the class alone. */
export function ClassChange({ baseClass, value }: { baseClass: EvaluationClass; value: EvaluationClass }) {
  if (baseClass === value) return <ClassTag value={value} />;
  return (
    <Tooltip
      title={`按基础分档为${EVALUATION_CLASS_LABELS[baseClass]}，因平台 D 类占比规则调入${EVALUATION_CLASS_LABELS[value]}`}
    >
      <span data-testid="class-pushed" style={{ whiteSpace: 'nowrap' }}>
        <ClassTag value={baseClass} /> → <ClassTag value={value} />
      </span>
    </Tooltip>
  );
}
