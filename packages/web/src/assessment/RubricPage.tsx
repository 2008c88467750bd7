import { useState } from 'react';
import { Alert, App, Button, Card, Input, InputNumber, Select, Space, Spin, Table, Typography } from 'antd';
import { DeleteOutlined, ExperimentOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { can } from '@pgs/domain/platform/roles';
import { useMe } from '../auth/session.ts';
import { formatDateTime } from '../shared/format.ts';
import {
  assessmentKeys,
  runAssessment,
  saveRubric,
  useAssessment,
  useAssessments,
  useRubric,
  type AssessmentView,
  type Rubric,
} from './assessment.api.ts';
import { assessmentYears, thisYear } from './assessment-format.ts';
import { METHOD_HINTS, methodText, parseMethod } from './rubric-draft.ts';
import { CompareTable } from './CompareTable.tsx';

type Criterion = Rubric['criteria'][number];
type ManualItem = Rubric['manualItems'][number];
const GROUPS = [
  ['investment_task', '精准招商任务执行情况'],
  ['industry_fit', '招引项目与鼓励类产业契合度'],
  ['cluster_growth', '主导产业集群发展情况'],
  ['stock_renewal', '存量产业有机更新情况'],
  ['land_cleanup', '土地清理与利用情况'],
  ['key_projects', '重点项目动态考核'],
] as const;
const SOURCES = [
  ['investment_task', '年度招商引资任务完成数'],
  ['targets_trips', '目标企业库与外出招商'],
  ['industry_fit', '首报项目鼓励类占比'],
  ['cluster_growth', '主导产业产值税收增速'],
  ['mu_evaluation', '亩均评价完成并发布'],
  ['rectification_closed', '整治与更新个案销号率'],
  ['land_cleanup', '土地处置率'],
  ['key_milestones', '重点项目节点按期率'],
  ['key_tasks', '重点任务清单完成率'],
] as const;
const METHODS = [
  ['proportion', '按目标比例'],
  ['rank', '按名次'],
  ['thresholds', '按档次'],
] as const;
const PLATFORMS = [
  ['oujiangkou', '瓯江口产业集聚区'],
  ['zhenan', '浙南产业集聚区'],
  ['hitech', '温州高新区(浙南科技城)'],
] as const;

/** 考核实施办法 (R4.2): the drc edits the year's rubric and simulates it; the others read it. */
export function RubricPage() {
  const { data: me } = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const fromUrl = Number(search.get('year'));
  const year = Number.isInteger(fromUrl) && fromUrl >= 2000 && fromUrl <= 2100 ? fromUrl : thisYear();
  const saved = useRubric(year);
  const canEdit = Boolean(me && can(me.role, 'assessment.manage'));
  const [draft, setDraft] = useState<Rubric | null>(null);
  const [methodTexts, setMethodTexts] = useState<string[]>([]);
  const [simulation, setSimulation] = useState<AssessmentView | null>(null);
  const latest = useAssessments(year).data?.items[0]?.id ?? null;
  const base = useAssessment(latest);
  // A newly read rubric (another year, or saved) replaces the draft: adjusted while rendering, as React documents for
  // state that follows a prop, rather than in an effect that would render the old draft once more.
  const [draftOf, setDraftOf] = useState(saved.data);
  if (saved.data && saved.data !== draftOf) {
    setDraftOf(saved.data);
    setDraft(saved.data.rubric);
    setMethodTexts(saved.data.rubric.criteria.map((c) => methodText(c.method)));
    setSimulation(null);
  }

  const badMethods = draft?.criteria.filter((c, k) => parseMethod(c.method.kind, methodTexts[k] ?? '') === null) ?? [];
  const built = (): Rubric | null => {
    if (!draft || badMethods.length > 0) return null;
    return {
      ...draft,
      criteria: draft.criteria.map((c, k) => ({ ...c, method: parseMethod(c.method.kind, methodTexts[k] ?? '')! })),
    };
  };
  const save = useMutation({
    mutationFn: () => saveRubric(year, built()!, saved.data!.version),
    onSuccess: (view) => {
      message.success(`${year} 年度考核实施办法已保存（第 ${view.version} 版）`);
      queryClient.setQueryData(assessmentKeys.rubric(year), view);
    },
  });
  const simulate = useMutation({
    mutationFn: () => runAssessment({ year, simulate: true, rubric: built()! }),
    onSuccess: setSimulation,
  });

  if (saved.isLoading || !draft) return saved.error ? <Alert type="error" title={saved.error.message} /> : <Spin />;
  const setCriterion = (k: number, change: Partial<Criterion>) => {
    setDraft({ ...draft, criteria: draft.criteria.map((c, i) => (i === k ? { ...c, ...change } : c)) });
  };
  const setItem = (k: number, change: Partial<ManualItem>) => {
    setDraft({ ...draft, manualItems: draft.manualItems.map((m, i) => (i === k ? { ...m, ...change } : m)) });
  };
  const totalWeight = draft.criteria.reduce((sum, c) => sum + c.weight, 0);
  // A rubric saved before a platform was listed may lack its task (the domain reads it the same way): shown as 0.
  const taskOf = (key: keyof Rubric['investmentTasks']): string | undefined => draft.investmentTasks[key];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap size="large">
          <Space>
            <Typography.Text>考核年度</Typography.Text>
            <Select
              data-testid="rubric-year"
              style={{ width: 110 }}
              value={year}
              onChange={(next) => {
                setSearch({ year: String(next) }, { replace: true });
              }}
              options={assessmentYears().map((y) => ({ value: y, label: `${y} 年` }))}
            />
          </Space>
          <Typography.Text type="secondary">
            {saved.data?.isDefault
              ? '本年度尚未制定办法，下面是默认办法（第 1 版），保存后生效'
              : `第 ${saved.data?.version} 版，${formatDateTime(saved.data?.updatedAt)} ${saved.data?.updatedByName ?? ''} 保存`}
          </Typography.Text>
          {canEdit && (
            <>
              <Button
                type="primary"
                icon={<SaveOutlined />}
                disabled={badMethods.length > 0}
                loading={save.isPending}
                onClick={() => {
                  save.mutate();
                }}
                data-testid="rubric-save"
              >
                保存办法
              </Button>
              <Button
                icon={<ExperimentOutlined />}
                disabled={badMethods.length > 0}
                loading={simulate.isPending}
                onClick={() => {
                  simulate.mutate();
                }}
                data-testid="rubric-simulate"
              >
                按此办法模拟
              </Button>
            </>
          )}
        </Space>
        {badMethods.length > 0 && (
          <Alert
            style={{ marginTop: 8 }}
            type="error"
            showIcon
            title={`计分参数填写有误：${badMethods.map((c) => c.label).join('、')}。${METHOD_HINTS.thresholds}`}
          />
        )}
      </Card>

      {simulation && <CompareTable base={base.data} simulated={simulation} />}

      <Card size="small" title={<span>办法名称</span>}>
        <Input
          data-testid="rubric-name"
          value={draft.name}
          disabled={!canEdit}
          maxLength={80}
          onChange={(e) => {
            setDraft({ ...draft, name: e.target.value });
          }}
        />
      </Card>

      <Card
        size="small"
        title={`考核指标（权重合计 ${totalWeight} 分）`}
        extra={
          canEdit && (
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => {
                setDraft({
                  ...draft,
                  criteria: [
                    ...draft.criteria,
                    {
                      key: `item_${draft.criteria.length + 1}`,
                      group: 'investment_task',
                      label: '新指标',
                      source: 'investment_task',
                      weight: 5,
                      method: { kind: 'proportion', target: null },
                      cap: 5,
                    },
                  ],
                });
                setMethodTexts([...methodTexts, '']);
              }}
            >
              新增指标
            </Button>
          )
        }
      >
        <Table<Criterion>
          data-testid="rubric-criteria"
          rowKey={(c) => c.key}
          size="small"
          pagination={false}
          scroll={{ x: 1260 }}
          dataSource={draft.criteria}
          columns={[
            {
              title: '类别',
              dataIndex: 'group',
              width: 200,
              render: (group: Criterion['group'], _c, k) => (
                <Select
                  disabled={!canEdit}
                  style={{ width: '100%' }}
                  value={group}
                  onChange={(v) => {
                    setCriterion(k, { group: v });
                  }}
                  options={GROUPS.map(([value, label]) => ({ value, label }))}
                />
              ),
            },
            {
              title: (
                <span>
                  <span style={{ color: '#ff4d4f' }}>* </span>指标名称
                </span>
              ),
              dataIndex: 'label',
              width: 220,
              render: (label: Criterion['label'], _c, k) => (
                <Input
                  disabled={!canEdit}
                  value={label}
                  onChange={(e) => {
                    setCriterion(k, { label: e.target.value });
                  }}
                />
              ),
            },
            {
              title: '数据来源',
              dataIndex: 'source',
              width: 220,
              render: (source: Criterion['source'], _c, k) => (
                <Select
                  disabled={!canEdit}
                  style={{ width: '100%' }}
                  value={source}
                  onChange={(v) => {
                    setCriterion(k, { source: v });
                  }}
                  options={SOURCES.map(([value, label]) => ({ value, label }))}
                />
              ),
            },
            {
              title: '权重',
              dataIndex: 'weight',
              width: 90,
              render: (weight: Criterion['weight'], _c, k) => (
                <InputNumber
                  disabled={!canEdit}
                  min={0.01}
                  max={100}
                  value={weight}
                  onChange={(v) => {
                    setCriterion(k, { weight: v ?? 0 });
                  }}
                  data-testid={`weight-${k}`}
                />
              ),
            },
            {
              title: '计分方法',
              key: 'method',
              width: 330,
              render: (_v, c, k) => (
                <Space.Compact style={{ width: '100%' }}>
                  <Select
                    disabled={!canEdit}
                    style={{ width: 120 }}
                    value={c.method.kind}
                    onChange={(kind) => {
                      setCriterion(k, {
                        method:
                          parseMethod(kind, '') ??
                          (kind === 'rank'
                            ? { kind, factors: [1] }
                            : { kind: 'thresholds', steps: [{ atLeast: '0', share: 1 }] }),
                      });
                    }}
                    options={METHODS.map(([value, label]) => ({ value, label }))}
                  />
                  <Input
                    disabled={!canEdit}
                    placeholder={METHOD_HINTS[c.method.kind]}
                    title={METHOD_HINTS[c.method.kind]}
                    status={parseMethod(c.method.kind, methodTexts[k] ?? '') === null ? 'error' : undefined}
                    value={methodTexts[k]}
                    onChange={(e) => {
                      setMethodTexts(methodTexts.map((t, i) => (i === k ? e.target.value : t)));
                    }}
                    data-testid={`method-${k}`}
                  />
                </Space.Compact>
              ),
            },
            {
              title: '封顶分',
              dataIndex: 'cap',
              width: 110,
              render: (cap: Criterion['cap'], _c, k) => (
                <InputNumber
                  disabled={!canEdit}
                  min={0}
                  placeholder="不封顶"
                  value={cap}
                  onChange={(v) => {
                    setCriterion(k, { cap: v ?? null });
                  }}
                />
              ),
            },
            ...(canEdit
              ? [
                  {
                    title: '',
                    key: 'remove',
                    width: 50,
                    render: (_v: unknown, _c: Criterion, k: number) => (
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label="删除指标"
                        onClick={() => {
                          setDraft({ ...draft, criteria: draft.criteria.filter((_x, i) => i !== k) });
                          setMethodTexts(methodTexts.filter((_x, i) => i !== k));
                        }}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <Card size="small" title="年度任务与加分">
        <Space wrap size="large">
          {PLATFORMS.map(([key, name]) => (
            <Space key={key}>
              <Typography.Text>{name}年度招商引资任务（个）</Typography.Text>
              <InputNumber
                disabled={!canEdit}
                min={0}
                value={Number(taskOf(key) ?? 0)}
                onChange={(v) => {
                  setDraft({ ...draft, investmentTasks: { ...draft.investmentTasks, [key]: String(v ?? 0) } });
                }}
                data-testid={`task-${key}`}
              />
            </Space>
          ))}
          <Space>
            <Typography.Text>每个重大制造业项目加分（不封顶）</Typography.Text>
            <InputNumber
              disabled={!canEdit}
              min={0}
              max={100}
              value={draft.bonusPointsPerProject}
              onChange={(v) => {
                setDraft({ ...draft, bonusPointsPerProject: v ?? 0 });
              }}
            />
          </Space>
          <Space>
            <Typography.Text>进度低于时间进度的（%）即预警</Typography.Text>
            <InputNumber
              disabled={!canEdit}
              min={1}
              max={100}
              value={Math.round(draft.behindScheduleShare * 100)}
              onChange={(v) => {
                setDraft({ ...draft, behindScheduleShare: (v ?? 80) / 100 });
              }}
            />
          </Space>
        </Space>
      </Card>

      <Card
        size="small"
        title="手工加减分（须写明理由，保存时记录评分人和时间）"
        extra={
          canEdit && (
            <Button
              size="small"
              icon={<PlusOutlined />}
              data-testid="manual-add"
              onClick={() => {
                setDraft({
                  ...draft,
                  manualItems: [
                    ...draft.manualItems,
                    { id: `m-${Date.now().toString(36)}`, platformKey: 'oujiangkou', label: '', points: 0, reason: '' },
                  ],
                });
              }}
            >
              新增加减分
            </Button>
          )
        }
      >
        <Table<ManualItem>
          data-testid="manual-items"
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={draft.manualItems}
          locale={{ emptyText: canEdit ? '没有手工加减分；需要时点击“新增加减分”' : '没有手工加减分' }}
          columns={[
            {
              title: '平台',
              dataIndex: 'platformKey',
              width: 210,
              render: (key: ManualItem['platformKey'], _m, k) => (
                <Select
                  disabled={!canEdit}
                  style={{ width: '100%' }}
                  value={key}
                  onChange={(v) => {
                    setItem(k, { platformKey: v });
                  }}
                  options={PLATFORMS.map(([value, label]) => ({ value, label }))}
                />
              ),
            },
            {
              title: (
                <span>
                  <span style={{ color: '#ff4d4f' }}>* </span>事项
                </span>
              ),
              dataIndex: 'label',
              width: 200,
              render: (label: ManualItem['label'], _m, k) => (
                <Input
                  disabled={!canEdit}
                  value={label}
                  onChange={(e) => {
                    setItem(k, { label: e.target.value });
                  }}
                  data-testid={`manual-label-${k}`}
                />
              ),
            },
            {
              title: '分值（扣分填负数）',
              dataIndex: 'points',
              width: 140,
              render: (points: ManualItem['points'], _m, k) => (
                <InputNumber
                  disabled={!canEdit}
                  min={-100}
                  max={100}
                  value={points}
                  onChange={(v) => {
                    setItem(k, { points: v ?? 0 });
                  }}
                  data-testid={`manual-points-${k}`}
                />
              ),
            },
            {
              title: (
                <span>
                  <span style={{ color: '#ff4d4f' }}>* </span>理由
                </span>
              ),
              dataIndex: 'reason',
              render: (reason: ManualItem['reason'], _m, k) => (
                <Input.TextArea
                  disabled={!canEdit}
                  autoSize
                  value={reason}
                  onChange={(e) => {
                    setItem(k, { reason: e.target.value });
                  }}
                  data-testid={`manual-reason-${k}`}
                />
              ),
            },
            {
              title: '评分人 / 时间',
              key: 'by',
              width: 170,
              render: (_v, m) => (m.by ? `${m.by} ${formatDateTime(m.at)}` : '保存时记录'),
            },
            ...(canEdit
              ? [
                  {
                    title: '',
                    key: 'remove',
                    width: 50,
                    render: (_v: unknown, _m: ManualItem, k: number) => (
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label="删除加减分"
                        onClick={() => {
                          setDraft({ ...draft, manualItems: draft.manualItems.filter((_x, i) => i !== k) });
                        }}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </Space>
  );
}
