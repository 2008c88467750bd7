import { useEffect } from 'react';
import { Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import {
  CATALOG_TRACK_CONSEQUENCE,
  DISPOSAL_WAY_LABELS,
  DISPOSAL_WAYS,
  ELIMINATION_MEASURE_LABELS,
  ELIMINATION_MEASURES,
  EXIT_WAY_LABELS,
  EXIT_WAYS,
  RENEWAL_TRACK_LABELS,
  RENEWAL_TRACKS,
  type createRenewalCaseSchema,
  type RenewalTrack,
} from '@pgs/domain';
import type { In } from '../../api/contract.ts';
import { useCreateCase } from '../renewal.api.ts';

export type CasePreset = { creditCode?: string; name?: string; track?: RenewalTrack };

/** What the contract takes, so the selects hold its own values. */
type CaseInput = In<typeof createRenewalCaseSchema>;

type Values = {
  creditCode: string;
  track: RenewalTrack;
  department: string;
  responsiblePerson: string;
  /** Required by the form's rule, so present once it validates. */
  deadline: Dayjs;
  openedOn?: Dayjs;
  planYear?: number;
  measure?: CaseInput['measure'];
  exitWay?: CaseInput['exitWay'];
  disposalWay?: CaseInput['disposalWay'];
  violation?: string;
  originalCapacity?: string;
  plannedCapacity?: string;
  capacityUnit?: string;
  conditions?: string[];
  parcelCode?: string;
  note?: string;
};

const day = (value?: Dayjs) => value?.format('YYYY-MM-DD');

/**
 * 新建案件: the owner (department and person), the deadline, and what the track needs (the plan year and measure of
 * an elimination, the exit way of a zombie, the disposal way of a relocation plan, the capacities and the three
 * conditions of an upgrade). The server decides; a refusal is shown with its own message.
 */
export function NewCaseModal({ preset, onClose }: { preset: CasePreset | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const create = useCreateCase();
  const navigate = useNavigate();
  const track = Form.useWatch('track', form);
  useEffect(() => {
    if (preset) {
      form.resetFields();
      form.setFieldsValue({ creditCode: preset.creditCode, track: preset.track ?? 'elimination' });
    }
  }, [preset, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const conditions = v.conditions ?? [];
    const created = await create.mutateAsync({
      creditCode: v.creditCode,
      track: v.track,
      department: v.department,
      responsiblePerson: v.responsiblePerson,
      deadline: v.deadline.format('YYYY-MM-DD'),
      openedOn: day(v.openedOn),
      planYear: v.planYear ?? null,
      measure: v.measure ?? null,
      exitWay: v.exitWay ?? null,
      disposalWay: v.disposalWay ?? null,
      violation: v.violation ?? null,
      originalCapacity: v.originalCapacity ?? null,
      plannedCapacity: v.plannedCapacity ?? null,
      capacityUnit: v.capacityUnit ?? null,
      environmentOk: conditions.includes('environment'),
      safetyOk: conditions.includes('safety'),
      energyOk: conditions.includes('energy'),
      parcelCode: v.parcelCode || null,
      note: v.note || null,
    });
    onClose();
    void navigate(`/renewal/cases/${created.id}`);
  };

  return (
    <Modal
      open={preset !== null}
      title={preset?.name ? `新建存量更新案件：${preset.name}` : '新建存量更新案件'}
      okText="立案"
      cancelText="取消"
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={create.isPending}
      width={640}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="new-case-form">
        <Form.Item
          name="creditCode"
          label="统一社会信用代码"
          rules={[{ required: true, message: '请填写企业的统一社会信用代码' }]}
        >
          <Input maxLength={18} data-testid="case-credit-code" placeholder="18 位，企业数据库中已有的企业" />
        </Form.Item>
        <Form.Item name="track" label="案件类型" rules={[{ required: true, message: '请选择案件类型' }]}>
          <Select
            data-testid="case-track"
            options={RENEWAL_TRACKS.map((value) => ({ value, label: RENEWAL_TRACK_LABELS[value] }))}
          />
        </Form.Item>
        <Space size={16} style={{ display: 'flex' }}>
          <Form.Item
            name="department"
            label="责任部门"
            rules={[{ required: true, whitespace: true, message: '请填写责任部门' }]}
          >
            <Input maxLength={100} data-testid="case-department" />
          </Form.Item>
          <Form.Item
            name="responsiblePerson"
            label="责任人"
            rules={[{ required: true, whitespace: true, message: '请填写责任人' }]}
          >
            <Input maxLength={50} data-testid="case-person" />
          </Form.Item>
        </Space>
        <Space size={16} style={{ display: 'flex' }}>
          <Form.Item name="openedOn" label="立案日期" tooltip="不填为今天">
            <DatePicker format="YYYY-MM-DD" data-testid="case-opened" />
          </Form.Item>
          <Form.Item name="deadline" label="完成期限" rules={[{ required: true, message: '请选择完成期限' }]}>
            <DatePicker format="YYYY-MM-DD" data-testid="case-deadline" />
          </Form.Item>
        </Space>
        {track === 'elimination' && (
          <Space size={16} style={{ display: 'flex' }}>
            <Form.Item
              name="planYear"
              label="年度淘汰落后产能计划年度"
              rules={[{ required: true, message: '请填写计划年度' }]}
            >
              <InputNumber min={2000} max={2100} data-testid="case-plan-year" />
            </Form.Item>
            <Form.Item name="measure" label="淘汰措施" rules={[{ required: true, message: '请选择淘汰措施' }]}>
              <Select
                style={{ width: 180 }}
                data-testid="case-measure"
                options={ELIMINATION_MEASURES.map((value) => ({ value, label: ELIMINATION_MEASURE_LABELS[value] }))}
              />
            </Form.Item>
          </Space>
        )}
        {track === 'overcapacity_cleanup' && (
          <Form.Item name="violation" label="违规情形" rules={[{ required: true, message: '请写明违规情形' }]}>
            <Input.TextArea rows={2} maxLength={1000} placeholder="如：未批先建、未落实产能置换" />
          </Form.Item>
        )}
        {track === 'zombie_exit' && (
          <Form.Item name="exitWay" label="出清方式" rules={[{ required: true, message: '请选择出清方式' }]}>
            <Select
              data-testid="case-exit-way"
              options={EXIT_WAYS.map((value) => ({ value, label: EXIT_WAY_LABELS[value] }))}
            />
          </Form.Item>
        )}
        {track === 'catalog_relocation' && (
          <Form.Item
            name="disposalWay"
            label="处置方式"
            extra={CATALOG_TRACK_CONSEQUENCE.catalog_relocation}
            rules={[{ required: true, message: '请选择处置方式' }]}
          >
            <Select options={DISPOSAL_WAYS.map((value) => ({ value, label: DISPOSAL_WAY_LABELS[value] }))} />
          </Form.Item>
        )}
        {track === 'catalog_upgrade' && (
          <>
            <Typography.Paragraph type="secondary">{CATALOG_TRACK_CONSEQUENCE.catalog_upgrade}。</Typography.Paragraph>
            <Space size={16} style={{ display: 'flex' }}>
              <Form.Item
                name="originalCapacity"
                label="原有产能"
                rules={[{ required: true, message: '请填写原有产能' }]}
              >
                <Input data-testid="case-original-capacity" />
              </Form.Item>
              <Form.Item
                name="plannedCapacity"
                label="改造后产能"
                rules={[{ required: true, message: '请填写改造后产能' }]}
              >
                <Input data-testid="case-planned-capacity" />
              </Form.Item>
              <Form.Item name="capacityUnit" label="产能单位" rules={[{ required: true, message: '请填写产能单位' }]}>
                <Input placeholder="如：万件/年" data-testid="case-capacity-unit" />
              </Form.Item>
            </Space>
            <Form.Item name="conditions" label="已确认满足的要求（三项须全部满足）">
              <Checkbox.Group
                data-testid="case-conditions"
                options={[
                  { value: 'environment', label: '环保' },
                  { value: 'safety', label: '安全' },
                  { value: 'energy', label: '能耗' },
                ]}
              />
            </Form.Item>
          </>
        )}
        {(track === 'zombie_exit' || track === 'catalog_relocation' || track === 'elimination') && (
          <Form.Item
            name="parcelCode"
            label="腾空地块编号（如有）"
            tooltip="企业退出后腾空的厂房所在地块，须为本平台地块台账中的地块；案件完成时自动在地块台账登记腾空"
          >
            <Input maxLength={50} />
          </Form.Item>
        )}
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
