import { Alert, Button, Card, Form } from 'antd';
// Input and Password, not antd's Input with its Search, OTP and TextArea (issue #15: the login page's weight).
import Input from 'antd/es/input/Input';
import Password from 'antd/es/input/Password';
import { GlobalOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { CHANGE_PASSWORD_PATH, login, startSession, useMe } from '../session.ts';
import { useI18n } from '../../i18n/index.tsx';
import { HOME_PATH } from '../../app/paths.ts';
import { Paragraph, Title3 } from '../../shared/TextStyles.tsx';

type Values = { username: string; password: string };

function targetAfterLogin(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : HOME_PATH;
}

/** Sign-in: the server's own sentence is shown when it refuses (wrong password, account locked, disabled). */
export function LoginPage() {
  const { t, lang, setLang } = useI18n();
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const target = targetAfterLogin(location.state);
  const mutation = useMutation({
    mutationFn: (values: Values) => login(values.username.trim(), values.password),
    meta: { silent: true },
    onSuccess: (user) => {
      startSession(queryClient, user);
      // A password set by the admin is changed first (#10.11); the page then goes on to where the user was headed.
      void navigate(user.mustChangePassword ? CHANGE_PASSWORD_PATH : target, {
        replace: true,
        state: user.mustChangePassword ? { from: target } : undefined,
      });
    },
  });

  if (me.data) return <Navigate to={me.data.mustChangePassword ? CHANGE_PASSWORD_PATH : target} replace />;
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
      <div style={{ position: 'fixed', top: 16, right: 24 }}>
        <Button
          icon={<GlobalOutlined />}
          onClick={() => {
            setLang(lang === 'zh' ? 'en' : 'zh');
          }}
          data-testid="lang-switch"
        >
          {t('header.language')}
        </Button>
      </div>
      <Card style={{ width: 400 }} data-testid="login-card">
        <Title3 style={{ textAlign: 'center', marginBottom: 4 }}>{t('login.title')}</Title3>
        <Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('login.subtitle')}
        </Paragraph>
        {mutation.error && (
          <Alert
            type="error"
            showIcon
            title={mutation.error.message}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        )}
        <Form<Values>
          layout="vertical"
          onFinish={(values) => {
            mutation.mutate(values);
          }}
          requiredMark={false}
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={mutation.isPending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
