import { useState } from 'react';
import { Button, Card, Space, Table, Tabs, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useQueries } from '@tanstack/react-query';
import { plainText, type ClassifyCategory, type ProjectEvaluationRecord, type ProjectView } from '@pgs/domain';
import { api } from '../../api/client.ts';
import { CategoryTag } from '../../catalog/components/CategoryTag.tsx';
import { projectKeys, useProjects } from '../projects.api.ts';
import { formatWan, platformShortName } from '../components/project-format.ts';
import { StatusTag } from '../components/StatusTag.tsx';
import { StageMoveModal, type StageMove } from '../components/StageMoveModal.tsx';

const baseColumns: TableColumnsType<ProjectView> = [
  { title: '编号', dataIndex: 'id', width: 70 },
  {
    title: '项目名称',
    dataIndex: 'name',
    ellipsis: { showTitle: false },
    render: (name: string, p) => (
      <Tooltip title={name}>
        <Link to={`/projects/${p.id}`}>{name}</Link>
      </Tooltip>
    ),
  },
  { title: '平台', dataIndex: 'platformKey', width: 80, render: platformShortName },
  { title: '投资方', dataIndex: 'investorName', ellipsis: true },
  {
    title: '目录类别',
    dataIndex: 'category',
    width: 100,
    render: (c: ClassifyCategory) => <CategoryTag category={c} />,
  },
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
  const pending = useProjects({ status: 'evaluated' }, 1, 200);
  const items = pending.data?.items ?? [];
  const evaluations = useQueries({
    queries: items.map((p) => ({
      queryKey: projectKeys.evaluations(p.id),
      queryFn: () => api<ProjectEvaluationRecord[]>(`/projects/${p.id}/evaluations`),
    })),
  });
  const latestOf = new Map(items.map((p, i) => [p.id, evaluations[i]?.data?.[0]]));
  const [moving, setMoving] = useState<StageMove | null>(null);
  // A row once confirmed or rejected stays disabled until the list has been fetched again, so a double click
  // cannot act on the project that slides into its place (issue #9).
  // Kept with the fetch it belongs to: a newer fetch starts from an empty set (computed, not reset in an effect).
  const [doneOf, setDoneOf] = useState<{ at: number; ids: ReadonlySet<number> }>({ at: 0, ids: new Set() });
  const done: ReadonlySet<number> = doneOf.at === pending.dataUpdatedAt ? doneOf.ids : new Set();
  const busy = (id: number) => done.has(id) || moving !== null;

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
          <Tooltip title={latest.reasons.map(plainText).join('；')}>
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
            <Tooltip title={latest && !latest.passes ? '最近一次准入评估未通过，不能确认入盯引库' : undefined}>
              <Button
                type="primary"
                size="small"
                disabled={!latest?.passes || busy(p.id)}
                onClick={() => {
                  setMoving({ project: p, to: 'tracked' });
                }}
                data-testid={`queue-confirm-${p.id}`}
              >
                确认入库
              </Button>
            </Tooltip>
            <Button
              danger
              size="small"
              disabled={busy(p.id)}
              onClick={() => {
                setMoving({ project: p, to: 'rejected' });
              }}
              data-testid={`queue-reject-${p.id}`}
            >
              否决
            </Button>
          </Space>
        );
      },
    },
  ];

  return (
    <>
      <Typography.Paragraph type="secondary">
        已完成准入评估、等待市招商局确认的项目。只有最近一次评估通过的项目可以确认入盯引库；确认之日起开始计算洽谈签约期限。
      </Typography.Paragraph>
      <Table<ProjectView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={pending.isFetching}
        pagination={false}
        data-testid="queue-table"
      />
      <StageMoveModal
        move={moving}
        onClose={() => {
          setMoving(null);
        }}
        onMoved={(id) => {
          setDoneOf((current) => ({
            at: pending.dataUpdatedAt,
            ids: new Set([...(current.at === pending.dataUpdatedAt ? current.ids : []), id]),
          }));
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
    {
      title: '签约期限',
      dataIndex: 'negotiationDeadline',
      width: 110,
      render: (d: string) => <Typography.Text type="danger">{d}</Typography.Text>,
    },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">
        确认入盯引库后超过洽谈期限仍未签约的项目，请督促平台推进或标记流失。
      </Typography.Paragraph>
      <Table<ProjectView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={overdue.data?.items ?? []}
        loading={overdue.isFetching}
        pagination={false}
        data-testid="overdue-table"
      />
    </>
  );
}
