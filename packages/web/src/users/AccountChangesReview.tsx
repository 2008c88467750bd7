import { useState } from 'react';
import { App, Badge, Button, Card, Empty, Space, Tag, theme } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AccountChange } from '@pgs/domain';
import { formatDateTime } from '../shared/format.ts';
import { PlainList } from '../shared/PlainList.tsx';
import { accountChangeKeys, reviewAccountChange, useUnreviewedAccountChanges } from './account-changes.api.ts';
import { Text } from '../shared/TextStyles.tsx';

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
  const { token } = theme.useToken();
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
      <PlainList<AccountChange>
        size="default"
        loading={changes.isPending}
        items={items}
        rowKey={(change) => change.id}
        rowTestId={(change) => `account-change-${change.id}`}
        emptyText={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有待审阅的账号变更" />}
        renderItem={(change) => (
          <>
            {/* The markup and styles of antd's List.Item.Meta and its actions, without the List (see PlainList). */}
            <div style={{ display: 'flex', flex: 1, alignItems: 'flex-start', maxWidth: '100%' }}>
              <div style={{ flex: '1 0', width: 0, color: token.colorText }}>
                <h4
                  style={{
                    margin: `0 0 ${token.marginXXS}px 0`,
                    color: token.colorText,
                    fontSize: token.fontSize,
                    lineHeight: token.lineHeight,
                  }}
                >
                  <Space>
                    <Tag color={KIND_COLORS[change.kind]}>{change.kindLabel}</Tag>
                    <Text strong>{change.username}</Text>
                  </Space>
                </h4>
                <div
                  style={{ color: token.colorTextDescription, fontSize: token.fontSize, lineHeight: token.lineHeight }}
                >
                  <Space orientation="vertical" size={0}>
                    <Text>{change.description}</Text>
                    <Text type="secondary">
                      {formatDateTime(change.at)} · 操作人：{change.actorDisplayName}（{change.actorName}）
                    </Text>
                  </Space>
                </div>
              </div>
            </div>
            <ul
              style={{
                flex: '0 0 auto',
                marginBlock: 0,
                marginInlineStart: token.marginXXL,
                padding: 0,
                fontSize: 0,
                listStyle: 'none',
              }}
            >
              <li
                style={{
                  position: 'relative',
                  display: 'inline-block',
                  padding: `0 ${token.paddingXS}px 0 0`,
                  color: token.colorTextDescription,
                  fontSize: token.fontSize,
                  lineHeight: token.lineHeight,
                  textAlign: 'center',
                }}
              >
                <Button
                  icon={<CheckOutlined />}
                  disabled={marking !== null}
                  loading={marking === change.id}
                  onClick={() => {
                    mutation.mutate(change.id);
                  }}
                  data-testid={`account-change-review-${change.id}`}
                >
                  已审阅
                </Button>
              </li>
            </ul>
          </>
        )}
      />
    </Card>
  );
}
