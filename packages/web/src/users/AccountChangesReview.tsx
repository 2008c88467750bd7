import { useState } from 'react';
import { App, Badge, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AccountChange } from '@pgs/domain';
import { formatDateTime } from '../shared/format.ts';
import { accountChangeKeys, reviewAccountChange, useUnreviewedAccountChanges } from './account-changes.api.ts';

const KIND_COLORS: Record<AccountChange['kind'], string> = {
  create: 'blue',
  update: 'gold',
  reset_password: 'red',
  unlock: 'green',
};

/**
 * 账号变更待审阅 (三员分立, #10.11): every account and role change the admin or the operator made, for the auditor
 * to review one by one. A card of its own, so it can sit on the auditor's home page.
 */
export function AccountChangesReview() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const changes = useUnreviewedAccountChanges();
  // The row being marked: its button stays disabled until the list is fresh, so a double click marks nothing else.
  const [marking, setMarking] = useState<number | null>(null);
  const mutation = useMutation({
    mutationFn: reviewAccountChange,
    onMutate: (id) => {
      setMarking(id);
    },
    // Not returned: antd's message is a thenable that settles when the toast closes, and would hold the refresh back.
    onSuccess: (change) => {
      void message.success(`已审阅：${change.kindLabel} ${change.username}`);
    },
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: accountChangeKeys.all });
      setMarking(null);
    },
  });
  const items = changes.data?.items ?? [];
  return (
    <Card
      title={
        <Space>
          账号变更待审阅
          <Badge
            count={changes.data?.total ?? 0}
            showZero
            color={items.length ? '#cf1322' : '#52c41a'}
            data-testid="account-changes-count"
          />
        </Space>
      }
      data-testid="account-changes-review"
    >
      <List<AccountChange>
        loading={changes.isPending}
        dataSource={items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有待审阅的账号变更" /> }}
        renderItem={(change) => (
          <List.Item
            data-testid={`account-change-${change.id}`}
            actions={[
              <Button
                key="review"
                icon={<CheckOutlined />}
                disabled={marking !== null}
                loading={marking === change.id}
                onClick={() => {
                  mutation.mutate(change.id);
                }}
                data-testid={`account-change-review-${change.id}`}
              >
                已审阅
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space>
                  <Tag color={KIND_COLORS[change.kind]}>{change.kindLabel}</Tag>
                  <Typography.Text strong>{change.username}</Typography.Text>
                </Space>
              }
              description={
                <Space orientation="vertical" size={0}>
                  <Typography.Text>{change.description}</Typography.Text>
                  <Typography.Text type="secondary">
                    {formatDateTime(change.at)} · 操作人：{change.actorDisplayName}（{change.actorName}）
                  </Typography.Text>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
