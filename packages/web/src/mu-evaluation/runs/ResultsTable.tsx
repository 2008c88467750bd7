import { useState } from 'react';
import { Button, Card, Input, Select, Space, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import {
  EVALUATION_CLASS_LABELS,
  EVALUATION_CLASSES,
  EVALUATION_SET_LABELS,
  EVALUATION_SETS,
  type EvaluationClass,
  type EvaluationSetKey,
  type PlatformKey,
} from '@pgs/domain';
import { useDownload } from '../../shared/useDownload.ts';
import {
  exportResults,
  useResults,
  type EvaluationResultView,
  type EvaluationRunView,
  type ResultFilters,
} from '../mu-evaluation.api.ts';
import { ClassChange } from '../components/ClassTag.tsx';
import {
  formatPercent,
  formatQuantity,
  PLATFORM_FILTER_OPTIONS,
  platformShort,
} from '../../enterprises/components/enterprise-format.ts';
import { ResultExplanation } from './ResultExplanation.tsx';
import { EnterpriseNameCell } from '../../enterprises/components/EnterpriseNameCell.tsx';
import { PagedTable } from '../../shared/PagedTable.tsx';
import { usePaging } from '../../shared/usePaging.ts';

const columns: TableColumnsType<EvaluationResultView> = [
  {
    title: '企业名称 / 统一社会信用代码',
    dataIndex: 'name',
    width: 250,
    render: (name: string, result) => (
      <EnterpriseNameCell name={name} creditCode={result.creditCode} testId={`result-link-${result.creditCode}`} />
    ),
  },
  { title: '平台', dataIndex: 'platformKey', width: 76, render: (key: string | null) => platformShort(key) },
  {
    title: '评价组',
    dataIndex: 'set',
    width: 116,
    render: (set: EvaluationSetKey) => EVALUATION_SET_LABELS[set],
  },
  {
    title: '等级',
    key: 'class',
    width: 150,
    render: (_v, result) => <ClassChange baseClass={result.baseClass} value={result.class} />,
  },
  {
    title: '总分（分）',
    dataIndex: 'score',
    width: 96,
    align: 'right',
    render: (score: number | null) => formatQuantity(score, 2),
  },
  {
    title: '组内排名',
    key: 'rank',
    width: 96,
    align: 'right',
    render: (_v, result) => (result.rank === null ? '—' : `${result.rank} / ${result.setSize}`),
  },
  {
    title: '百分位',
    dataIndex: 'percentile',
    width: 84,
    align: 'right',
    render: (percentile: number | null) => formatPercent(percentile),
  },
  {
    title: '定级依据（展开看全部数字）',
    dataIndex: 'classRule',
    ellipsis: { showTitle: true },
    render: (rule: string) => (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {rule}
      </Typography.Text>
    ),
  },
];

/** 评价结果: filters (platform, class, set, search), each row expands to the figures that explain it; Excel export. */
export function ResultsTable({ run, ownPlatform }: { run: EvaluationRunView; ownPlatform: PlatformKey | null }) {
  const [filters, setFilters] = useState<ResultFilters>({});
  const [search, setSearch] = useState('');
  const paging = usePaging(20);
  const effective: ResultFilters = { ...filters, ...(ownPlatform ? { platformKey: ownPlatform } : {}) };
  const results = useResults(run.id, effective, paging.page, paging.pageSize);
  const exporting = useDownload(() => exportResults(run, effective));
  const filter = (patch: Partial<ResultFilters>) => {
    setFilters((current) => ({ ...current, ...patch }));
    paging.reset();
  };

  return (
    <Card
      title={`评价结果明细（第 ${run.id} 次评价）`}
      size="small"
      extra={
        <Button
          icon={<DownloadOutlined />}
          loading={exporting.downloading}
          onClick={() => void exporting.start()}
          data-testid="results-export"
        >
          导出Excel
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }} data-testid="results-filters">
        {!ownPlatform && (
          <Select<string>
            allowClear
            placeholder="全部平台"
            value={filters.platformKey}
            options={PLATFORM_FILTER_OPTIONS}
            onChange={(platformKey) => {
              filter({ platformKey });
            }}
            style={{ width: 120 }}
            data-testid="results-filter-platform"
          />
        )}
        <Select<EvaluationClass>
          allowClear
          placeholder="全部等级"
          value={filters.class}
          options={EVALUATION_CLASSES.map((cls) => ({ value: cls, label: EVALUATION_CLASS_LABELS[cls] }))}
          onChange={(cls) => {
            filter({ class: cls });
          }}
          style={{ width: 150 }}
          data-testid="results-filter-class"
        />
        <Select<EvaluationSetKey>
          allowClear
          placeholder="全部评价组"
          value={filters.set}
          options={EVALUATION_SETS.map((set) => ({ value: set, label: EVALUATION_SET_LABELS[set] }))}
          onChange={(set) => {
            filter({ set });
          }}
          style={{ width: 150 }}
          data-testid="results-filter-set"
        />
        <Input.Search
          allowClear
          placeholder="企业名称或统一社会信用代码"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
          }}
          onSearch={(q) => {
            filter({ q: q.trim() || undefined });
          }}
          style={{ width: 280 }}
          data-testid="results-filter-q"
        />
      </Space>
      <div data-testid="results-table">
        <PagedTable<EvaluationResultView>
          rowKey="creditCode"
          size="small"
          columns={columns}
          query={results}
          paging={paging}
          totalText={(total) => <span data-testid="results-total">共 {total} 家企业</span>}
          scroll={{ x: 1100 }}
          expandable={{
            expandedRowRender: (result) => <ResultExplanation result={result} sets={run.sets} />,
            columnWidth: 40,
          }}
        />
      </div>
    </Card>
  );
}
