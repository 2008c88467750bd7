import { Form, Input, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CatalogVersionSummaryView, CatalogView, PlatformKey } from '@pgs/domain';
import { catalogKeys, createDraft } from '../catalog.api.ts';
import { versionLabel } from '../components/VersionStateTag.tsx';

type Props = {
  platformKey: PlatformKey;
  platformName: string;
  open: boolean;
  versions: readonly CatalogVersionSummaryView[];
  onClose: () => void;
  onCreated: (draft: CatalogView) => void;
};

type Values = { version: string; basedOnVersionId?: number };

/** 新建草稿: a new version that starts as a copy of the version in force (or of a chosen one). */
export function NewDraftModal({ platformKey, platformName, open, versions, onClose, onCreated }: Props) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const inForce = versions.find((version) => version.state === 'in_force');
  const mutation = useMutation({
    mutationFn: (values: Values) =>
      createDraft(platformKey, { version: values.version.trim(), basedOnVersionId: values.basedOnVersionId }),
    onSuccess: async (draft) => {
      await queryClient.invalidateQueries({ queryKey: catalogKeys.all });
      form.resetFields();
      onCreated(draft);
    },
  });
  return (
    <Modal
      title={`新建草稿 · ${platformName}`}
      open={open}
      onCancel={onClose}
      onOk={() => {
        form.submit();
      }}
      okText="创建草稿"
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ basedOnVersionId: inForce?.id }}
        onFinish={(values) => {
          mutation.mutate(values);
        }}
        data-testid="new-draft-form"
      >
        <Form.Item
          name="version"
          label="版本名称"
          rules={[
            { required: true, whitespace: true, message: '请填写版本名称，如“2025年本”' },
            { max: 50, message: '版本名称不能超过 50 个字符' },
          ]}
        >
          <Input placeholder="如：2025年本" data-testid="new-draft-version" />
        </Form.Item>
        <Form.Item name="basedOnVersionId" label="复制条目自" extra="不选择时复制现行有效版本的全部条目。">
          <Select<number>
            allowClear
            placeholder="现行有效版本"
            options={versions.map((version) => ({ value: version.id, label: versionLabel(version) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
