import { useState } from 'react';
import { Alert, App, Button, Card, Drawer, Popconfirm, Space, Spin } from 'antd';
import { DiffOutlined, DownloadOutlined, PlusOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CatalogItemView } from '@pgs/domain';
import { handleError } from '../../api/queryClient.ts';
import { formatDate } from '../../shared/format.ts';
import { catalogKeys, deleteItem, exportVersion, useCatalogDiff, useCatalogVersion } from '../catalog.api.ts';
import { CatalogItemsTable } from '../components/CatalogItemsTable.tsx';
import { DiffView } from './DiffView.tsx';
import { ImportModal } from './ImportModal.tsx';
import { ItemFormDrawer } from './ItemFormDrawer.tsx';
import { PublishModal } from './PublishModal.tsx';

type Dialog =
  { kind: 'item'; item: CatalogItemView | null } | { kind: 'diff' } | { kind: 'publish' } | { kind: 'import' } | null;

/** One draft: its items with edit and delete, diff against the version in force, import, export and publish. */
export function DraftEditor({
  versionId,
  platformName,
  onPublished,
}: {
  versionId: number;
  platformName: string;
  onPublished: () => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const draft = useCatalogVersion(versionId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const diff = useCatalogDiff(versionId, dialog?.kind === 'diff');
  const removal = useMutation({
    mutationFn: (item: CatalogItemView) => deleteItem(versionId, item),
    onSuccess: () => {
      message.success('已删除条目');
      void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
    },
  });
  const close = () => {
    setDialog(null);
  };

  if (draft.isLoading) return <Spin />;
  if (!draft.data) return draft.error ? <Alert type="error" showIcon title={draft.error.message} /> : null;
  const catalog = draft.data;
  if (catalog.state !== 'draft') {
    return (
      <Alert
        type="info"
        showIcon
        title={`“${catalog.version}”已不是草稿（${formatDate(catalog.effectiveDate)} 生效），不能再编辑。`}
      />
    );
  }

  const toolbar = (
    <>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => {
          setDialog({ kind: 'item', item: null });
        }}
        data-testid="add-item-button"
      >
        新增条目
      </Button>
      <Button
        icon={<UploadOutlined />}
        onClick={() => {
          setDialog({ kind: 'import' });
        }}
        data-testid="import-button"
      >
        Excel导入
      </Button>
      <Button
        icon={<DownloadOutlined />}
        onClick={() => void exportVersion(catalog, platformName).catch(handleError)}
        data-testid="export-button"
      >
        导出Excel
      </Button>
      <Button
        icon={<DiffOutlined />}
        onClick={() => {
          setDialog({ kind: 'diff' });
        }}
        data-testid="diff-button"
      >
        与现行版本对比
      </Button>
      <Button
        type="primary"
        icon={<SendOutlined />}
        onClick={() => {
          setDialog({ kind: 'publish' });
        }}
        data-testid="publish-button"
      >
        发布
      </Button>
    </>
  );

  return (
    <Card title={`草稿：${catalog.version}`} size="small" data-testid="draft-editor">
      <CatalogItemsTable
        items={catalog.items}
        loading={draft.isFetching}
        toolbar={toolbar}
        testId="draft-table"
        actions={(item) => (
          <Space size={0}>
            <Button
              type="link"
              size="small"
              onClick={() => {
                setDialog({ kind: 'item', item });
              }}
              data-testid={`edit-item-${item.id}`}
            >
              编辑
            </Button>
            <Popconfirm
              title={`删除条目 ${item.industryCode}？`}
              okText="删除"
              cancelText="取消"
              // eslint-disable-next-line @typescript-eslint/no-misused-promises -- antd's Popconfirm awaits a returned promise to keep its OK button loading; the promise never rejects (caught)
              onConfirm={() => removal.mutateAsync(item).catch(() => undefined)}
            >
              <Button type="link" size="small" danger data-testid={`delete-item-${item.id}`}>
                删除
              </Button>
            </Popconfirm>
          </Space>
        )}
      />
      <ItemFormDrawer
        versionId={versionId}
        item={dialog?.kind === 'item' ? dialog.item : null}
        open={dialog?.kind === 'item'}
        onClose={close}
      />
      <Drawer
        title={`与现行版本对比 · ${catalog.version}`}
        open={dialog?.kind === 'diff'}
        onClose={close}
        size={960}
        destroyOnHidden
      >
        {diff.isLoading && <Spin />}
        {diff.data && <DiffView diff={diff.data} />}
      </Drawer>
      <ImportModal draft={catalog} open={dialog?.kind === 'import'} onClose={close} />
      <PublishModal
        draft={catalog}
        open={dialog?.kind === 'publish'}
        onClose={close}
        onPublished={(published) => {
          close();
          message.success(`“${published.version}”已发布，${formatDate(published.effectiveDate)} 起生效`);
          onPublished();
        }}
      />
    </Card>
  );
}
