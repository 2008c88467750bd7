import { useEffect } from 'react';
import { Button, Form, Input, Select, Space } from 'antd';
import {
  ENTERPRISE_KIND_LABELS,
  ENTERPRISE_KINDS,
  ENTERPRISE_SCALE_LABELS,
  ENTERPRISE_SCALES,
  type PlatformKey,
} from '@pgs/domain';
import type { EnterpriseFilters } from '../enterprises.api.ts';
import { PLATFORM_FILTER_OPTIONS, platformShort } from '../components/enterprise-format.ts';

type FormValues = Pick<EnterpriseFilters, 'platformKey' | 'kind' | 'scale' | 'q'>;

const KIND_OPTIONS = ENTERPRISE_KINDS.map((kind) => ({ value: kind, label: ENTERPRISE_KIND_LABELS[kind] }));
const SCALE_OPTIONS = ENTERPRISE_SCALES.map((scale) => ({ value: scale, label: ENTERPRISE_SCALE_LABELS[scale] }));

/** Platform (fixed for a platform user), kind, scale and a search on name or credit code. */
export function EnterpriseFilterForm({
  value,
  onChange,
  ownPlatform,
}: {
  value: FormValues;
  onChange: (filters: FormValues) => void;
  ownPlatform: PlatformKey | null;
}) {
  const [form] = Form.useForm<FormValues>();
  useEffect(() => {
    form.setFieldsValue({ platformKey: undefined, kind: undefined, scale: undefined, q: undefined, ...value });
  }, [form, value]);
  const submit = (values: FormValues) => {
    onChange(
      Object.fromEntries(
        Object.entries(values).filter(([, v]: [string, unknown]) => v !== undefined && v !== null && v !== ''),
      ),
    );
  };
  return (
    <Form<FormValues>
      form={form}
      layout="inline"
      onFinish={submit}
      style={{ rowGap: 12 }}
      data-testid="enterprise-filters"
    >
      {ownPlatform ? (
        <Form.Item label="平台" tooltip="平台用户只能查看本平台的企业">
          <Select
            value={ownPlatform}
            disabled
            options={[{ value: ownPlatform, label: platformShort(ownPlatform) }]}
            style={{ width: 120 }}
            data-testid="enterprise-filter-platform"
          />
        </Form.Item>
      ) : (
        <Form.Item name="platformKey" label="平台">
          <Select
            allowClear
            placeholder="全部"
            options={PLATFORM_FILTER_OPTIONS}
            style={{ width: 120 }}
            data-testid="enterprise-filter-platform"
          />
        </Form.Item>
      )}
      <Form.Item name="kind" label="企业类型">
        <Select
          allowClear
          placeholder="全部"
          options={KIND_OPTIONS}
          style={{ width: 130 }}
          data-testid="enterprise-filter-kind"
        />
      </Form.Item>
      <Form.Item name="scale" label="规模">
        <Select
          allowClear
          placeholder="全部"
          options={SCALE_OPTIONS}
          style={{ width: 100 }}
          data-testid="enterprise-filter-scale"
        />
      </Form.Item>
      <Form.Item name="q" label="搜索">
        <Input
          allowClear
          placeholder="企业名称或统一社会信用代码"
          style={{ width: 240 }}
          data-testid="enterprise-filter-q"
        />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" data-testid="enterprise-search">
          查询
        </Button>
        <Button
          onClick={() => {
            onChange({});
          }}
          data-testid="enterprise-reset"
        >
          重置
        </Button>
      </Space>
    </Form>
  );
}
