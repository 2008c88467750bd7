import { useRef, useState } from 'react';
import { Alert, Button, Card } from 'antd';
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
import { fieldInputProps, VerticalForm, VerticalFormItem, type FieldStatus } from './LoginFormParts.tsx';

type Values = { username: string; password: string };
type Field = keyof Values;

/** antd's `required` rule (and `whitespace` for the username): the message key of what is missing, or null. */
function missing(field: Field, value: string): 'login.usernameRequired' | 'login.passwordRequired' | null {
  if (field === 'username') return value.trim() === '' ? 'login.usernameRequired' : null;
  return value === '' ? 'login.passwordRequired' : null;
}

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
  const [values, setValues] = useState<Values>({ username: '', password: '' });
  // As antd's Form: a field shows its rule's message once checked (changed, or a submit tried), then on every change.
  const [checked, setChecked] = useState<Record<Field, boolean>>({ username: false, password: false });
  const [changed, setChanged] = useState<Record<Field, boolean>>({ username: false, password: false });
  // One request for a double click or Enter pressed twice: the button's loading state comes one render later.
  const sending = useRef(false);
  const mutation = useMutation({
    mutationFn: (values: Values) => login(values.username.trim(), values.password),
    meta: { silent: true },
    onSettled: () => {
      sending.current = false;
    },
    onSuccess: (user) => {
      startSession(queryClient, user);
      // A password set by the admin is changed first (#10.11); the page then goes on to where the user was headed.
      void navigate(user.mustChangePassword ? CHANGE_PASSWORD_PATH : target, {
        replace: true,
        state: user.mustChangePassword ? { from: target } : undefined,
      });
    },
  });

  const status = (field: Field): FieldStatus => {
    const rule = checked[field] ? missing(field, values[field]) : null;
    return { error: rule && t(rule), changed: changed[field] };
  };
  const change = (field: Field, value: string) => {
    setValues((before) => ({ ...before, [field]: value }));
    setChecked((before) => ({ ...before, [field]: true }));
    setChanged((before) => ({ ...before, [field]: true }));
  };
  const submit = () => {
    setChecked({ username: true, password: true });
    if (missing('username', values.username) || missing('password', values.password)) return;
    if (sending.current) return;
    sending.current = true;
    mutation.mutate(values);
  };

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
        <VerticalForm onSubmit={submit}>
          <VerticalFormItem id="username" label={t('login.username')} status={status('username')}>
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              data-testid="login-username"
              {...fieldInputProps('username', status('username'))}
              value={values.username}
              onChange={(event) => {
                change('username', event.target.value);
              }}
            />
          </VerticalFormItem>
          <VerticalFormItem id="password" label={t('login.password')} status={status('password')}>
            <Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
              {...fieldInputProps('password', status('password'))}
              value={values.password}
              onChange={(event) => {
                change('password', event.target.value);
              }}
            />
          </VerticalFormItem>
          <Button type="primary" htmlType="submit" block loading={mutation.isPending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </VerticalForm>
      </Card>
    </div>
  );
}
