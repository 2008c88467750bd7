import { useMemo, useRef, useState } from 'react';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  List,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import {
  checkAccess,
  DIMENSION_LABELS,
  plainText,
  prefillEvaluation,
  scoreSheet,
  type ClassifyCategory,
  type EvaluationSheet,
  type SheetItem,
} from '@pgs/domain';
import {
  evaluateProject,
  projectKeys,
  useProjectSettings,
  type EvaluationResult,
  type ProjectDetail,
} from '../projects.api.ts';
import { AccessChecklist } from '../components/AccessChecklist.tsx';
import { showRefusal } from '../components/refusal.ts';

type Values = { opinion: string; reviewer: string; reviewedOn: Dayjs };

/**
 * 准入评估 (R2.1–R2.2): the bureau's sheet in force, scored item by item, with the total and the access verdict
 * recomputed as the reviewer types — the same domain functions the server runs on submit.
 */
export function AccessEvaluationDrawer({
  project,
  reviewerName,
  open,
  onClose,
}: {
  project: ProjectDetail;
  reviewerName: string;
  open: boolean;
  onClose: () => void;
}) {
  const { modal } = App.useApp();
  const settings = useProjectSettings();
  const sheet = settings.data?.evaluationSheet;
  // Nothing typed is lost (issue #9): Esc, the mask and × ask first when the sheet has changes.
  const dirty = useRef(false);
  const askClose = () => {
    if (!dirty.current) {
      onClose();
      return;
    }
    modal.confirm({
      title: '放弃已填写的评估内容？',
      content: '评分和评审意见尚未提交，关闭后将丢失。',
      okText: '放弃并关闭',
      cancelText: '继续填写',
      okButtonProps: { danger: true, 'data-testid': 'evaluation-discard' },
      onOk: onClose,
    });
  };
  return (
    <Drawer
      open={open}
      onClose={askClose}
      size={760}
      title={`准入评估：${project.name}`}
      destroyOnHidden
      data-testid="evaluation-drawer"
    >
      {sheet ? (
        <EvaluationForm
          project={project}
          sheet={sheet}
          reviewerName={reviewerName}
          onDone={onClose}
          onDirty={(value) => (dirty.current = value)}
        />
      ) : (
        <Typography.Text>正在加载评分表…</Typography.Text>
      )}
    </Drawer>
  );
}

