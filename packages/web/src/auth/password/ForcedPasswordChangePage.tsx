import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, LogoutOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { PasswordHints, passwordPolicyRule } from '../../shared/PasswordHints.tsx';
import { changeOwnPassword, forgetSession, logout, passwordChanged, useMe } from '../session.ts';
import { HOME_PATH } from '../../app/paths.ts';

type Values = { currentPassword: string; newPassword: string; confirm: string };

function targetAfterChange(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' &&
    from.startsWith('/') &&
    !from.startsWith('/login') &&
    !from.startsWith('/change-password')
    ? from
    : HOME_PATH;
}

/**
 * 修改临时密码 (#10.11): a password the admin set is changed right after sign-in, before any other page opens
 * (the server answers 403 elsewhere until then). The server's refusal (a common or reused password) is shown.
 */
export function ForcedPasswordChangePage() {
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<Values>();
  const newPassword = Form.useWatch('newPassword', form);
  const username = me.data?.username;
  const mutation = useMutation({
    mutationFn: (values: Values) => changeOwnPassword(values.currentPassword, values.newPassword),
    meta: { silent: true },
    onSuccess: () => {
      passwordChanged(queryClient);
      message.success('密码已修改');
      void navigate(targetAfterChange(location.state), { replace: true });
    },
  });
  const signOut = async () => {
    try {
      await logout();
    } finally {
      void navigate('/login', { replace: true });
      forgetSession(queryClient);
    }
  };

  if (me.isPending) return null;
  if (!me.data) return <Navigate to="/login" replace />;
  if (!me.data.mustChangePassword) return <Navigate to={targetAfterChange(location.state)} replace />;
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: '#eef2f7',
      }}
    >
      <Card style={{ width: 460 }} data-testid="forced-password-card">
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          请先修改密码
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {me.data.displayName}（{me.data.username}
          ），您的密码由管理员设置，是临时密码。请设置一个只有您自己知道的新密码后再继续使用。
        </Typography.Paragraph>
        {mutation.error && (
          <Alert
            type="error"
            showIcon
            title={mutation.error.message}
            style={{ marginBottom: 16 }}
            data-testid="forced-password-error"
          />
        )}
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(values) => {
            mutation.mutate(values);
          }}
          requiredMark={false}
          data-testid="forced-password-form"
        >
          <Form.Item
            name="currentPassword"
            label="临时密码"
            rules={[{ required: true, message: '请输入管理员给您的临时密码' }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="forced-current-password"
            />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label="新密码"
            rules={[{ required: true, message: '请输入新密码' }, passwordPolicyRule(username)]}
            extra={<PasswordHints password={newPassword} username={username} />}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="forced-new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label="确认新密码"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: (_rule, value) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error('两次输入的新密码不一致')),
              }),
            ]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="new-password"
              data-testid="forced-confirm-password"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={mutation.isPending}
            data-testid="forced-password-submit"
          >
            修改密码并继续
          </Button>
        </Form>
        <Button
          type="link"
          block
          icon={<LogoutOutlined />}
          onClick={() => void signOut()}
          style={{ marginTop: 8 }}
          data-testid="forced-password-logout"
        >
          退出登录
        </Button>
      </Card>
    </div>
  );
}
