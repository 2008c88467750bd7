import { App, Alert, Form, Modal } from 'antd';
// Password alone, not antd's Input with its Search, OTP and TextArea (issue #15: the first page's weight).
import Password from 'antd/es/input/Password';
import { useMutation } from '@tanstack/react-query';
import { changeOwnPassword, useMe } from '../../auth/session.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PasswordHints, passwordPolicyRule } from '../../shared/PasswordHints.tsx';

type Values = { currentPassword: string; newPassword: string; confirm: string };

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const newPassword = Form.useWatch('newPassword', form);
  const username = useMe().data?.username;
  const mutation = useMutation({
    mutationFn: (values: Values) => changeOwnPassword(values.currentPassword, values.newPassword),
    meta: { silent: true },
    onSuccess: () => {
      message.success(t('password.changed'));
      form.resetFields();
      onClose();
    },
  });
  const close = () => {
    form.resetFields();
    mutation.reset();
    onClose();
  };
  return (
    <Modal
      title={t('password.title')}
      open={open}
      onCancel={close}
      onOk={() => {
        form.submit();
      }}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          mutation.mutate(values);
        }}
        data-testid="change-password-form"
      >
        {mutation.error && <Alert type="error" showIcon title={mutation.error.message} style={{ marginBottom: 16 }} />}
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('password.required') }]}
        >
          <Password autoComplete="current-password" data-testid="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          rules={[{ required: true, message: t('password.required') }, passwordPolicyRule(username)]}
          extra={<PasswordHints password={newPassword} username={username} />}
        >
          <Password autoComplete="new-password" data-testid="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.required') },
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Password autoComplete="new-password" data-testid="confirm-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
