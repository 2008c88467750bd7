import { useEffect, useState } from 'react';
import { AutoComplete, Typography } from 'antd';
import { INDUSTRY_LEVEL_LABELS } from '@pgs/domain';
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
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

/**
 * A GB/T 4754-2017 code field that suggests codes while typing, by code or by name ("3612" or "汽车").
 * The value is the bare code; the option shows its name and level.
 */
export function IndustryCodeInput({ value, onChange, placeholder = '输入行业代码或名称，如 3612 或 汽车', testId }: Props) {
  const [search, setSearch] = useState(value ?? '');
  const q = useDebounced(search.trim(), 250);
  const { data, isFetching } = useIndustries({ q, page: 1, pageSize: 20 }, q.length > 0);
  useEffect(() => {
    if (value !== undefined && value !== search) setSearch(value);
    // Only an outside change (form reset, picked option) rewrites the text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

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
        onChange?.((next ?? '').trim().toUpperCase());
      }}
      placeholder={placeholder}
      notFoundContent={q && !isFetching ? '没有匹配的行业' : null}
      allowClear
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
