import { useMemo, useState } from 'react';
import { nextRowKey as nextKey } from '../../shared/row-keys.ts';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { DeleteOutlined, PlusOutlined, RollbackOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { can } from '@pgs/domain/platform/roles';
import {
  DEFAULT_EVALUATION_SHEET,
  DIMENSION_LABELS,
  EVALUATION_DIMENSIONS,
  evaluationSheetSchema,
  sheetDefinitionProblems,
  type EvaluationDimension,
  type EvaluationSheet,
  type ProjectSettingsView,
  type SheetItem,
  withItemCodes,
} from '@pgs/domain';
import { useMe } from '../../auth/session.ts';
import { formatDateTime } from '../../shared/format.ts';
import { projectKeys, saveProjectSettings, useProjectSettings } from '../projects.api.ts';

/** One row of the editor: an item as typed (a number may be cleared) with a key of its own, since codes may repeat while editing. */
type ItemRow = {
  key: number;
  dimension: EvaluationDimension;
  code: string;
  label: string;
  maxScore: number | null;
  guidance: string;
};
type Draft = {
  windowDays: number | null;
  undoDays: number | null;
  name: string;
  passMark: number | null;
  items: ItemRow[];
};
type ItemField = 'dimension' | 'code' | 'label' | 'maxScore' | 'guidance';

const MAX_ITEMS = 60;
const DIMENSION_OPTIONS = EVALUATION_DIMENSIONS.map((dimension) => ({
  value: dimension,
  label: DIMENSION_LABELS[dimension],
}));
const ITEM_FIELDS: readonly string[] = ['dimension', 'code', 'label', 'maxScore', 'guidance'] satisfies ItemField[];

function rowsOf(items: readonly SheetItem[], nextKey: () => number): ItemRow[] {
  return items.map((item) => ({ ...item, key: nextKey() }));
}

function draftOf(
  settings: Pick<ProjectSettingsView, 'negotiationWindowDays' | 'undoWindowDays' | 'evaluationSheet'>,
  nextKey: () => number,
): Draft {
  const sheet = settings.evaluationSheet;
  return {
    windowDays: settings.negotiationWindowDays,
    undoDays: settings.undoWindowDays,
    name: sheet.name,
    passMark: sheet.passMark,
    items: rowsOf(sheet.items, nextKey),
  };
}

/** The sheet as it would be sent (a cleared number counts as 0, which the checks then refuse). */
function sheetOf(draft: Draft): EvaluationSheet {
  return {
    name: draft.name,
    passMark: draft.passMark ?? 0,
    // Codes are made from the names for new items (users never type them); existing items keep theirs.
    items: withItemCodes(
      draft.items.map(({ dimension, code, label, maxScore, guidance }) => ({
        dimension,
        code,
        label,
        maxScore: maxScore ?? 0,
        guidance,
      })),
    ),
  };
}

/** Full marks in tenths, as scoreSheet sums them, so 0.1 + 0.2 is 0.3. */
function fullMarks(items: readonly ItemRow[]) {
  const tenths = Object.fromEntries(EVALUATION_DIMENSIONS.map((dimension) => [dimension, 0])) as Record<
    EvaluationDimension,
    number
  >;
  for (const item of items) tenths[item.dimension] += Math.round((item.maxScore ?? 0) * 10);
  const total = EVALUATION_DIMENSIONS.reduce((sum, dimension) => sum + tenths[dimension], 0);
  return {
    byDimension: EVALUATION_DIMENSIONS.map((dimension) => ({ dimension, marks: tenths[dimension] / 10 })),
    total: total / 10,
  };
}

/**
 * Everything that stops a save, in Chinese: the shape checks of the API's own schema (an item's code, name, full
 * marks), then what makes a sheet unusable (sheetDefinitionProblems: R2.2's five dimensions, unique codes, a
 * reachable pass mark). `cells` marks the inputs to show in red.
 */
function problemsOf(draft: Draft): { problems: string[]; cells: Set<string>; sheet: EvaluationSheet | null } {
  const problems: string[] = [];
  const cells = new Set<string>();
  if (draft.windowDays === null) problems.push('请填写洽谈期限（天）');
  if (draft.undoDays === null) problems.push('请填写撤销期限（天）');
  if (draft.passMark === null) {
    problems.push('请填写合格线');
    cells.add('passMark');
  }
  const parsed = evaluationSheetSchema.safeParse(sheetOf(draft));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [head, index, field] = issue.path;
      if (head === 'items' && typeof index === 'number') {
        if (typeof field === 'string' && ITEM_FIELDS.includes(field)) cells.add(`${index}.${field}`);
        problems.push(`第 ${index + 1} 项：${issue.message}`);
      } else {
        if (typeof head === 'string') cells.add(head);
        if (!(head === 'passMark' && draft.passMark === null)) problems.push(issue.message);
      }
    }
  }
  problems.push(...sheetDefinitionProblems(sheetOf(draft)));
  return { problems: [...new Set(problems)], cells, sheet: parsed.success ? parsed.data : null };
}

