import { useEffect } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { User } from '@pgs/domain';
import { PasswordHints, passwordPolicyRule } from '../../shared/PasswordHints.tsx';
import { resetPassword, userKeys } from '../users.api.ts';

/** 重置密码 (also unlocks a locked account): the admin sets a new password that meets the policy like any other. */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ password: string }>();
  const password = Form.useWatch('password', form);
  // The form's store outlives the modal's content: empty it for every user, so no password typed for one reaches another.
  useEffect(() => {
    form.resetFields();
  }, [user, form]);
  const mutation = useMutation({
    mutationFn: (value: string) => resetPassword(user!.id, value),
    meta: { silent: true },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      message.success(`已重置 ${user?.displayName ?? ''} 的密码`);
      onClose();
    },
  });
  return (
    <Modal
      title={user ? `重置密码：${user.displayName}（${user.username}）` : '重置密码'}
      open={user !== null}
      onCancel={() => {
        mutation.reset();
        onClose();
      }}
      onOk={() => {
        form.submit();
      }}
      okText="重置"
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        重置后的密码是临时密码：本人下次登录须先修改密码。重置同时解除登录锁定，并结束该账号的全部会话。请将新密码当面或经安全渠道告知本人。
      </Typography.Paragraph>
      {mutation.error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={mutation.error.message} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          mutation.mutate(values.password);
        }}
        data-testid="reset-password-form"
      >
        <Form.Item
          name="password"
          label="新密码"
          rules={[{ required: true, message: '请输入新密码' }, passwordPolicyRule(user?.username)]}
          extra={<PasswordHints password={password} username={user?.username} />}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-password-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
