import { useMemo, useState } from 'react';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, List, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { checkAccess, DIMENSION_LABELS, scoreSheet, type ClassifyCategory, type EvaluationSheet, type SheetItem } from '@pgs/domain';
import { evaluateProject, projectKeys, useProjectSettings, type EvaluationResult, type ProjectDetail } from '../projects.api.ts';

type Values = { opinion: string; reviewer: string; reviewedOn: Dayjs };

/**
 * 准入评估 (R2.1–R2.2): the bureau's sheet in force, scored item by item, with the total and the access verdict
 * recomputed as the reviewer types — the same domain functions the server runs on submit.
 */
export function EvaluationDrawer({ project, reviewerName, open, onClose }: { project: ProjectDetail; reviewerName: string; open: boolean; onClose: () => void }) {
  const settings = useProjectSettings();
  const sheet = settings.data?.evaluationSheet;
  return (
    <Drawer open={open} onClose={onClose} size={760} title={`准入评估：${project.name}`} destroyOnHidden data-testid="evaluation-drawer">
      {sheet ? <EvaluationForm project={project} sheet={sheet} reviewerName={reviewerName} onDone={onClose} /> : <Typography.Text>正在加载评分表…</Typography.Text>}
    </Drawer>
  );
}

function EvaluationForm({ project, sheet, reviewerName, onDone }: { project: ProjectDetail; sheet: EvaluationSheet; reviewerName: string; onDone: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [scores, setScores] = useState<Record<string, number | null>>({});
  const [result, setResult] = useState<EvaluationResult | null>(null);
  const [saving, setSaving] = useState(false);
  const filled = Object.fromEntries(Object.entries(scores).filter(([, v]) => v !== null && v !== undefined)) as Record<string, number>;
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
      const saved = await evaluateProject(project.id, { scores: filled, opinion: values.opinion, reviewer: values.reviewer, reviewedOn: values.reviewedOn.format('YYYY-MM-DD') });
      setResult(saved);
      await queryClient.invalidateQueries({ queryKey: projectKeys.all });
    } catch {
      // shown by the central handler
    } finally {
      setSaving(false);
    }
  };

  if (result) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="evaluation-result">
        <Alert type={result.passes ? 'success' : 'error'} showIcon title={result.passes ? '准入评估通过' : '准入评估未通过'} description={<ReasonList reasons={result.reasons} />} />
        <Button type="primary" onClick={onDone} data-testid="evaluation-close">
          完成
        </Button>
      </Space>
    );
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {sheet.name}，合格线 {sheet.passMark} 分。准入标准（R2.1）：行业为本平台目录鼓励类，且亩均投资强度高于 350 万元/亩或亩均税收高于 40 万元/亩；无独立用地的项目按评分表判断（D5）。
      </Typography.Paragraph>
      <Table<SheetItem>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={sheet.items}
        data-testid="evaluation-sheet"
        columns={[
          { title: '维度', dataIndex: 'dimension', width: 90, render: (dimension: SheetItem['dimension']) => DIMENSION_LABELS[dimension] ?? dimension },
          { title: '评分项', dataIndex: 'label', width: 110 },
          { title: '评分说明', dataIndex: 'guidance' },
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
                onChange={(value) => setScores((current) => ({ ...current, [item.code]: value }))}
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
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label="亩均投资强度">{verdict.investmentIntensity ? `${verdict.investmentIntensity} 万元/亩` : '无独立用地'}</Descriptions.Item>
        <Descriptions.Item label="亩均税收">{verdict.taxPerMu ? `${verdict.taxPerMu} 万元/亩` : '无独立用地'}</Descriptions.Item>
        <Descriptions.Item label="按现有数据判断" span={2}>
          <Tag color={verdict.passes ? 'green' : 'red'} data-testid="evaluation-live-verdict">
            {verdict.passes ? '符合准入标准' : '不符合准入标准'}
          </Tag>
        </Descriptions.Item>
      </Descriptions>
      <ReasonList reasons={verdict.reasons} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ reviewer: reviewerName, reviewedOn: dayjs() }}>
        <Form.Item name="opinion" label="书面评审意见（R2.2）" rules={[{ required: true, whitespace: true, message: '请填写书面评审意见' }]}>
          <Input.TextArea rows={4} maxLength={5000} showCount data-testid="evaluation-opinion" />
        </Form.Item>
        <Space>
          <Form.Item name="reviewer" label="评审人" rules={[{ required: true, whitespace: true, message: '请填写评审人' }]}>
            <Input style={{ width: 200 }} data-testid="evaluation-reviewer" />
          </Form.Item>
          <Form.Item name="reviewedOn" label="评审日期" rules={[{ required: true, message: '请选择评审日期' }]}>
            <DatePicker />
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
  return <List size="small" dataSource={reasons} renderItem={(reason) => <List.Item>{reason}</List.Item>} data-testid="reason-list" />;
}
