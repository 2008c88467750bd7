import { useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PLATFORMS, ROLE_LABELS, type Role, type User } from '@pgs/domain';
import { formatDateTime, isInFuture } from '../../shared/format.ts';
import { PagedTable } from '../../shared/PagedTable.tsx';
import { usePaging } from '../../shared/usePaging.ts';
import { unlockUser, userKeys, useUsers } from '../users.api.ts';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { UserFormModal } from './UserFormModal.tsx';

function UserStatus({ user }: { user: User }) {
  if (user.disabled) return <Tag color="default">已停用</Tag>;
  if (isInFuture(user.lockedUntil)) return <Tag color="red">已锁定至 {formatDateTime(user.lockedUntil)}</Tag>;
  if (user.mustChangePassword) return <Tag color="orange">待本人修改密码</Tag>;
  return <Tag color="green">正常</Tag>;
}

/** 用户管理 (admin): accounts, roles and platforms; separation of duties keeps this away from business roles. */
export function UsersPage() {
  const { message } = App.useApp();
  const paging = usePaging(20);
  const [editing, setEditing] = useState<{ user: User | null } | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const users = useUsers(paging.page, paging.pageSize);
  const queryClient = useQueryClient();
  const unlock = useMutation({
    mutationFn: (user: User) => unlockUser(user.id),
    onSuccess: (_nothing, user) => {
      void message.success(`已解除 ${user.displayName}（${user.username}）的登录锁定`);
    },
    // Refreshed either way: on 409 someone else unlocked it (or the lock ran out), and the list should say so.
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });

  const columns: TableColumnsType<User> = [
    { title: '用户名', dataIndex: 'username' },
    { title: '姓名', dataIndex: 'displayName' },
    { title: '角色', dataIndex: 'role', render: (role: Role) => ROLE_LABELS[role] },
    {
      title: '平台',
      dataIndex: 'platformKey',
      render: (key: User['platformKey']) =>
        key ? (PLATFORMS.find((platform) => platform.key === key)?.name ?? key) : '—',
    },
    { title: '状态', key: 'status', render: (_value, user) => <UserStatus user={user} /> },
    { title: '创建时间', dataIndex: 'createdAt', render: (value: string | undefined) => formatDateTime(value) },
    {
      title: '操作',
      key: 'actions',
      width: 220,
      render: (_value, user) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            onClick={() => {
              setEditing({ user });
            }}
            data-testid={`edit-user-${user.username}`}
          >
            编辑
          </Button>
          <Button
            type="link"
            size="small"
            onClick={() => {
              setResetting(user);
            }}
            data-testid={`reset-password-${user.username}`}
          >
            重置密码
          </Button>
          {isInFuture(user.lockedUntil) && (
            <Popconfirm
              title={`解除 ${user.displayName} 的登录锁定？`}
              description="解锁后该账号可立即再次尝试登录。"
              okText="解锁"
              cancelText="取消"
              onConfirm={() => {
                unlock.mutate(user);
              }}
            >
              <Button
                type="link"
                size="small"
                icon={<UnlockOutlined />}
                disabled={unlock.isPending}
                data-testid={`unlock-${user.username}`}
              >
                解锁
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            setEditing({ user: null });
          }}
          data-testid="user-create-button"
        >
          新建用户
        </Button>
      }
    >
      <div data-testid="users-table">
        <PagedTable<User>
          rowKey="id"
          columns={columns}
          query={users}
          paging={paging}
          pageSizeOptions={[10, 20, 50, 100]}
          totalText={(total) => `共 ${total} 个用户`}
        />
      </div>
      <UserFormModal
        open={editing !== null}
        user={editing?.user ?? null}
        onClose={() => {
          setEditing(null);
        }}
        onSaved={(user, created) => {
          setEditing(null);
          message.success(created ? `已创建用户 ${user.username}` : `已保存用户 ${user.username}`);
        }}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={() => {
          setResetting(null);
        }}
      />
    </Card>
  );
}
