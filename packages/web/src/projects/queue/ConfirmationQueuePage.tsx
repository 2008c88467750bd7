import { useState } from 'react';
import { App, Button, Card, Space, Table, Tabs, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import type { ClassifyCategory, ProjectEvaluationRecord, ProjectView } from '@pgs/domain';
import { api } from '../../api/client.ts';
import { CategoryTag } from '../../catalog/components/CategoryTag.tsx';
import { moveProject, projectKeys, useProjects } from '../projects.api.ts';
import { formatWan, platformShortName } from '../components/project-format.ts';
import { StatusTag } from '../components/StatusTag.tsx';
import { ReasonModal } from '../components/ReasonModal.tsx';

const baseColumns: TableColumnsType<ProjectView> = [
  { title: '编号', dataIndex: 'id', width: 70 },
  { title: '项目名称', dataIndex: 'name', render: (name: string, p) => <Link to={`/projects/${p.id}`}>{name}</Link> },
  { title: '平台', dataIndex: 'platformKey', width: 80, render: platformShortName },
  { title: '投资方', dataIndex: 'investorName', ellipsis: true },
  { title: '目录类别', dataIndex: 'category', width: 100, render: (c: ClassifyCategory) => <CategoryTag category={c} /> },
  { title: '总投资（万元）', dataIndex: 'totalInvestment', width: 130, align: 'right', render: formatWan },
];

/**
 * 盯引库确认 (R2.4, the bureau): projects whose evaluation is in wait for the bureau to confirm them into the tracking
 * library — only one that passed (D7) — or to reject them; a second tab lists negotiations past their window.
 */
export function ConfirmationQueuePage() {
  const [tab, setTab] = useState('pending');
  return (
    <Card>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'pending', label: '待确认入库', children: <PendingConfirmations /> },
          { key: 'overdue', label: '洽谈逾期', children: <OverdueNegotiations /> },
        ]}
      />
    </Card>
  );
}

function PendingConfirmations() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const pending = useProjects({ status: 'evaluated' }, 1, 200);
  const items = pending.data?.items ?? [];
  const evaluations = useQueries({
    queries: items.map((p) => ({ queryKey: projectKeys.evaluations(p.id), queryFn: () => api<ProjectEvaluationRecord[]>(`/projects/${p.id}/evaluations`) })),
  });
  const latestOf = new Map(items.map((p, i) => [p.id, evaluations[i]?.data?.[0]]));
  const [rejecting, setRejecting] = useState<ProjectView | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const move = async (project: ProjectView, to: 'tracked' | 'rejected', reason?: string) => {
    setBusy(project.id);
    try {
      await moveProject(project.id, { to, version: project.version, reason });
      message.success(to === 'tracked' ? `“${project.name}”已确认入盯引库` : `“${project.name}”已否决`);
      await queryClient.invalidateQueries({ queryKey: projectKeys.all });
      return true;
    } catch {
      return false;
    } finally {
      setBusy(null);
    }
  };

  const columns: TableColumnsType<ProjectView> = [
    ...baseColumns,
    {
      title: '准入评估',
      key: 'evaluation',
      width: 200,
      render: (_v, p) => {
        const latest = latestOf.get(p.id);
        if (!latest) return <Typography.Text type="secondary">加载中…</Typography.Text>;
        return (
          <Tooltip title={latest.reasons.join('；')}>
            <Tag color={latest.passes ? 'green' : 'red'}>{latest.passes ? '通过' : '未通过'}</Tag>
            {latest.total} 分 · {latest.reviewedOn}
          </Tooltip>
        );
      },
    },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      render: (_v, p) => {
        const latest = latestOf.get(p.id);
        return (
          <Space>
            <Tooltip title={latest && !latest.passes ? '最近一次准入评估未通过，不能确认入盯引库（R2.1）' : undefined}>
              <Button type="primary" size="small" disabled={!latest?.passes} loading={busy === p.id} onClick={() => void move(p, 'tracked')} data-testid={`queue-confirm-${p.id}`}>
                确认入库
              </Button>
            </Tooltip>
            <Button danger size="small" onClick={() => setRejecting(p)} data-testid={`queue-reject-${p.id}`}>
              否决
            </Button>
          </Space>
        );
      },
    },
  ];

  return (
    <>
      <Typography.Paragraph type="secondary">已完成准入评估、等待市招商局确认的项目（R2.4）。只有最近一次评估通过的项目可以确认入盯引库；确认之日起开始计算洽谈签约期限。</Typography.Paragraph>
      <Table<ProjectView> rowKey="id" size="middle" columns={columns} dataSource={items} loading={pending.isFetching} pagination={false} data-testid="queue-table" />
      <ReasonModal
        open={rejecting !== null}
        title={`否决项目：${rejecting?.name ?? ''}`}
        label="否决原因（R2.4 必填）"
        okText="否决"
        busy={busy !== null}
        onCancel={() => setRejecting(null)}
        onSubmit={async (reason) => {
          const moved = rejecting !== null && (await move(rejecting, 'rejected', reason));
          if (moved) setRejecting(null);
          return moved;
        }}
      />
    </>
  );
}

function OverdueNegotiations() {
  const overdue = useProjects({ overdue: 'true' }, 1, 200);
  const columns: TableColumnsType<ProjectView> = [
    ...baseColumns,
    { title: '阶段', dataIndex: 'status', width: 110, render: (s: ProjectView['status']) => <StatusTag status={s} /> },
    { title: '入库日期', dataIndex: 'trackedOn', width: 110 },
    { title: '签约期限', dataIndex: 'negotiationDeadline', width: 110, render: (d: string) => <Typography.Text type="danger">{d}</Typography.Text> },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">确认入盯引库后超过洽谈期限仍未签约的项目（R2.4），请督促平台推进或标记流失。</Typography.Paragraph>
      <Table<ProjectView> rowKey="id" size="middle" columns={columns} dataSource={overdue.data?.items ?? []} loading={overdue.isFetching} pagination={false} data-testid="overdue-table" />
    </>
  );
}
