import { useEffect } from 'react';
import { Alert, Form, Input, Modal, Select, Switch } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  isPrivilegedRole,
  PLATFORMS,
  ROLE_LABELS,
  ROLES,
  roleNeedsPlatform,
  type PlatformKey,
  type Role,
  type User,
} from '@pgs/domain';
import { handleError, isStaleError } from '../../api/queryClient.ts';
import { PasswordHints, passwordPolicyRule } from '../../shared/PasswordHints.tsx';
import { createUser, updateUser, userKeys } from '../users.api.ts';
import { useFieldValue } from '../../shared/useFieldValue.ts';

type Values = {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  platformKey?: PlatformKey | null;
  disabled: boolean;
};

type Props = { open: boolean; user: User | null; onClose: () => void; onSaved: (user: User, created: boolean) => void };

/** Create a user (user === null) or change name, role, platform and the disabled flag of one. */
export function UserFormModal({ open, user, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const role = useFieldValue(form, 'role');
  const password = Form.useWatch('password', form);
  const username = useFieldValue(form, 'username') ?? user?.username;
  // 三员分立: the admin gives business roles only; an admin or auditor row keeps its own role in the list.
  const roleOptions = ROLES.filter((value) => !isPrivilegedRole(value) || (user !== null && user.role === value));
  const needsPlatform = role ? roleNeedsPlatform(role) : false;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (user)
      form.setFieldsValue({
        displayName: user.displayName,
        role: user.role,
        platformKey: user.platformKey,
        disabled: Boolean(user.disabled),
      });
  }, [open, user, form]);

  const mutation = useMutation({
    mutationFn: (values: Values) => {
      const platformKey = roleNeedsPlatform(values.role) ? (values.platformKey ?? null) : null;
      if (user) {
        return updateUser(user.id, {
          displayName: values.displayName.trim(),
          role: values.role,
          platformKey,
          disabled: values.disabled,
          version: user.version ?? 1,
        });
      }
      return createUser({
        username: values.username.trim(),
        password: values.password,
        displayName: values.displayName.trim(),
        role: values.role,
        platformKey,
      });
    },
    meta: { silent: true },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      onSaved(saved, !user);
    },
    onError: (error) => {
      // Someone changed this user meanwhile: toast, refetch the list, and close so the admin reopens fresh data.
      if (isStaleError(error)) {
        handleError(error);
        onClose();
      }
    },
  });
  useEffect(() => {
    if (open) mutation.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
  const error = mutation.error;

  return (
    <Modal
      title={user ? `编辑用户 ${user.username}` : '新建用户'}
      open={open}
      onCancel={onClose}
      onOk={() => {
        form.submit();
      }}
      okText="保存"
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {error && !isStaleError(error) && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} data-testid="user-form-error" title={error.message} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ disabled: false }}
        onFinish={(values) => {
          mutation.mutate(values);
        }}
        data-testid="user-form"
      >
        {!user && (
          <Form.Item
            name="username"
            label="用户名"
            rules={[
              { required: true, message: '请输入用户名' },
              { pattern: /^[a-zA-Z0-9_.-]{3,32}$/, message: '用户名应为 3–32 位字母、数字、下划线、点或连字符' },
            ]}
          >
            <Input autoComplete="off" data-testid="user-username" />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label="姓名"
          rules={[
            { required: true, whitespace: true, message: '请输入姓名' },
            { max: 50, message: '姓名不能超过 50 个字符' },
          ]}
        >
          <Input data-testid="user-display-name" />
        </Form.Item>
        {!user && (
          <Form.Item
            name="password"
            label="初始密码（临时密码，本人首次登录须修改）"
            rules={[{ required: true, message: '请输入初始密码' }, passwordPolicyRule(username)]}
            extra={<PasswordHints password={password} username={username} />}
          >
            <Input.Password autoComplete="new-password" data-testid="user-password" />
          </Form.Item>
        )}
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select
            options={roleOptions.map((value) => ({ value, label: ROLE_LABELS[value] }))}
            data-testid="user-role"
          />
        </Form.Item>
        {needsPlatform && (
          <Form.Item
            name="platformKey"
            label="所属平台"
            rules={[{ required: true, message: '平台管委会用户必须选择所属平台' }]}
          >
            <Select
              options={PLATFORMS.map((platform) => ({ value: platform.key, label: platform.name }))}
              data-testid="user-platform"
            />
          </Form.Item>
        )}
        {user && (
          <Form.Item name="disabled" label="停用账号" valuePropName="checked" extra="停用后该用户不能登录。">
            <Switch data-testid="user-disabled" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
