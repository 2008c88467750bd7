import { Select, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { todayInShanghai } from '../../shared/format.ts';
import { useRecordYears, type RecordYear } from '../enterprises.api.ts';

const thisYear = () => Number(todayInShanghai().slice(0, 4));

/**
 * The year a page shows, kept in the address (?year=) so a link opens the same view: by default the latest year
 * with records in the base database (the evaluation of year N is made in N + 1 on N's figures), else last year.
 */
export function useSelectedYear(): {
  year: number | undefined;
  setYear: (year: number) => void;
  years: RecordYear[];
  loading: boolean;
} {
  const [search, setSearch] = useSearchParams();
  const years = useRecordYears();
  const fromUrl = Number(search.get('year'));
  const list = years.data ?? [];
  const fallback = years.isPending ? undefined : (list[0]?.year ?? thisYear() - 1);
  const year = Number.isInteger(fromUrl) && fromUrl >= 2000 && fromUrl <= 2100 ? fromUrl : fallback;
  const setYear = (next: number) => {
    setSearch(
      (current) => {
        const params = new URLSearchParams(current);
        params.set('year', String(next));
        params.delete('page');
        params.delete('run');
        return params;
      },
      { replace: true },
    );
  };
  return { year, setYear, years: list, loading: years.isPending };
}

/**
 * The year picker: the years that have records, each with its count of enterprises; `extraYears` adds years without
 * records yet (the import wizard offers the next year to fill).
 */
export function YearSelect(props: {
  value: number | undefined;
  onChange: (year: number) => void;
  years: RecordYear[];
  extraYears?: number[];
  'data-testid'?: string;
  label?: string;
}) {
  const { value, onChange, years, extraYears = [] } = props;
  const options = years.map((each) => ({ value: each.year, label: `${each.year} 年（${each.count} 家）` }));
  for (const extra of [...extraYears, ...(value !== undefined ? [value] : [])]) {
    if (!options.some((option) => option.value === extra))
      options.push({ value: extra, label: `${extra} 年（暂无数据）` });
  }
  options.sort((a, b) => b.value - a.value);
  return (
    <Space>
      <Typography.Text>{props.label ?? '年度'}</Typography.Text>
      <Select<number>
        value={value}
        onChange={onChange}
        options={options}
        style={{ width: 170 }}
        placeholder="选择年度"
        data-testid={props['data-testid'] ?? 'year-select'}
      />
    </Space>
  );
}