function EvaluationForm({
  project,
  sheet,
  reviewerName,
  onDone,
  onDirty,
}: {
  project: ProjectDetail;
  sheet: EvaluationSheet;
  reviewerName: string;
  onDone: () => void;
  onDirty: (dirty: boolean) => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  // The items the system can compute from the project as reported (产业类别, 投资强度, 税收强度), still editable.
  const prefilled = useMemo(
    () =>
      prefillEvaluation(sheet, {
        category: project.category as ClassifyCategory,
        fixedAssetInvestment: project.fixedAssetInvestment,
        expectedAnnualTax: project.expectedAnnualTax,
        landMu: project.landMu,
      }),
    [sheet, project],
  );
  const [scores, setScores] = useState<Record<string, number | null>>(() =>
    Object.fromEntries(Object.entries(prefilled).map(([code, item]) => [code, item.score])),
  );
  const [result, setResult] = useState<EvaluationResult | null>(null);
  const [saving, setSaving] = useState(false);
  const filled = Object.fromEntries(Object.entries(scores).filter(([, v]) => v !== null)) as Record<string, number>;
  const missing = sheet.items.filter((item) => filled[item.code] === undefined);
  const scored = useMemo(() => scoreSheet(sheet, filled), [sheet, filled]);
  const verdict = checkAccess({
    category: project.category as ClassifyCategory,
    fixedAssetInvestment: project.fixedAssetInvestment,
    expectedAnnualTax: project.expectedAnnualTax,
    landMu: project.landMu,
    sheet: missing.length === 0 ? { total: scored.total, passMark: sheet.passMark } : null,
  });

  const submit = async (values: Values) => {
    if (missing.length > 0) {
      message.error(`还有 ${missing.length} 项未评分：${missing.map((item) => item.label).join('、')}`);
      return;
    }
    setSaving(true);
    try {
      const saved = await evaluateProject(project.id, {
        scores: filled,
        opinion: values.opinion,
        reviewer: values.reviewer,
        reviewedOn: values.reviewedOn.format('YYYY-MM-DD'),
        version: project.version,
      });
      setResult(saved);
      onDirty(false);
      await queryClient.invalidateQueries({ queryKey: projectKeys.all });
    } catch (error) {
      await showRefusal(error, queryClient);
    } finally {
      setSaving(false);
    }
  };

  if (result) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="evaluation-result">
        <Alert
          type={result.passes ? 'success' : 'error'}
          showIcon
          title={result.passes ? '准入评估通过' : '准入评估未通过'}
          description={<ReasonList reasons={result.reasons} />}
        />
        <Typography.Text type="secondary">
          准入标准：行业属本平台目录鼓励类，且投资强度或亩均税收满足其一。
        </Typography.Text>
        <Button type="primary" onClick={onDone} data-testid="evaluation-close">
          完成
        </Button>
      </Space>
    );
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {sheet.name}，合格线 {sheet.passMark} 分。
      </Typography.Paragraph>
      {Object.keys(prefilled).length > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="evaluation-prefill-note"
          title={`已按项目登记的数据预填 ${Object.keys(prefilled).length} 项：${sheet.items
            .filter((item) => prefilled[item.code])
            .map((item) => item.label)
            .join('、')}`}
          description="预填分数按各项评分说明计算，评审时可以修改。"
        />
      )}
      <Table<SheetItem>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={sheet.items}
        data-testid="evaluation-sheet"
        columns={[
          {
            title: '维度',
            dataIndex: 'dimension',
            width: 90,
            render: (dimension: SheetItem['dimension']) => DIMENSION_LABELS[dimension],
          },
          { title: '评分项', dataIndex: 'label', width: 110 },
          {
            title: '评分说明',
            dataIndex: 'guidance',
            render: (guidance: string, item) => (
              <>
                {guidance}
                {prefilled[item.code] && (
                  <div>
                    <Tag color="blue" style={{ marginTop: 4 }} data-testid={`prefill-${item.code}`}>
                      系统预填 {prefilled[item.code]!.score} 分
                    </Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {prefilled[item.code]!.basis}
                    </Typography.Text>
                  </div>
                )}
              </>
            ),
          },
          {
            title: '得分',
            key: 'score',
            width: 130,
            render: (_v, item) => (
              <InputNumber
                min={0}
                max={item.maxScore}
                step={0.5}
                value={scores[item.code] ?? null}
                onChange={(value) => {
                  onDirty(true);
                  setScores((current) => ({ ...current, [item.code]: value }));
                }}
                suffix={`/ ${item.maxScore}`}
                style={{ width: 120 }}
                data-testid={`score-${item.code}`}
              />
            ),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              合计{missing.length > 0 ? `（还有 ${missing.length} 项未评分）` : ''}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3}>
              <Typography.Text strong data-testid="evaluation-total">
                {scored.total} / {scored.maxTotal}
              </Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <AccessChecklist
        verdict={verdict}
        category={project.category as ClassifyCategory}
        sheet={missing.length === 0 ? { total: scored.total, passMark: sheet.passMark } : null}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        onValuesChange={() => {
          onDirty(true);
        }}
        initialValues={{ reviewer: reviewerName, reviewedOn: dayjs() }}
      >
        <Form.Item
          name="opinion"
          label="书面评审意见"
          rules={[{ required: true, whitespace: true, message: '请填写书面评审意见' }]}
        >
          <Input.TextArea rows={4} maxLength={5000} showCount data-testid="evaluation-opinion" />
        </Form.Item>
        <Space>
          <Form.Item
            name="reviewer"
            label="评审人"
            rules={[{ required: true, whitespace: true, message: '请填写评审人' }]}
          >
            <Input style={{ width: 200 }} data-testid="evaluation-reviewer" />
          </Form.Item>
          <Form.Item name="reviewedOn" label="评审日期" rules={[{ required: true, message: '请选择评审日期' }]}>
            <DatePicker disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="evaluation-submit">
          提交评估
        </Button>
      </Form>
    </Space>
  );
}

export function ReasonList({ reasons }: { reasons: string[] }) {
  return (
    <List
      size="small"
      dataSource={reasons}
      renderItem={(reason) => <List.Item>{plainText(reason)}</List.Item>}
      data-testid="reason-list"
    />
  );
}
