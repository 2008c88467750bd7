import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Modal,
  Progress,
  Space,
  Spin,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { PlayCircleOutlined, SettingOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { can } from '@pgs/domain/platform/roles';
import { EVALUATION_CLASSES } from '@pgs/domain';
import { useMe } from '../../auth/session.ts';
import { formatDateTime } from '../../shared/format.ts';
import {
  RUN_PROGRESS_PHASE_LABELS,
  runProgressPercent,
  type RunProgress,
} from '@pgs/domain/mu-evaluation/run-progress';
import { newProgressKey } from '../../shared/usePolledProgress.ts';
import {
  evaluationKeys,
  runEvaluation,
  useRun,
  useRunProgress,
  useRuns,
  type EvaluationRunView,
} from '../mu-evaluation.api.ts';
import { ownPlatformOf, platformFull } from '../../enterprises/components/enterprise-format.ts';
import { useSelectedYear, YearSelect } from '../../enterprises/components/YearSelect.tsx';
import { RunStatusTag } from './RunStatusTag.tsx';
import { RunSummary } from './RunSummary.tsx';
import { runLabel } from './run-label.ts';
import { PartBoundary } from '../../shared/PartBoundary.tsx';
import { countsFor } from './run-counts.ts';

/** Seconds since `running` turned true, for the wait dialog (the server answers only once the run is written). */
function useElapsed(running: boolean): number {
  const [elapsed, setElapsed] = useState(0);
  // A new run starts at 0 s: reset while rendering when `running` turns true (React's "adjust state on a prop change").
  const [wasRunning, setWasRunning] = useState(running);
  if (running !== wasRunning) {
    setWasRunning(running);
    if (running) setElapsed(0);
  }
  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    const timer = setInterval(() => {
      setElapsed(Math.floor((Date.now() - started) / 1000));
    }, 500);
    return () => {
      clearInterval(timer);
    };
  }, [running]);
  return elapsed;
}

/** What the run is doing, in the words of the wait dialog: the phase and, where it counts items, how many. */
function progressSentence(progress: RunProgress): string {
  const label = RUN_PROGRESS_PHASE_LABELS[progress.phase];
  if (progress.phase === 'reading')
    return `${label}：已读取 ${progress.done.toLocaleString('zh-CN')} / ${progress.total.toLocaleString('zh-CN')} 家`;
  if (progress.phase === 'writing')
    return `${label}：已保存 ${progress.done.toLocaleString('zh-CN')} / ${progress.total.toLocaleString('zh-CN')} 条`;
  return label;
}

