import { useEffect } from 'react';
import { Alert, Button, Drawer, Form, Input, Radio, Select, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  BASIS_CATEGORY,
  BASIS_LABELS,
  CATALOG_BASES,
  CATALOG_CATEGORIES,
  CATEGORY_LABELS,
  type CatalogCategory,
  type CatalogItemView,
} from '@pgs/domain';
import { catalogKeys, createItem, updateItem, type ItemValues } from '../catalog.api.ts';
import { IndustryCodeInput } from '../../industries/IndustryCodeInput.tsx';
import { handleError, isStaleError } from '../../api/queryClient.ts';
import { useFieldValue } from '../../shared/useFieldValue.ts';

type Props = {
  versionId: number;
  /** null: a new item; otherwise the item being edited (with the revision the user saw). */
  item: CatalogItemView | null;
  open: boolean;
  onClose: () => void;
};

const EMPTY: Partial<ItemValues> = { keywords: [], note: '' };

function basisOptions(category: CatalogCategory | undefined) {
  return CATALOG_BASES.filter((basis) => !category || BASIS_CATEGORY[basis] === category).map((basis) => ({
    value: basis,
    label: BASIS_LABELS[basis],
  }));
}

/** Add or edit one catalog item; the basis list offers only the clauses that may justify the chosen class. */
export function ItemFormDrawer({ versionId, item, open, onClose }: Props) {
  const [form] = Form.useForm<ItemValues>();
  const queryClient = useQueryClient();
  const category = useFieldValue(form, 'category');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(item ? { ...item } : EMPTY);
  }, [open, item, form]);

  const mutation = useMutation({
    mutationFn: (values: ItemValues) => {
      const body = { ...values, note: values.note ?? '', keywords: values.keywords ?? [] };
      return item ? updateItem(versionId, item.id, { ...body, revision: item.revision }) : createItem(versionId, body);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
      onClose();
    },
    // Refusals show inside the drawer, beside the fields; a stale revision goes to the central handler
    // ("数据已被他人修改", refetch) and the drawer closes so the user reopens the fresh item.
    meta: { silent: true },
    onError: (error) => {
      if (!isStaleError(error)) return;
      handleError(error);
      onClose();
    },
  });

  useEffect(() => {
    if (open) mutation.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const onCategoryChange = (next: CatalogCategory) => {
    const basis = form.getFieldValue('basis') as ItemValues['basis'] | undefined;
    if (basis && BASIS_CATEGORY[basis] !== next) form.setFieldValue('basis', undefined);
  };

  return (
    <Drawer
      title={item ? `编辑条目 ${item.industryCode}` : '新增条目'}
      open={open}
      onClose={onClose}
      size={520}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button
            type="primary"
            loading={mutation.isPending}
            onClick={() => {
              form.submit();
            }}
            data-testid="item-save"
          >
            保存
          </Button>
        </Space>
      }
    >
      {mutation.error && !isStaleError(mutation.error) && (
        <Alert
          type="error"
          showIcon
          title={mutation.error.message}
          style={{ marginBottom: 16 }}
          data-testid="item-error"
        />
      )}
      <Form<ItemValues>
        form={form}
        layout="vertical"
        onFinish={(values) => {
          mutation.mutate(values);
        }}
        data-testid="item-form"
      >
        <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
          <Radio.Group
            onChange={(event) => {
              onCategoryChange(event.target.value as CatalogCategory);
            }}
            options={CATALOG_CATEGORIES.map((value) => ({ value, label: CATEGORY_LABELS[value] }))}
            optionType="button"
            buttonStyle="solid"
            data-testid="item-category"
          />
        </Form.Item>
        <Form.Item
          name="industryCode"
          label="行业代码（GB/T 4754-2017，门类字母或 2–4 位数字）"
          rules={[{ required: true, message: '请输入行业代码' }]}
        >
          <IndustryCodeInput testId="item-code" />
        </Form.Item>
        <Form.Item name="keywords" label="产品或工艺关键词" extra="可留空表示整个行业；输入后按回车添加，最多 20 个。">
          <Select
            mode="tags"
            tokenSeparators={[',', '，', '、', ';', '；']}
            open={false}
            placeholder="如：电机控制器"
            data-testid="item-keywords"
          />
        </Form.Item>
        <Form.Item
          name="basis"
          label="列入依据"
          rules={[{ required: true, message: '请选择列入依据' }]}
          extra={category ? undefined : '请先选择类别'}
        >
          <Select
            options={basisOptions(category)}
            placeholder="选择依据条款"
            disabled={!category}
            data-testid="item-basis"
          />
        </Form.Item>
        <Form.Item name="note" label="备注" rules={[{ max: 1000, message: '备注不能超过 1000 个字符' }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="item-note" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
