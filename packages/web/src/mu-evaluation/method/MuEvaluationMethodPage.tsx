import { useMemo, useState } from 'react';
import { nextRowKey as nextKey } from '../../shared/row-keys.ts';
import { Alert, App, Badge, Button, Card, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { ExperimentOutlined, RollbackOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  DEFAULT_EVALUATION_METHOD,
  DEFAULT_MEASURE_SETTINGS,
  DEFAULT_RECTIFICATION_SETTINGS,
  EVALUATION_SET_LABELS,
  EVALUATION_SETS,
  type EvaluationSetKey,
} from '@pgs/domain';
import { formatDateTime } from '../../shared/format.ts';
import { evaluationKeys, saveMethod, simulate, useMethod, type MethodView } from '../mu-evaluation.api.ts';
import { useSelectedYear, YearSelect } from '../../enterprises/components/YearSelect.tsx';
import { ClassRulesCard } from './ClassRulesCard.tsx';
import { IndicatorSetEditor } from './IndicatorSetEditor.tsx';
import { MeasuresSettingsCard } from './MeasuresSettingsCard.tsx';
import {
  draftOf,
  draftProblems,
  methodOf,
  rectificationOf,
  setProblemCount,
  type MethodDraft,
} from './method-draft.ts';
import { SimulationPanel } from './SimulationPanel.tsx';

/** 评价办法 (市经信委, R3.2–R3.4): the year's method, versioned; simulate before saving or running. */
export function MuEvaluationMethodPage() {
  const { year, setYear, years } = useSelectedYear();
  const method = useMethod(year);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space size="large" wrap>
          <YearSelect value={year} onChange={setYear} years={years} label="评价年度" data-testid="method-year" />
          <Typography.Text type="secondary">
            每个年度一套评价办法；评价运行时保存所用的办法，修改办法不影响已有的评价结果。
          </Typography.Text>
        </Space>
      </Card>
      {method.isLoading && <Spin />}
      {method.error && <Alert type="error" showIcon title={method.error.message} />}
      {method.data && year !== undefined && (
        <MethodEditor key={`${year}-${method.data.version}`} year={year} saved={method.data} />
      )}
    </Space>
  );
}

function MethodEditor({ year, saved }: { year: number; saved: MethodView }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<MethodDraft>(() => draftOf(saved, nextKey));
  const [tab, setTab] = useState<EvaluationSetKey>('industrial_above');
  const problems = useMemo(() => draftProblems(draft), [draft]);
  const dirty = useMemo(
    () =>
      JSON.stringify(methodOf(draft)) !== JSON.stringify(methodOf(draftOf(saved, () => 0))) ||
      JSON.stringify([draft.measures, rectificationOf(draft)]) !==
        JSON.stringify([saved.measures, saved.rectification]),
    [draft, saved],
  );
  const change = (patch: Partial<MethodDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
  };

  const save = useMutation({
    mutationFn: () =>
      saveMethod(year, {
        method: methodOf(draft),
        measures: draft.measures,
        rectification: rectificationOf(draft),
        version: saved.version,
      }),
    onSuccess: (view) => {
      message.success(`已保存 ${year} 年评价办法（v${view.version}）`);
      queryClient.setQueryData(evaluationKeys.method(year), view);
    },
  });
  const simulation = useMutation({ mutationFn: () => simulate(year, methodOf(draft)) });
  const restoreDefault = () => {
    setDraft(
      draftOf(
        {
          method: DEFAULT_EVALUATION_METHOD,
          measures: DEFAULT_MEASURE_SETTINGS,
          rectification: DEFAULT_RECTIFICATION_SETTINGS,
        },
        nextKey,
      ),
    );
    message.info('已填入系统默认评价办法，保存后生效');
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        data-testid="method-version"
        title={
          !saved.isDefault && saved.updatedAt
            ? `${year} 年评价办法 v${saved.version}，${saved.updatedBy ?? '未知用户'} 于 ${formatDateTime(saved.updatedAt)} 修改`
            : `${year} 年尚未保存评价办法，显示系统默认值（均可修改）`
        }
        description="三个评价组分别设置指标、权重、基准值和封顶；分档按组内百分位。百分比按填写的数值保存。"
      />

      <Card
        title="评价指标与权重（§三(二)）"
        size="small"
        extra={
          <Button icon={<RollbackOutlined />} onClick={restoreDefault} data-testid="method-restore-default">
            恢复默认办法
          </Button>
        }
      >
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            setTab(key as EvaluationSetKey);
          }}
          items={EVALUATION_SETS.map((set) => ({
            key: set,
            label: (
              <Badge count={setProblemCount(problems, set)} size="small" offset={[8, 0]}>
                <span data-testid={`method-tab-${set}`}>{EVALUATION_SET_LABELS[set]}</span>
              </Badge>
            ),
            children: (
              <IndicatorSetEditor
                set={set}
                rows={draft.sets[set]}
                nextKey={nextKey}
                onChange={(rows) => {
                  change({ sets: { ...draft.sets, [set]: rows } });
                }}
              />
            ),
          }))}
        />
      </Card>

      <ClassRulesCard draft={draft} change={change} />
      <MeasuresSettingsCard draft={draft} change={change} />

      {problems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          data-testid="method-problems"
          title={`有 ${problems.length} 处问题，改正后才能保存或模拟`}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          }
        />
      ) : (
        <Alert type="success" showIcon title="评价办法符合实施意见的要求，可以保存或模拟" data-testid="method-ok" />
      )}

      <Space wrap>
        <Button
          type="primary"
          icon={<SaveOutlined />}
          loading={save.isPending}
          disabled={problems.length > 0}
          onClick={() => {
            save.mutate();
          }}
          data-testid="method-save"
        >
          保存
        </Button>
        <Button
          icon={<ExperimentOutlined />}
          loading={simulation.isPending}
          disabled={problems.length > 0}
          onClick={() => {
            simulation.mutate();
          }}
          data-testid="method-simulate"
        >
          模拟
        </Button>
        <Button
          icon={<UndoOutlined />}
          disabled={!dirty || save.isPending}
          onClick={() => {
            setDraft(draftOf(saved, nextKey));
          }}
          data-testid="method-discard"
        >
          放弃修改
        </Button>
        {dirty && <Tag color="orange">有未保存的修改</Tag>}
        {simulation.isPending && (
          <Typography.Text type="secondary">正在按编辑中的办法模拟评价 {year} 年全部企业…</Typography.Text>
        )}
      </Space>

      {simulation.data && <SimulationPanel year={year} simulation={simulation.data} />}
    </Space>
  );
}