/** 评价运行与发布 (R3.2, D17): the eitc runs the year's evaluation, checks it and publishes it; others read. */
export function MuEvaluationRunsPage() {
  const { data: me } = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const { year, setYear, years } = useSelectedYear();
  const runs = useRuns(year);
  const canManage = Boolean(me && can(me.role, 'evaluations.manage'));
  const ownPlatform = ownPlatformOf(me);
  const fromUrl = Number(search.get('run'));
  const runId =
    Number.isInteger(fromUrl) && fromUrl > 0
      ? fromUrl
      : (runs.data?.find((run) => run.status === 'published')?.id ?? runs.data?.[0]?.id ?? null);
  const run = useRun(runId);
  const enterpriseCount = years.find((each) => each.year === year)?.count;

  const choose = (id: number) => {
    setSearch(
      (current) => {
        const params = new URLSearchParams(current);
        params.set('run', String(id));
        if (year !== undefined) params.set('year', String(year));
        // Another run's results start at their first page.
        params.delete('page');
        return params;
      },
      { replace: true },
    );
  };
  const [progressKey, setProgressKey] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () => {
      const key = newProgressKey();
      setProgressKey(key);
      return runEvaluation(year ?? 0, key);
    },
    onSuccess: (created) => {
      message.success(`已完成${runLabel(created)}评价，请核对后发布`);
      void queryClient.invalidateQueries({ queryKey: evaluationKeys.runs(created.year) });
      choose(created.id);
    },
  });
  const elapsed = useElapsed(start.isPending);
  const progress = useRunProgress(progressKey, start.isPending).data ?? null;

  const columns: TableColumnsType<EvaluationRunView> = [
    { title: '评价', dataIndex: 'id', width: 130, render: (_id: number, each) => runLabel(each) },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      render: (status: EvaluationRunView['status']) => <RunStatusTag status={status} />,
    },
    {
      title: '运行',
      key: 'created',
      width: 300,
      render: (_v, each) => (each.createdAt ? `${formatDateTime(each.createdAt)} ${each.createdByName}` : '—'),
    },
    {
      title: '发布',
      key: 'published',
      width: 300,
      render: (_v, each) =>
        each.publishedAt ? `${formatDateTime(each.publishedAt)} ${each.publishedByName ?? ''}` : '—',
    },
    {
      title: ownPlatform ? '本平台等级分布' : '等级分布',
      key: 'counts',
      render: (_v, each) => EVALUATION_CLASSES.map((cls) => `${cls} ${countsFor(each, ownPlatform)[cls]}`).join(' · '),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space size="large" wrap>
          <YearSelect value={year} onChange={setYear} years={years} label="评价年度" data-testid="runs-year" />
          {canManage && (
            <>
              <Button
                type="primary"
                icon={<PlayCircleOutlined />}
                disabled={year === undefined}
                loading={start.isPending}
                onClick={() => {
                  start.mutate();
                }}
                data-testid="run-start"
              >
                运行评价
              </Button>
              <Button
                icon={<SettingOutlined />}
                onClick={() => void navigate(`/evaluations/method${year ? `?year=${year}` : ''}`)}
              >
                评价办法
              </Button>
            </>
          )}
          {ownPlatform && (
            <Typography.Text type="secondary">
              平台用户只能查看已发布的评价中{platformFull(ownPlatform)}的结果。
            </Typography.Text>
          )}
        </Space>
      </Card>

      <Card title={`${year ?? ''} 年评价记录`} size="small">
        <div data-testid="runs-table">
          <Table<EvaluationRunView>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={runs.data ?? []}
            loading={runs.isFetching}
            pagination={false}
            rowSelection={{
              type: 'radio',
              selectedRowKeys: runId ? [runId] : [],
              onChange: (keys) => {
                if (keys[0] !== undefined) choose(Number(keys[0]));
              },
              columnWidth: 40,
            }}
            onRow={(each) => ({
              onClick: () => {
                choose(each.id);
              },
              style: { cursor: 'pointer' },
            })}
            locale={{
              emptyText: canManage
                ? `${year ?? ''} 年尚未运行评价，点击“运行评价”开始`
                : `${year ?? ''} 年尚无已发布的评价结果`,
            }}
          />
        </div>
      </Card>

      {run.isLoading && <Spin />}
      {run.error && <Alert type="error" showIcon title={run.error.message} />}
      {run.data ? (
        <PartBoundary name="评价概况" key={run.data.id}>
          <RunSummary key={run.data.id} run={run.data} canManage={canManage} ownPlatform={ownPlatform} />
        </PartBoundary>
      ) : (
        // One empty state per page: with no runs at all the table already says so.
        !runs.isLoading &&
        !run.isLoading &&
        !run.error &&
        (runs.data?.length ?? 0) > 0 && <Empty description="请在上表中选择一次评价查看结果" />
      )}

      <Modal
        open={start.isPending}
        closable={false}
        mask={{ closable: false }}
        keyboard={false}
        footer={null}
        centered
        width={420}
        destroyOnHidden
      >
        <Space
          orientation="vertical"
          align="center"
          style={{ width: '100%', padding: '16px 0' }}
          data-testid="run-progress"
        >
          <Progress type="circle" percent={progress ? runProgressPercent(progress) : 0} status="active" />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {progress?.phase === 'done'
              ? '评价完成，正在打开结果…'
              : `正在评价${enterpriseCount ? ` ${enterpriseCount} 家` : ''}企业…`}
          </Typography.Title>
          <Typography.Text data-testid="run-progress-phase">
            {progress ? progressSentence(progress) : '正在开始…'}
          </Typography.Text>
          <Typography.Text type="secondary">已用时 {elapsed} 秒。完成后自动显示结果。</Typography.Text>
        </Space>
      </Modal>
    </Space>
  );
}
