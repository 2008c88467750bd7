import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { AuditFilters } from '../audit.api.ts';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, labelOptions } from '../audit-labels.ts';

const ENTITY_OPTIONS = labelOptions(AUDIT_ENTITY_LABELS);
const ACTION_OPTIONS = labelOptions(AUDIT_ACTION_LABELS);

type Values = { entityType?: string; action?: string; actor?: string; range?: [Dayjs | null, Dayjs | null] | null };

function toFilters(values: Values): AuditFilters {
  const clean = (value: string | undefined) => value?.trim() || undefined;
  return {
    entityType: clean(values.entityType),
    action: clean(values.action),
    actor: clean(values.actor),
    from: values.range?.[0]?.format('YYYY-MM-DD'),
    to: values.range?.[1]?.format('YYYY-MM-DD'),
  };
}

function toValues(filters: AuditFilters): Values {
  return {
    entityType: filters.entityType,
    action: filters.action,
    actor: filters.actor,
    range:
      filters.from || filters.to
        ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]
        : null,
  };
}

/**
 * Filters of the audit trail: object type, action, actor and a date range (Asia/Shanghai days, inclusive). `applied`
 * are the filters in force (from the address), shown in the fields when the page opens or Back returns to it.
 */
export function AuditFilterForm({
  applied,
  onChange,
}: {
  applied: AuditFilters;
  onChange: (filters: AuditFilters) => void;
}) {
  const [form] = Form.useForm<Values>();
  return (
    <Form<Values>
      form={form}
      initialValues={toValues(applied)}
      layout="inline"
      onFinish={(values) => {
        onChange(toFilters(values));
      }}
      data-testid="audit-filters"
      style={{ rowGap: 12 }}
    >
      <Form.Item name="entityType" label="对象类型">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={ENTITY_OPTIONS}
          placeholder="全部"
          style={{ width: 200 }}
          data-testid="audit-filter-entity"
        />
      </Form.Item>
      <Form.Item name="action" label="动作">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={ACTION_OPTIONS}
          placeholder="全部"
          style={{ width: 240 }}
          popupMatchSelectWidth={300}
          data-testid="audit-filter-action"
        />
      </Form.Item>
      <Form.Item name="actor" label="操作人">
        <Input allowClear placeholder="登录用户名" style={{ width: 150 }} data-testid="audit-filter-actor" />
      </Form.Item>
      <Form.Item name="range" label="日期">
        <DatePicker.RangePicker data-testid="audit-filter-range" />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" data-testid="audit-search">
          查询
        </Button>
        <Button
          onClick={() => {
            form.setFieldsValue(toValues({}));
            onChange({});
          }}
        >
          重置
        </Button>
      </Space>
    </Form>
  );
}
