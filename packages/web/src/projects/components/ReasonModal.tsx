import { Form, Input, Modal } from 'antd';

type Props = {
  open: boolean;
  title: string;
  label: string;
  okText: string;
  busy: boolean;
  testId?: string;
  onCancel: () => void;
  /** Resolves true when the server took it (the modal closes), false to keep it open. */
  onSubmit: (reason: string) => Promise<boolean>;
};

/** Asks for the reason R2.4 requires before a project is closed as lost or rejected. */
export function ReasonModal({ open, title, label, okText, busy, testId, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger: true, loading: busy, ...(testId ? { 'data-testid': `${testId}-confirm` } : {}) }}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={async ({ reason }) => void (await onSubmit(reason))}>
        <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, message: '请填写原因' }, { max: 2000, message: '原因不能超过 2000 个字' }]}>
          <Input.TextArea rows={3} data-testid={testId ? `${testId}-reason` : undefined} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