/** 招商项目设置 (市招商局): the negotiation window of R2.4 and the evaluation sheet of R2.2. */
export function ProjectSettingsPage() {
  const { data: me } = useMe();
  const settings = useProjectSettings();

  if (me && !can(me.role, 'projects.configure'))
    return <Alert type="warning" showIcon title="只有市招商局可以修改招商项目设置" />;
  if (settings.isLoading) return <Spin />;
  if (!settings.data) return settings.error ? <Alert type="error" showIcon title={settings.error.message} /> : null;
  // A new version (saved here, or refetched after someone else saved) starts the editor afresh from it.
  return <SettingsEditor key={settings.data.version} saved={settings.data} />;
}

function SettingsEditor({ saved }: { saved: ProjectSettingsView }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(saved, nextKey));
  const { problems, cells, sheet } = useMemo(() => problemsOf(draft), [draft]);
  const marks = useMemo(() => fullMarks(draft.items), [draft.items]);
  const dirty = useMemo(
    () =>
      JSON.stringify([draft.windowDays, draft.undoDays, sheetOf(draft)]) !==
      JSON.stringify([saved.negotiationWindowDays, saved.undoWindowDays, sheetOf(draftOf(saved, () => 0))]),
    [draft, saved],
  );

  const save = useMutation({
    mutationFn: saveProjectSettings,
    onSuccess: (view) => {
      message.success('已保存');
      queryClient.setQueryData(projectKeys.settings, view);
      void queryClient.invalidateQueries({ queryKey: projectKeys.settings });
      // The window decides which projects are overdue: the ledger and the board are stale too.
      void queryClient.invalidateQueries({ queryKey: projectKeys.all });
    },
  });

  const change = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }));
  };
  const changeItem = (key: number, patch: Partial<ItemRow>) => {
    setDraft((current) => ({
      ...current,
      items: current.items.map((item) => (item.key === key ? { ...item, ...patch } : item)),
    }));
  };
  const removeItem = (key: number) => {
    setDraft((current) => ({ ...current, items: current.items.filter((item) => item.key !== key) }));
  };
  const addItem = () => {
    setDraft((current) => ({
      ...current,
      items: [
        ...current.items,
        {
          key: nextKey(),
          dimension: current.items.at(-1)?.dimension ?? 'input_output',
          code: '',
          label: '',
          maxScore: 5,
          guidance: '',
        },
      ],
    }));
  };
  const restoreDefault = () => {
    setDraft((current) => ({
      ...current,
      name: DEFAULT_EVALUATION_SHEET.name,
      passMark: DEFAULT_EVALUATION_SHEET.passMark,
      items: rowsOf(DEFAULT_EVALUATION_SHEET.items, nextKey),
    }));
    message.info('已填入系统默认评分表，保存后生效');
  };
  const submit = () => {
    if (!sheet || draft.windowDays === null || draft.undoDays === null || problems.length > 0) return;
    save.mutate({
      negotiationWindowDays: draft.windowDays,
      undoWindowDays: draft.undoDays,
      evaluationSheet: sheet,
      version: saved.version,
    });
  };

  const invalid = (index: number, field: ItemField) => (cells.has(`${index}.${field}`) ? 'error' : undefined);
  const columns: TableColumnsType<ItemRow> = [
    { title: '序号', key: 'index', width: 60, align: 'center', render: (_value, _item, index) => index + 1 },
    {
      title: '维度',
      dataIndex: 'dimension',
      width: 130,
      render: (dimension: EvaluationDimension, item, index) => (
        <Select<EvaluationDimension>
          value={dimension}
          options={DIMENSION_OPTIONS}
          onChange={(next) => {
            changeItem(item.key, { dimension: next });
          }}
          style={{ width: '100%' }}
          status={invalid(index, 'dimension')}
          aria-label={`第 ${index + 1} 项的维度`}
          data-testid="settings-item-dimension"
        />
      ),
    },
    {
      title: '名称',
      dataIndex: 'label',
      width: 160,
      render: (label: string, item, index) => (
        <Input
          value={label}
          maxLength={50}
          onChange={(event) => {
            changeItem(item.key, { label: event.target.value });
          }}
          status={invalid(index, 'label')}
          aria-label={`第 ${index + 1} 项的名称`}
          data-testid="settings-item-label"
        />
      ),
    },
    {
      title: '满分',
      dataIndex: 'maxScore',
      width: 100,
      render: (maxScore: number | null, item, index) => (
        <InputNumber<number>
          value={maxScore}
          min={0}
          max={100}
          step={1}
          onChange={(next) => {
            changeItem(item.key, { maxScore: next });
          }}
          status={invalid(index, 'maxScore')}
          style={{ width: '100%' }}
          aria-label={`第 ${index + 1} 项的满分`}
          data-testid="settings-item-max"
        />
      ),
    },
    {
      title: '评分说明',
      dataIndex: 'guidance',
      render: (guidance: string, item, index) => (
        <Input.TextArea
          value={guidance}
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={500}
          onChange={(event) => {
            changeItem(item.key, { guidance: event.target.value });
          }}
          status={invalid(index, 'guidance')}
          aria-label={`第 ${index + 1} 项的评分说明`}
        />
      ),
    },
    {
      title: '操作',
      key: 'remove',
      width: 70,
      align: 'center',
      render: (_value, item) => (
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={`删除“${item.label || item.code || '新评分项'}”`}
          onClick={() => {
            removeItem(item.key);
          }}
          data-testid="settings-item-remove"
          data-dimension={item.dimension}
        />
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        data-testid="settings-version"
        title={
          saved.updatedAt
            ? `当前版本 v${saved.version}，${saved.updatedByName ?? saved.updatedBy ?? '未知用户'} 于 ${formatDateTime(saved.updatedAt)} 修改`
            : '尚未修改，使用系统默认值'
        }
        description="设置对全部平台生效。修改评分表只影响此后的准入评估，已完成的评估保留评分当日的评分表。"
      />

      <Card title="期限" size="small">
        <Form layout="vertical">
          <Form.Item
            label="洽谈期限（天）"
            extra="盯引库确认之日起计算，超期项目在台账中标为逾期；修改后对所有在谈项目生效"
            validateStatus={draft.windowDays === null ? 'error' : undefined}
            style={{ marginBottom: 0 }}
          >
            <InputNumber<number>
              value={draft.windowDays}
              min={1}
              max={3650}
              precision={0}
              suffix="天"
              style={{ width: 200 }}
              onChange={(next) => {
                change({ windowDays: next });
              }}
              data-testid="settings-window-days"
            />
          </Form.Item>
          <Form.Item
            label="阶段变更撤销期限（天）"
            extra="推进或终止项目后，做出该变更的同一角色可在此期限内撤销误操作；撤销作为新的一条记入项目历程"
            validateStatus={draft.undoDays === null ? 'error' : undefined}
            style={{ marginTop: 16, marginBottom: 0 }}
          >
            <InputNumber<number>
              value={draft.undoDays}
              min={0}
              max={365}
              precision={0}
              suffix="天"
              style={{ width: 200 }}
              onChange={(next) => {
                change({ undoDays: next });
              }}
              data-testid="settings-undo-days"
            />
          </Form.Item>
        </Form>
      </Card>

      <Card
        title="准入评估评分表"
        size="small"
        extra={
          <Popconfirm
            title="用系统默认的 100 分评分表替换当前编辑内容？"
            description="保存后才生效。"
            okText="恢复"
            cancelText="取消"
            onConfirm={restoreDefault}
          >
            <Button icon={<RollbackOutlined />} data-testid="settings-reset-default">
              恢复默认评分表
            </Button>
          </Popconfirm>
        }
      >
        <Form layout="vertical">
          <Space size="large" wrap align="start">
            <Form.Item label="评分表名称" validateStatus={cells.has('name') ? 'error' : undefined}>
              <Input
                value={draft.name}
                maxLength={100}
                style={{ width: 420 }}
                onChange={(event) => {
                  change({ name: event.target.value });
                }}
                data-testid="settings-sheet-name"
              />
            </Form.Item>
            <Form.Item
              label="合格线（分）"
              extra="总分达到合格线且无否决项，评估才算通过"
              validateStatus={cells.has('passMark') ? 'error' : undefined}
            >
              <InputNumber<number>
                value={draft.passMark}
                min={0}
                step={1}
                style={{ width: 160 }}
                onChange={(next) => {
                  change({ passMark: next });
                }}
                data-testid="settings-pass-mark"
              />
            </Form.Item>
          </Space>
        </Form>
        <div data-testid="settings-items">
          <Table<ItemRow>
            rowKey="key"
            size="small"
            columns={columns}
            dataSource={draft.items}
            pagination={false}
            scroll={{ x: 1000 }}
            locale={{ emptyText: '评分表还没有评分项' }}
            summary={() => (
              <Table.Summary fixed="bottom">
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={7}>
                    <Space wrap size={[16, 4]} data-testid="settings-full-marks">
                      <Typography.Text strong>满分合计</Typography.Text>
                      {marks.byDimension.map(({ dimension, marks: value }) => (
                        <span key={dimension} data-dimension={dimension}>
                          {DIMENSION_LABELS[dimension]}{' '}
                          <Typography.Text strong type={value === 0 ? 'danger' : undefined}>
                            {value}
                          </Typography.Text>{' '}
                          分
                        </span>
                      ))}
                      <span>
                        总分{' '}
                        <Typography.Text strong data-testid="settings-total-marks">
                          {marks.total}
                        </Typography.Text>{' '}
                        分
                      </span>
                      <span>合格线 {draft.passMark ?? '—'} 分</span>
                      <span>共 {draft.items.length} 项</span>
                    </Space>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              </Table.Summary>
            )}
          />
        </div>
        <Button
          type="dashed"
          block
          icon={<PlusOutlined />}
          style={{ marginTop: 12 }}
          disabled={draft.items.length >= MAX_ITEMS}
          onClick={addItem}
          data-testid="settings-add-item"
        >
          新增评分项{draft.items.length >= MAX_ITEMS ? `（最多 ${MAX_ITEMS} 项）` : ''}
        </Button>
      </Card>

      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="settings-problems"
          title={`有 ${problems.length} 处问题，改正后才能保存`}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          }
        />
      )}

      <Space>
        <Button
          type="primary"
          icon={<SaveOutlined />}
          loading={save.isPending}
          disabled={problems.length > 0}
          onClick={submit}
          data-testid="settings-save"
        >
          保存
        </Button>
        <Button
          icon={<UndoOutlined />}
          disabled={!dirty || save.isPending}
          onClick={() => {
            setDraft(draftOf(saved, nextKey));
          }}
          data-testid="settings-discard"
        >
          放弃修改
        </Button>
        {dirty && <Tag color="orange">有未保存的修改</Tag>}
      </Space>
    </Space>
  );
}
