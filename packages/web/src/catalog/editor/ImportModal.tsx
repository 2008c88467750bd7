import { Alert, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CatalogView } from '@pgs/domain';
import { isApiError } from '../../api/client.ts';
import type { ImportRowError } from '../../api/contract.ts';
import { handleError } from '../../api/queryClient.ts';
import { catalogKeys, downloadImportTemplate, importItems } from '../catalog.api.ts';

function rowErrorsOf(error: unknown): ImportRowError[] {
  if (!isApiError(error) || !Array.isArray(error.details)) return [];
  return (error.details as unknown[]).filter(
    (detail): detail is ImportRowError =>
      typeof detail === 'object' && detail !== null && typeof (detail as { message?: unknown }).message === 'string',
  );
}

export function ImportErrorsTable({ errors }: { errors: ImportRowError[] }) {
  return (
    <div data-testid="import-errors">
      <Table<ImportRowError>
        rowKey={(row) => `${row.row}-${row.column}-${row.message}`}
        size="small"
        pagination={errors.length > 20 ? { pageSize: 20 } : false}
        dataSource={errors}
        columns={[
          // Row 0 / no column: the error is about the whole file (not an .xlsx, wrong sheet…).
          { title: '行', dataIndex: 'row', width: 70, render: (row: number) => (row > 0 ? row : '—') },
          { title: '列', dataIndex: 'column', width: 120, render: (column: string) => column || '—' },
          { title: '错误说明', dataIndex: 'message' },
        ]}
      />
    </div>
  );
}

/** Excel 导入: fill the template, upload it; any error in the file writes nothing and lists every bad cell. */
export function ImportModal({ draft, open, onClose }: { draft: CatalogView; open: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (file: File) => importItems(draft.id, file),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogKeys.all }),
  });
  const rowErrors = rowErrorsOf(mutation.error);
  const close = () => {
    mutation.reset();
    onClose();
  };
  const getTemplate = () => downloadImportTemplate().catch(handleError);

  return (
    <Modal
      title={`Excel 导入 · ${draft.version}`}
      open={open}
      onCancel={close}
      footer={<Button onClick={close}>关闭</Button>}
      width={760}
      destroyOnHidden
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>
          请按导入模板填写（类别、行业代码、关键词、列入依据、备注），保存为 .xlsx
          后上传。文件中只要有一处错误，就不会写入任何数据，并逐行列出错误。
        </Typography.Paragraph>
        <Space>
          <Button icon={<DownloadOutlined />} onClick={() => void getTemplate()} data-testid="import-template">
            下载导入模板
          </Button>
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(file) => {
              mutation.mutate(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={mutation.isPending} data-testid="import-upload">
              选择 .xlsx 文件并导入
            </Button>
          </Upload>
        </Space>
        {mutation.data && (
          <Alert
            type="success"
            showIcon
            data-testid="import-result"
            title={`已导入 ${mutation.data.imported} 条条目`}
          />
        )}
        {mutation.data && mutation.data.errors.length > 0 && <ImportErrorsTable errors={mutation.data.errors} />}
        {mutation.error && <Alert type="error" showIcon data-testid="import-error" title={mutation.error.message} />}
        {rowErrors.length > 0 && <ImportErrorsTable errors={rowErrors} />}
      </Space>
    </Modal>
  );
}
