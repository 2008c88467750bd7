import { useEffect, useRef, useState } from 'react';
import { App, Col, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import { isPlatformKey, isTargetType, targetTier, type updateTargetSchema } from '@pgs/domain';
import type { In } from '../../api/contract.ts';
import { useQueryClient } from '@tanstack/react-query';
import { createTarget, targetKeys, updateTarget, useChannels, type TargetView } from '../targets.api.ts';
import { STATUS_OPTIONS, tierLabel, TYPE_OPTIONS } from '../target-labels.ts';
import { isApiError } from '../../api/client.ts';
import { metEnterpriseToTarget } from '../../trips/trips.api.ts';
import { cityOptions, PROVINCE_OPTIONS } from '../../shared/division-options.ts';
import { useFieldValue } from '../../shared/useFieldValue.ts';

/** The target's fields as the contract takes them; the investment as the InputNumber gives it (a number, or null when cleared). */
type Values = Omit<In<typeof updateTargetSchema>, 'version' | 'expectedInvestment'> & {
  expectedInvestment: number | string | null;
};

type Props = {
  open: boolean;
  platformKey: string;
  quarter: string;
  /** The target to change, or null for a new one. */
  target: TargetView | null;
  onClose: () => void;
  onSaved: (id: number) => void;
  /** An enterprise met on an outbound trip that becomes a target (status 接触, saved with the trip's version). */
  metOnTrip?: { tripId: number; version: number; seq: number; name: string; creditCode: string | null };
};

/** The target form (issue #13): HQ from the official list, the tier shown as it is computed (D24), the plan. */
export function TargetFormModal({ open, platformKey, quarter, target, onClose, onSaved, metOnTrip }: Props) {
  const [form] = Form.useForm<Values>();
  // A double click on 保存 must send one request: the ref guards within one tick, the state shows the spinner.
  const busy = useRef(false);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const channels = useChannels(platformKey);
  const province = useFieldValue(form, 'hqProvince');
  const investment = useFieldValue(form, 'expectedInvestment');
  const status = useFieldValue(form, 'status');
  const tierPreview =
    investment !== undefined && investment !== null && investment !== '' && Number(investment) > 0
      ? tierLabel(targetTier(String(investment)))
      : '—';

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (target) form.setFieldsValue({ ...target, types: target.types.filter(isTargetType) });
    else if (metOnTrip)
      form.setFieldsValue({ status: 'contact', types: [], name: metOnTrip.name, creditCode: metOnTrip.creditCode });
    else form.setFieldsValue({ status: 'lead', types: [] });
  }, [open, target, form, metOnTrip]);

  const submit = async () => {
    if (busy.current) return;
    busy.current = true;
    setSaving(true);
    try {
      // A form that does not validate shows its messages beside the fields; nothing else to report.
      await save().catch((error: unknown) => {
        if (isApiError(error)) throw error;
      });
    } finally {
      busy.current = false;
      setSaving(false);
    }
  };

  const save = async () => {
    const values = await form.validateFields();
    const fields = {
      ...values,
      expectedInvestment: String(values.expectedInvestment),
      creditCode: values.creditCode?.trim() || null,
      channelId: values.channelId ?? null,
    };
    try {
      let savedId: number;
      if (metOnTrip) {
        // A target made from a trip's met enterprise takes the trip's platform and quarter, and starts as 接触.
        const { status: _s, statusReason: _r, ...asMet } = fields;
        const trip = await metEnterpriseToTarget(metOnTrip.tripId, metOnTrip.seq, {
          ...asMet,
          version: metOnTrip.version,
        });
        savedId = trip.met[metOnTrip.seq]?.targetId ?? 0;
      } else if (target) savedId = (await updateTarget(target.id, { ...fields, version: target.version })).id;
      else if (isPlatformKey(platformKey)) savedId = (await createTarget({ ...fields, platformKey, quarter })).id;
      else {
        message.error('请先选择平台');
        return;
      }
      message.success(target ? '已保存' : '已加入目标企业库');
      await queryClient.invalidateQueries({ queryKey: targetKeys.all });
      onSaved(savedId);
    } catch (error) {
      message.error(isApiError(error) ? error.message : '保存失败，请稍后重试');
    }
  };

  return (
    <Modal
      open={open}
      title={
        target
          ? `修改目标企业：${target.name}`
          : metOnTrip
            ? '会见企业加入目标企业库（状态为接触）'
            : `新增目标企业（${quarter}）`
      }
      onCancel={onClose}
      onOk={() => void submit()}
      okText="保存"
      confirmLoading={saving}
      cancelText="取消"
      width={820}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="target-form">
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item
              name="name"
              label="企业名称"
              rules={[{ required: true, whitespace: true, message: '请填写企业名称' }]}
            >
              <Input maxLength={200} data-testid="target-name" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="creditCode" label="统一社会信用代码（已知时填写）">
              <Input maxLength={18} data-testid="target-credit-code" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="types"
          label="企业类型（可多选）"
          rules={[{ required: true, message: '请至少选择一种企业类型' }]}
        >
          <Select mode="multiple" options={TYPE_OPTIONS} data-testid="target-types" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="hqProvince" label="总部所在省份" rules={[{ required: true, message: '请选择省份' }]}>
              <Select
                showSearch
                options={PROVINCE_OPTIONS}
                onChange={() => {
                  form.setFieldValue('hqCity', undefined);
                }}
                data-testid="target-province"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="hqCity"
              label="总部所在城市"
              rules={[{ required: true, message: '请选择城市' }]}
              extra="北京、上海、广州、深圳、杭州为重点区域"
            >
              <Select showSearch options={cityOptions(province)} data-testid="target-city" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="industryCode"
              label="行业代码（国民经济行业分类）"
              rules={[{ required: true, whitespace: true, message: '请填写行业代码' }]}
              extra="非本平台鼓励类行业须填写列为目标的理由"
            >
              <Input maxLength={4} data-testid="target-industry" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="expectedInvestment"
              label="预计投资额（万元）"
              rules={[{ required: true, message: '请填写预计投资额' }]}
              extra={<span data-testid="tier-preview">规模档次：{tierPreview}（5亿、20亿、50亿元以上，含本数）</span>}
            >
              <InputNumber min={0} stringMode style={{ width: '100%' }} data-testid="target-investment" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="owner"
              label="责任人"
              rules={[{ required: true, whitespace: true, message: '请填写责任人' }]}
            >
              <Input maxLength={50} data-testid="target-owner" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="channelId" label="来源渠道">
              <Select
                allowClear
                options={channels.data?.items.map((c) => ({ value: c.id, label: c.name })) ?? []}
                data-testid="target-channel"
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="status" label="状态" rules={[{ required: true, message: '请选择状态' }]}>
              <Select options={STATUS_OPTIONS} disabled={Boolean(metOnTrip)} data-testid="target-status" />
            </Form.Item>
          </Col>
          <Col span={16}>
            {status === 'dropped' ? (
              <Form.Item
                name="statusReason"
                label="放弃原因"
                rules={[{ required: true, whitespace: true, message: '放弃须填写原因' }]}
              >
                <Input maxLength={500} data-testid="target-status-reason" />
              </Form.Item>
            ) : (
              <Form.Item name="reason" label="列为目标的理由（非鼓励类行业必填）">
                <Input maxLength={500} data-testid="target-reason" />
              </Form.Item>
            )}
          </Col>
        </Row>
        <Typography.Text strong>系统化招商方案</Typography.Text>
        <Row gutter={16}>
          {(
            [
              ['path', '招商路径'],
              ['planning', '规划'],
              ['strategy', '招商策略'],
              ['tactics', '谈判对策'],
            ] as const
          ).map(([key, label]) => (
            <Col span={12} key={key}>
              <Form.Item name={['plan', key]} label={label}>
                <Input.TextArea rows={2} maxLength={2000} data-testid={`target-plan-${key}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Modal>
  );
}
