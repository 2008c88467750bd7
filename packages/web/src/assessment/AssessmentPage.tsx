import { useRef, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Popconfirm,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import {
  CloudUploadOutlined,
  ExperimentOutlined,
  FileWordOutlined,
  FileExcelOutlined,
  PlayCircleOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { can } from '@pgs/domain/platform/roles';
import { useMe } from '../auth/session.ts';
import { formatDateTime, todayInShanghai } from '../shared/format.ts';
import { useDownload } from '../shared/useDownload.ts';
import {
  assessmentKeys,
  downloadCircular,
  downloadScores,
  publishAssessment,
  runAssessment,
  useAssessment,
  useAssessments,
  type AssessmentSummary,
  type AssessmentView,
} from './assessment.api.ts';
import { assessmentYears, scoreText, thisYear } from './assessment-format.ts';
import { BonusProjects, PlatformScores } from './PlatformScores.tsx';
import { CompareTable } from './CompareTable.tsx';
import { WarningsCard } from './WarningsCard.tsx';

const STATUS: Record<string, { label: string; color: string }> = {
  draft: { label: '试算（未发布）', color: 'gold' },
  published: { label: '已发布', color: 'green' },
  simulation: { label: '模拟', color: 'blue' },
};

/** 平台年度考核 (R4.2–R4.3): the drc runs, simulates, compares and publishes; everyone else reads what is published. */
export function AssessmentPage() {
  const { data: me } = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const fromUrl = Number(search.get('year'));
  const year = Number.isInteger(fromUrl) && fromUrl >= 2000 && fromUrl <= 2100 ? fromUrl : thisYear() - 1;
  const list = useAssessments(year);
  const canManage = Boolean(me && can(me.role, 'assessment.manage'));
  const picked = Number(search.get('id'));
  const items = list.data?.items ?? [];
  const id =
    Number.isInteger(picked) && picked > 0
      ? picked
      : (items.find((a) => a.status === 'published')?.id ?? items[0]?.id ?? null);
  const view = useAssessment(id);
  const today = todayInShanghai();
  const defaultDay = year === thisYear() ? today : `${year}-12-31`;
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const day = asOf?.year() === year ? asOf.format('YYYY-MM-DD') : defaultDay;
  const [simulation, setSimulation] = useState<AssessmentView | null>(null);

  const setParam = (name: string, value: string | null) => {
    setSearch(
      (current) => {
        const params = new URLSearchParams(current);
        if (value === null) params.delete(name);
        else params.set(name, value);
        if (name === 'year') params.delete('id');
        return params;
      },
      { replace: true },
    );
  };

  // A second click before React re-renders the busy button must not start a second run (one draft per click).
  const running = useRef(false);
  const run = useMutation({
    mutationFn: () => runAssessment({ year, asOf: day }),
    onSettled: () => {
      running.current = false;
    },
    onSuccess: (created) => {
      message.success(`已完成 ${created.year} 年度考核试算（截至 ${created.asOf}），请核对后发布`);
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.list(year) });
      setSimulation(null);
      setParam('id', String(created.id));
    },
  });
  const simulate = useMutation({
    mutationFn: () => runAssessment({ year, asOf: day, simulate: true }),
    onSuccess: (result) => {
      setSimulation(result);
    },
  });
  const publish = useMutation({
    mutationFn: (target: number) => publishAssessment(target),
    onSuccess: (published) => {
      message.success(`${published.year} 年度考核结果已发布，发布后不再变更`);
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.all });
    },
  });
  const circular = useDownload(() => (view.data ? downloadCircular(view.data) : Promise.resolve()));
  const scores = useDownload(() => (view.data ? downloadScores(view.data) : Promise.resolve()));

  const columns = [
    { title: '编号', dataIndex: 'id', width: 70 },
    {
      title: '状态',
      dataIndex: 'status',
      width: 130,
      render: (status: string) => <Tag color={STATUS[status]?.color}>{STATUS[status]?.label}</Tag>,
    },
    { title: '数据截至', dataIndex: 'asOf', width: 110 },
    {
      title: '考核办法',
      key: 'rubric',
      render: (_v: unknown, a: AssessmentSummary) => `${a.rubricName}（第 ${a.rubricVersion} 版）`,
    },
    {
      title: '排名',
      key: 'ranking',
      render: (_v: unknown, a: AssessmentSummary) =>
        [...a.ranking]
          .sort((x, y) => x.rank - y.rank)
          .map((r) => `${r.rank}. ${PLATFORM_SHORT[r.platformKey]} ${scoreText(r.score)}`)
          .join('  '),
    },
    { title: '预警', dataIndex: 'warningCount', width: 70 },
    {
      title: '试算 / 发布',
      key: 'who',
      width: 260,
      render: (_v: unknown, a: AssessmentSummary) =>
        a.publishedAt
          ? `发布：${formatDateTime(a.publishedAt)} ${a.publishedByName ?? ''}`
          : `试算：${formatDateTime(a.createdAt)} ${a.createdByName}`,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space size="large" wrap>
          <Space>
            <Typography.Text>考核年度</Typography.Text>
            <Select
              data-testid="assessment-year"
              style={{ width: 110 }}
              value={year}
              onChange={(next) => {
                setParam('year', String(next));
              }}
              options={assessmentYears().map((y) => ({ value: y, label: `${y} 年` }))}
            />
          </Space>
          {canManage && (
            <>
              <Space>
                <Typography.Text>数据截至</Typography.Text>
                <DatePicker
                  data-testid="assessment-asof"
                  value={dayjs(day)}
                  allowClear={false}
                  onChange={setAsOf}
                  disabledDate={(d) => d.year() !== year || d.format('YYYY-MM-DD') > today}
                />
              </Space>
              <Button
                type="primary"
                icon={<PlayCircleOutlined />}
                loading={run.isPending}
                onClick={() => {
                  if (running.current) return;
                  running.current = true;
                  run.mutate();
                }}
                data-testid="assessment-run"
              >
                考核试算
              </Button>
              <Button
                icon={<ExperimentOutlined />}
                loading={simulate.isPending}
                onClick={() => {
                  simulate.mutate();
                }}
                data-testid="assessment-simulate"
              >
                模拟（不保存）
              </Button>
            </>
          )}
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          考核按所选年度的考核实施办法计分：各项指标按权重和计分方法折算，再加上手工加减分和重大制造业项目加分（不封顶）；每个完成值都可点开查看其来源明细。
          {me?.role === 'platform' && ' 平台用户可查看本平台的分项得分和已发布的排名。'}
        </Typography.Paragraph>
      </Card>

      <Card size="small" title={`${year} 年度考核记录`}>
        <Table<AssessmentSummary>
          data-testid="assessment-list"
          rowKey={(a) => String(a.id)}
          size="small"
          pagination={false}
          loading={list.isFetching}
          columns={columns}
          dataSource={items}
          rowSelection={{
            type: 'radio',
            selectedRowKeys: id ? [String(id)] : [],
            onChange: (keys) => {
              if (keys[0] !== undefined) setParam('id', String(keys[0]));
            },
            columnWidth: 40,
          }}
          onRow={(a) => ({
            onClick: () => {
              setParam('id', String(a.id));
            },
            style: { cursor: 'pointer' },
          })}
          locale={{
            emptyText: canManage
              ? `${year} 年度尚未考核：选择数据截至日期，点击“考核试算”开始`
              : `${year} 年度尚无已发布的考核结果`,
          }}
        />
      </Card>

      {simulation && <CompareTable base={view.data} simulated={simulation} />}

      {view.isLoading && <Spin />}
      {view.error && <Alert type="error" showIcon title={view.error.message} />}
      {view.data ? (
        <>
          <Card size="small">
            <Space wrap>
              <Tag color={STATUS[view.data.status]?.color}>{STATUS[view.data.status]?.label}</Tag>
              <Typography.Text>
                {view.data.year} 年度考核（编号 {view.data.id}，数据截至 {view.data.asOf}）
              </Typography.Text>
              {canManage && view.data.status === 'draft' && (
                <Popconfirm
                  title="发布后结果不再变更，并以此为依据通报。确定发布？"
                  okText="发布"
                  cancelText="取消"
                  onConfirm={() => {
                    publish.mutate(view.data.id!);
                  }}
                >
                  <Button
                    type="primary"
                    icon={<CloudUploadOutlined />}
                    loading={publish.isPending}
                    data-testid="assessment-publish"
                  >
                    发布结果
                  </Button>
                </Popconfirm>
              )}
              <Button
                icon={<FileWordOutlined />}
                loading={circular.downloading}
                onClick={() => void circular.start()}
                data-testid="assessment-circular"
              >
                下载通报（Word）
              </Button>
              <Button
                icon={<FileExcelOutlined />}
                loading={scores.downloading}
                onClick={() => void scores.start()}
                data-testid="assessment-scores"
              >
                导出得分表（Excel）
              </Button>
            </Space>
          </Card>
          <PlatformScores view={view.data} />
          <BonusProjects view={view.data} />
          <WarningsCard view={view.data} canManage={canManage} />
        </>
      ) : (
        !list.isLoading && items.length > 0 && !view.isLoading && <Empty description="请在上表中选择一次考核查看结果" />
      )}
    </Space>
  );
}

const PLATFORM_SHORT: Record<string, string> = { oujiangkou: '瓯江口', zhenan: '浙南', hitech: '高新区' };
