import { useState } from 'react';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { handleError } from '../api/queryClient.ts';
import { landKeys, parcelAction } from './land.api.ts';
import type { ActionSpec } from './parcel-actions.ts';

/** One move of the parcel's life: its fields, the version the user saw, and the server's refusal shown as said. */
export function ParcelActionModal(props: {
  spec: ActionSpec | null;
  parcelId: number;
  version: number;
  onClose: () => void;
  extra?: Record<string, unknown>;
}) {
  const [form] = Form.useForm<Record<string, unknown>>();
  const [saving, setSaving] = useState(false);
  const queryClient = useQueryClient();
  const spec = props.spec;
  const submit = async () => {
    if (!spec) return;
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form already marks the fields to fill; nothing to send
    }
    const body: Record<string, unknown> = { ...props.extra, version: props.version };
    for (const field of spec.fields) {
      const value = values[field.name];
      if (value === undefined || value === null || value === '') continue;
      body[field.name] =
        field.kind === 'date' && dayjs.isDayjs(value)
          ? value.format('YYYY-MM-DD')
          : typeof value === 'string'
            ? value.trim()
            : value;
    }
    setSaving(true);
    try {
      await parcelAction(props.parcelId, spec.path, body);
      await queryClient.invalidateQueries({ queryKey: landKeys.all });
      form.resetFields();
      props.onClose();
    } catch (error) {
      handleError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title={spec?.label}
      open={spec !== null}
      onCancel={props.onClose}
      onOk={() => {
        void submit(); // submit reports its own failures (field marks, handleError)
      }}
      okText="保存"
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'parcel-action-ok' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        {spec?.fields.map((field) => (
          <Form.Item
            key={field.name}
            name={field.name}
            label={field.label}
            extra={field.extra}
            rules={[
              ...(field.required ? [{ required: true, message: `请填写${field.label}` }] : []),
              ...(field.kind === 'number' ? [{ pattern: /^\d+(\.\d+)?$/, message: `${field.label}必须是数字` }] : []),
            ]}
          >
            {field.kind === 'date' ? (
              <DatePicker data-testid={`action-${field.name}`} />
            ) : field.kind === 'select' ? (
              <Select
                data-testid={`action-${field.name}`}
                options={Object.entries(field.options ?? {}).map(([value, label]) => ({ value, label }))}
              />
            ) : (
              <Input data-testid={`action-${field.name}`} />
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
