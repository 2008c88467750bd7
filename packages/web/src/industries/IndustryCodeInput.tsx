import { useEffect, useState } from 'react';
import { AutoComplete, Typography } from 'antd';
import { INDUSTRY_LEVEL_LABELS, industryCodeEntry } from '@pgs/domain';
import { useIndustries } from './industries.api.ts';

type Props = {
  value?: string;
  onChange?: (value: string) => void;
  placeholder?: string;
  testId?: string;
};

function useDebounced(value: string, delay: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => {
      setDebounced(value);
    }, delay);
    return () => {
      clearTimeout(timer);
    };
  }, [value, delay]);
  return debounced;
}

/**
 * A GB/T 4754-2017 code field that suggests codes while typing, by code prefix or by name ("36", "3612" or "汽车").
 * Whatever is typed — one digit, Chinese words, a code backspaced to one digit — only searches: the field's value
 * is the typed text, and the page treats anything that is not yet a known code as "not yet known" (issue #9).
 */
export function IndustryCodeInput({
  value,
  onChange,
  placeholder = '输入行业代码或名称，如 3612 或 汽车',
  testId,
}: Props) {
  const [search, setSearch] = useState(value ?? '');
  const q = useDebounced(search.trim(), 250);
  const entry = industryCodeEntry(q);
  const { data, isFetching } = useIndustries({ q, page: 1, pageSize: 20 }, entry.kind !== 'empty');
  // Only an outside change of `value` (form reset, picked option, restored draft) rewrites the text: compared with
  // the value last seen while rendering (React's "adjust state on a prop change"), not in an effect.
  const [seenValue, setSeenValue] = useState(value);
  if (value !== seenValue) {
    setSeenValue(value);
    if (value !== undefined && value !== search) setSearch(value);
  }

  const options = (q ? (data?.items ?? []) : []).map((industry) => ({
    value: industry.code,
    label: (
      <span data-testid={`industry-option-${industry.code}`}>
        <Typography.Text strong>{industry.code}</Typography.Text> {industry.name}{' '}
        <Typography.Text type="secondary">（{INDUSTRY_LEVEL_LABELS[industry.level]}）</Typography.Text>
      </span>
    ),
  }));

  return (
    <AutoComplete
      value={search}
      options={options}
      onChange={(next: string | undefined) => {
        setSearch(next ?? '');
        const typed = (next ?? '').trim();
        onChange?.(industryCodeEntry(typed).kind === 'code' ? typed.toUpperCase() : typed);
      }}
      placeholder={placeholder}
      notFoundContent={q && !isFetching ? '没有匹配的行业，请换个代码或名称' : null}
      allowClear
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
