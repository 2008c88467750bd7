import { useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { CATEGORY_LABELS, DEFAULT_FIRST_PLACE_SHARE, plainText, splitCredit, type PlatformKey } from '@pgs/domain';
import { showRefusal } from '../components/refusal.ts';
import { sharePercent } from './CirculationNotice.tsx';
import { classify } from '../../catalog/catalog.api.ts';
import { circulateProject, projectKeys, type ProjectDetail } from '../projects.api.ts';
import { PLATFORM_OPTIONS, platformShortName } from '../components/project-format.ts';
import { useFieldValue } from '../../shared/useFieldValue.ts';

type Values = { toPlatformKey: PlatformKey; firstPlaceShare: number; reason: string };

/**
 * 项目流转 (R2.5, the bureau): to another platform where the industry is encouraged (D11), with the first place's
 * share; the destination's class and both shares are shown before the bureau confirms.
 */
export function CirculationModal({
  project,
  open,
  onClose,
}: {
  project: ProjectDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const destination = Form.useWatch('toPlatformKey', form);
  const share = useFieldValue(form, 'firstPlaceShare');
  // A cleared number box gives null, an untouched one undefined.
  const split = typeof share === 'number' ? splitCredit(share) : null;
  const destinationClass = useQuery({
    queryKey: ['catalog', 'classify', destination, project.industryCode],
    queryFn: () => classify(destination, { industryCode: project.industryCode }),
    enabled: Boolean(destination),
  });

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      const result = await circulateProject(project.id, { ...values, version: project.version });
      message.success(
        `已流转至${platformShortName(result.toPlatformKey)}：首谈地 ${sharePercent(result.firstPlaceShare)}，落地地 ${sharePercent(result.hostShare)}`,
      );
      await queryClient.invalidateQueries({ queryKey: projectKeys.all });
      onClose();
    } catch (error) {
      await showRefusal(error, queryClient);
    } finally {
      setSaving(false);
    }
  };

  const category = destinationClass.data?.category;
  // The form's own check already knows the answer is no: the button stays disabled (issue #9).
  const knownNo = (category !== undefined && category !== 'encouraged') || (split !== null && 'problem' in split);
  return (
    <Modal
      open={open}
      title={`项目流转：${project.name}`}
      okText="确认流转"
      okButtonProps={{
        loading: saving,
        disabled: knownNo || (Boolean(destination) && destinationClass.isPending),
        'data-testid': 'circulation-confirm',
      }}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
      data-testid="circulation-modal"
    >
      <Typography.Paragraph type="secondary">
        从{platformShortName(project.platformKey)}
        流转到另一平台。落地后，首谈地与落地地按分成比例各计招商引资任务，两者之和恰为 1。
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(values) => void submit(values)}
        initialValues={{ firstPlaceShare: Number(DEFAULT_FIRST_PLACE_SHARE) }}
      >
        <Form.Item name="toPlatformKey" label="流转至" rules={[{ required: true, message: '请选择目标平台' }]}>
          <Select
            options={PLATFORM_OPTIONS.filter((option) => option.value !== project.platformKey)}
            data-testid="circulation-to"
          />
        </Form.Item>
        {category && (
          <Alert
            style={{ marginBottom: 16 }}
            type={category === 'encouraged' ? 'success' : 'error'}
            showIcon
            data-testid="circulation-destination-class"
            title={`行业 ${project.industryCode} 在目标平台目录中为${CATEGORY_LABELS[category]}`}
            description={
              category === 'encouraged'
                ? plainText(destinationClass.data?.explanation ?? '')
                : '只能流转到该行业属于鼓励类的平台，请另选目标平台。'
            }
          />
        )}
        <Form.Item
          name="firstPlaceShare"
          label="首谈地分成比例"
          tooltip="0 与 1 之间，最多 4 位小数；默认 0.5 即五五分成"
          validateStatus={split && 'problem' in split ? 'error' : undefined}
          help={
            split
              ? 'problem' in split
                ? plainText(split.problem)
                : `首谈地（${platformShortName(project.reportedPlatformKey)}）${sharePercent(split.firstPlaceShare)}，落地地 ${sharePercent(split.hostShare)}`
              : undefined
          }
          rules={[{ required: true, message: '请填写分成比例' }]}
        >
          <InputNumber min={0} max={1} step={0.05} style={{ width: 160 }} data-testid="circulation-share" />
        </Form.Item>
        <Form.Item
          name="reason"
          label="流转原因"
          rules={[{ required: true, whitespace: true, message: '请填写流转原因' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="circulation-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
