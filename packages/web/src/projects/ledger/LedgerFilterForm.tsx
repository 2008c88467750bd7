import { useEffect } from 'react';
import { Button, Form, Input, Select, Space } from 'antd';
import { CATEGORY_LABELS, PROJECT_STATUS_LABELS, PROJECT_STATUSES, SIZE_TIER_LABELS } from '@pgs/domain';
import type { LedgerFilters } from '../projects.api.ts';
import { PlatformSelect } from '../../shared/PlatformSelect.tsx';

const STATUS_OPTIONS = PROJECT_STATUSES.map((status) => ({ value: status, label: PROJECT_STATUS_LABELS[status] }));
const CATEGORY_OPTIONS = Object.entries(CATEGORY_LABELS).map(([value, label]) => ({ value, label }));
const SIZE_OPTIONS = Object.entries(SIZE_TIER_LABELS).map(([value, label]) => ({ value, label }));
const OVERDUE_OPTIONS = [
  { value: 'true', label: '已逾期' },
  { value: 'false', label: '未逾期' },
];

/** The ledger's filters (issue #3): platform, stage, class, size tier, overdue, and a search on name or investor. */
export function LedgerFilterForm({
  value,
  onChange,
  fixedPlatform,
}: {
  value: LedgerFilters;
  onChange: (filters: LedgerFilters) => void;
  fixedPlatform: boolean;
}) {
  const [form] = Form.useForm<LedgerFilters>();
  useEffect(() => {
    form.setFieldsValue({
      platformKey: undefined,
      status: undefined,
      category: undefined,
      sizeTier: undefined,
      overdue: undefined,
      q: undefined,
      ...value,
    });
  }, [form, value]);
  const submit = (values: LedgerFilters) => {
    onChange(
      Object.fromEntries(
        Object.entries(values).filter(([, v]: [string, unknown]) => v !== undefined && v !== null && v !== ''),
      ),
    );
  };
  return (
    <Form<LedgerFilters>
      form={form}
      layout="inline"
      onFinish={submit}
      style={{ rowGap: 12 }}
      data-testid="ledger-filters"
    >
      {!fixedPlatform && (
        <Form.Item name="platformKey" label="平台">
          <PlatformSelect names="short" width={120} placeholder="全部" data-testid="ledger-filter-platform" />
        </Form.Item>
      )}
      <Form.Item name="status" label="阶段">
        <Select
          allowClear
          placeholder="全部"
          options={STATUS_OPTIONS}
          style={{ width: 140 }}
          data-testid="ledger-filter-status"
        />
      </Form.Item>
      <Form.Item name="category" label="目录类别">
        <Select
          allowClear
          placeholder="全部"
          options={CATEGORY_OPTIONS}
          style={{ width: 130 }}
          data-testid="ledger-filter-category"
        />
      </Form.Item>
      <Form.Item name="sizeTier" label="规模" tooltip="按总投资：5亿元以上、20亿元以上、50亿元以上">
        <Select
          allowClear
          placeholder="全部"
          options={SIZE_OPTIONS}
          style={{ width: 130 }}
          data-testid="ledger-filter-size"
        />
      </Form.Item>
      <Form.Item name="overdue" label="洽谈期限" tooltip="盯引库确认后超过洽谈期限仍未签约的项目">
        <Select
          allowClear
          placeholder="全部"
          options={OVERDUE_OPTIONS}
          style={{ width: 110 }}
          data-testid="ledger-filter-overdue"
        />
      </Form.Item>
      <Form.Item name="q" label="搜索">
        <Input allowClear placeholder="项目或投资方名称" style={{ width: 180 }} data-testid="ledger-filter-q" />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" data-testid="ledger-search">
          查询
        </Button>
        <Button
          onClick={() => {
            onChange({});
          }}
          data-testid="ledger-reset"
        >
          重置
        </Button>
      </Space>
    </Form>
  );
}
