import { useState } from 'react';
import { Alert, DatePicker, Form, Modal, Spin, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { CatalogView, CatalogVersionSummaryView } from '@pgs/domain';
import { isApiError } from '../../api/client.ts';
import { handleError, isStaleError } from '../../api/queryClient.ts';
import { catalogKeys, publishVersion, useCatalogDiff } from '../catalog.api.ts';
import { ErrorDetails } from '../../shared/ErrorDetails.tsx';
import { DiffView } from './DiffView.tsx';
import { todayInShanghai } from '../../shared/format.ts';

type Props = {
  draft: CatalogView;
  open: boolean;
  onClose: () => void;
  onPublished: (published: CatalogVersionSummaryView) => void;
};

/**
 * 发布: the drc reviews the diff, picks the effective date, and publishes the revision they reviewed.
 * Refused here while the diff lists problems; the server checks again and its 422 is shown as it comes.
 */
export function PublishModal({ draft, open, onClose, onPublished }: Props) {
  const queryClient = useQueryClient();
  const [effectiveDate, setEffectiveDate] = useState<Dayjs | null>(() => dayjs(todayInShanghai()));
  const diff = useCatalogDiff(draft.id, open);
  const problems = diff.data?.problems ?? [];
  const mutation = useMutation({
    // The revision the shown comparison was made from: an edit since then makes the server answer 409.
    mutationFn: () =>
      publishVersion(draft.id, {
        effectiveDate: effectiveDate!.format('YYYY-MM-DD'),
        revision: diff.data!.draftRevision,
      }),
    meta: { silent: true },
    onSuccess: async (published) => {
      await queryClient.invalidateQueries({ queryKey: catalogKeys.all });
      onPublished(published);
    },
    onError: (error) => {
      if (isStaleError(error)) handleError(error);
    },
  });
  const error = mutation.error && !isStaleError(mutation.error) ? mutation.error : null;
  const canPublish = Boolean(diff.data) && problems.length === 0 && effectiveDate !== null;

  return (
    <Modal
      title={`发布目录 · ${draft.version}`}
      open={open}
      onCancel={() => {
        mutation.reset();
        onClose();
      }}
      onOk={() => {
        mutation.mutate();
      }}
      okText="确认发布"
      okButtonProps={{ disabled: !canPublish, 'data-testid': 'publish-confirm' }}
      confirmLoading={mutation.isPending}
      width={960}
      destroyOnHidden
    >
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label="生效日期" required>
          <DatePicker value={effectiveDate} onChange={setEffectiveDate} allowClear={false} data-testid="publish-date" />
        </Form.Item>
        <Typography.Text type="secondary">
          生效日期晚于今天时，目录发布后处于“已发布（待生效）”状态，到期自动生效。
        </Typography.Text>
      </Form>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="publish-error"
          title={error.message}
          description={isApiError(error) ? <ErrorDetails details={error.details} /> : undefined}
        />
      )}
      {diff.isLoading && <Spin />}
      {diff.data && <DiffView diff={diff.data} />}
    </Modal>
  );
}
