import { lazy, Suspense, useState } from 'react';
import { App, Button, Space, Tag } from 'antd';
import { GlobalOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { forgetSession, logout, type SessionUser } from '../../auth/session.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Text } from '../../shared/TextStyles.tsx';

// The password form (antd's Form, the policy hints) arrives with the first click on 修改密码: no first page shows it
// (issue #15, the first page's weight).
const ChangePasswordModal = lazy(() =>
  import('./ChangePasswordModal.tsx').then((m) => ({ default: m.ChangePasswordModal })),
);

/** Who is signed in (name, role, platform), password change, sign-out and the language switch. */
export function HeaderBar({ user }: { user: SessionUser }) {
  const { t, lang, setLang, roleLabel, platformLabel } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [passwordOpen, setPasswordOpen] = useState(false);
  // Kept once opened, so the modal's closing animation plays.
  const [passwordWanted, setPasswordWanted] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const platform = platformLabel(user.platformKey);

  const signOut = async () => {
    setLeaving(true);
    try {
      await logout();
    } catch {
      // the session is gone either way; the login page follows
    } finally {
      setLeaving(false);
      // Leave first: forgetting the session while on a page would send the guard to /login with this page as
      // "come back to", and the next user to sign in would land on the last user's page.
      void navigate('/login', { replace: true });
      forgetSession(queryClient);
      message.success(t('header.loggedOut'));
    }
  };

  return (
    <Space size="middle" wrap data-testid="header-bar">
      <Space size={4}>
        <UserOutlined />
        <Text strong data-testid="header-user">
          {user.displayName}
        </Text>
      </Space>
      <Tag color="blue" data-testid="header-role">
        {roleLabel(user.role)}
      </Tag>
      {platform && (
        <Tag color="geekblue" data-testid="header-platform">
          {platform}
        </Tag>
      )}
      <Button
        type="text"
        icon={<KeyOutlined />}
        onClick={() => {
          setPasswordWanted(true);
          setPasswordOpen(true);
        }}
        data-testid="change-password-button"
      >
        {t('header.changePassword')}
      </Button>
      <Button
        type="text"
        icon={<LogoutOutlined />}
        loading={leaving}
        onClick={() => void signOut()}
        data-testid="logout-button"
      >
        {t('header.logout')}
      </Button>
      <Button
        icon={<GlobalOutlined />}
        onClick={() => {
          setLang(lang === 'zh' ? 'en' : 'zh');
        }}
        data-testid="lang-switch"
      >
        {t('header.language')}
      </Button>
      {/* Always an element: the header's Space keeps the (empty) last item the modal has always stood in. */}
      <Suspense fallback={null}>
        {passwordWanted && (
          <ChangePasswordModal
            open={passwordOpen}
            onClose={() => {
              setPasswordOpen(false);
            }}
          />
        )}
      </Suspense>
    </Space>
  );
}
