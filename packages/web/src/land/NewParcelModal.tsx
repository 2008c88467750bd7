import { useState } from 'react';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import type { PlatformKey } from '@pgs/domain';
import { useNavigate } from 'react-router';
import { handleError } from '../api/queryClient.ts';
import { PLATFORM_OPTIONS } from '../projects/components/project-format.ts';
import { createParcel, landKeys } from './land.api.ts';

type Values = {
  code: string;
  platformKey: PlatformKey;
  area?: string;
  areaM2?: string;
  plannedUse: string;
  district?: string;
  address?: string;
  approvedOn: Dayjs;
  approvalDocument: string;
  responsiblePerson: string;
  deadline?: Dayjs;
  contact?: string;
};

/** 登记批而未供地块: the fields of POST /parcels; the server's refusal (with the field) is shown as it says it. */
export function NewParcelModal(props: { open: boolean; onClose: () => void; fixedPlatform?: PlatformKey | null }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form already marks the fields to fill; nothing to send
    }
    setSaving(true);
    try {
      const created = await createParcel({
        ...values,
        platformKey: props.fixedPlatform ?? values.platformKey,
        area: values.area || undefined,
        areaM2: values.areaM2 || undefined,
        approvedOn: values.approvedOn.format('YYYY-MM-DD'),
        deadline: values.deadline?.format('YYYY-MM-DD'),
      });
      await queryClient.invalidateQueries({ queryKey: landKeys.all });
      form.resetFields();
      props.onClose();
      void navigate(`/parcels/${created.id}`);
    } catch (error) {
      handleError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title="登记批而未供地块"
      open={props.open}
      onCancel={props.onClose}
      onOk={() => {
        void submit(); // submit reports its own failures (field marks, handleError)
      }}
      okText="登记"
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'parcel-create-ok' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ platformKey: props.fixedPlatform ?? undefined, plannedUse: '工业用地' }}
      >
        <Form.Item name="code" label="地块编号" rules={[{ required: true, message: '请填写地块编号' }]}>
          <Input data-testid="parcel-code" placeholder="如 ZN-2026-001" />
        </Form.Item>
        {!props.fixedPlatform && (
          <Form.Item name="platformKey" label="所属平台" rules={[{ required: true, message: '请选择平台' }]}>
            <Select options={PLATFORM_OPTIONS} data-testid="parcel-platform" />
          </Form.Item>
        )}
        <Form.Item
          name="area"
          label="面积（亩）"
          extra="可改填平方米，系统按 1 亩 = 10000/15 平方米精确换算"
          rules={[{ pattern: /^\d+(\.\d+)?$/, message: '面积必须是数字' }]}
        >
          <Input data-testid="parcel-area" />
        </Form.Item>
        <Form.Item
          name="areaM2"
          label="面积（平方米）"
          rules={[{ pattern: /^\d+(\.\d+)?$/, message: '面积必须是数字' }]}
        >
          <Input data-testid="parcel-area-m2" />
        </Form.Item>
        <Form.Item name="plannedUse" label="规划用途" rules={[{ required: true, message: '请填写规划用途' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="district" label="所在区县">
          <Input />
        </Form.Item>
        <Form.Item name="address" label="地址">
          <Input />
        </Form.Item>
        <Form.Item name="approvedOn" label="批准日期" rules={[{ required: true, message: '请选择批准日期' }]}>
          <DatePicker data-testid="parcel-approved-on" />
        </Form.Item>
        <Form.Item name="approvalDocument" label="批准文号" rules={[{ required: true, message: '请填写批准文号' }]}>
          <Input data-testid="parcel-document" />
        </Form.Item>
        <Form.Item name="responsiblePerson" label="责任人" rules={[{ required: true, message: '请填写责任人' }]}>
          <Input data-testid="parcel-person" />
        </Form.Item>
        <Form.Item name="deadline" label="供地期限">
          <DatePicker />
        </Form.Item>
        <Form.Item name="contact" label="招商联系方式（公开时显示）">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
