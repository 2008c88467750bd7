import { useState } from 'react';
import { App, Checkbox, Input, Modal, Table, Typography } from 'antd';
import { isOpenTargetStatus, type PlatformKey } from '@pgs/domain';
import { useQueryClient } from '@tanstack/react-query';
import { carryForward, targetKeys, useTargets } from '../targets.api.ts';
import { statusLabel, tierLabel } from '../target-labels.ts';
import { isApiError } from '../../api/client.ts';

type Props = {
  open: boolean;
  platformKey: PlatformKey;
  from: string;
  to: string;
  onClose: () => void;
  onDone: (quarter: string) => void;
};

/** Carry the last quarter forward (issue #13): every open target goes on unless left behind with a reason. */
export function CarryForwardModal({ open, platformKey, from, to, onClose, onDone }: Props) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const rows = useTargets({ platformKey, quarter: from }, 1, 500, open);
  const [left, setLeft] = useState<Record<number, string>>({});
  const [busy, setBusy] = useState(false);
  const open_ = (rows.data?.items ?? []).filter((row) => isOpenTargetStatus(row.status));
  const submit = async () => {
    const drops = Object.entries(left).map(([lineageId, reason]) => ({ lineageId: Number(lineageId), reason }));
    if (drops.some((drop) => !drop.reason.trim())) {
      message.error('请为每家不结转的企业填写原因');
      return;
    }
    setBusy(true);
    try {
      const result = await carryForward({ platformKey, quarter: to, drops });
      message.success(`已结转 ${result.carried} 家目标企业到 ${to}`);
      await queryClient.invalidateQueries({ queryKey: targetKeys.all });
      setLeft({});
      onDone(to);
    } catch (error) {
      message.error(isApiError(error) ? error.message : '结转失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={`从 ${from} 结转到 ${to}`}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="结转"
      cancelText="取消"
      confirmLoading={busy}
      width={760}
    >
      <Typography.Paragraph type="secondary">
        线索、接触、洽谈中的企业默认全部结转；已报项目和已放弃的企业留在 {from}
        。勾选“不结转”的企业须填写原因，原因会显示在新季度的变化中。
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="lineageId"
        loading={rows.isLoading}
        dataSource={open_}
        pagination={false}
        scroll={{ y: 360 }}
        data-testid="carry-forward-table"
        columns={[
          { title: '企业', dataIndex: 'name' },
          { title: '状态', dataIndex: 'status', width: 80, render: statusLabel },
          { title: '档次', dataIndex: 'tier', width: 100, render: tierLabel },
          {
            title: '不结转',
            width: 260,
            render: (_, row) => (
              <span>
                <Checkbox
                  checked={row.lineageId in left}
                  onChange={(event) => {
                    setLeft((current) => {
                      if (event.target.checked) return { ...current, [row.lineageId]: '' };
                      const { [row.lineageId]: _unchecked, ...rest } = current;
                      return rest;
                    });
                  }}
                />
                {row.lineageId in left && (
                  <Input
                    size="small"
                    style={{ width: 200, marginLeft: 8 }}
                    placeholder="不结转的原因（必填）"
                    value={left[row.lineageId]}
                    onChange={(event) => {
                      setLeft((current) => ({ ...current, [row.lineageId]: event.target.value }));
                    }}
                  />
                )}
              </span>
            ),
          },
        ]}
      />
    </Modal>
  );
}
