import { useState } from 'react';
import { Alert, Button, Card, Space, Steps, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { download, isApiError, upload } from '../api/client.ts';
import { handleError } from '../api/queryClient.ts';
import { landKeys } from './land.api.ts';

type Report = {
  dryRun: boolean;
  valid: boolean;
  rows: number;
  inserted: number;
  errors: Array<{ row: number; message: string }>;
};

/** 导入地块: download the template, check the file (nothing written), then import all of it or nothing. */
export function ParcelImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    try {
      const answer = await upload<Report>(`/parcels/import?dryRun=${dryRun}`, file);
      setReport(answer);
      if (!dryRun) await queryClient.invalidateQueries({ queryKey: landKeys.all });
    } catch (error) {
      const details = isApiError(error) ? (error.details as Report | undefined) : undefined;
      if (details?.errors) setReport(details);
      handleError(error);
    } finally {
      setBusy(false);
    }
  };
  const step = !file ? 0 : !report || !report.dryRun || !report.valid ? (report && !report.dryRun ? 2 : 1) : 2;
  return (
    <Card title="Excel 导入批而未供地块">
      <Steps current={step} items={[{ title: '下载模板并填写' }, { title: '试导入检查' }, { title: '正式导入' }]} />
      <Space orientation="vertical" style={{ marginTop: 16, width: '100%' }}>
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            void download('/parcels/import/template.xlsx', { fallbackName: '地块导入模板.xlsx' }).catch(handleError)
          }
          data-testid="import-template"
        >
          下载导入模板
        </Button>
        <Upload
          accept=".xlsx"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            setReport(null);
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setReport(null);
          }}
        >
          <Button icon={<UploadOutlined />} data-testid="import-choose">
            选择填好的 Excel 文件
          </Button>
        </Upload>
        <Space>
          <Button disabled={!file} loading={busy} onClick={() => void send(true)} data-testid="import-dry-run">
            试导入（只检查，不写入）
          </Button>
          <Button
            type="primary"
            disabled={!report?.dryRun || !report.valid}
            loading={busy}
            onClick={() => void send(false)}
            data-testid="import-run"
          >
            正式导入
          </Button>
        </Space>
        <Typography.Text type="secondary">有一行出错，整个文件都不会写入；请按下表改正后重新选择文件。</Typography.Text>
        {report && report.valid && report.dryRun && (
          <Alert type="success" showIcon title={`检查通过：共 ${report.rows} 行，可以正式导入`} />
        )}
        {report && !report.dryRun && report.valid && (
          <Alert type="success" showIcon title={`已导入 ${report.inserted} 宗地块`} data-testid="import-done" />
        )}
        {report && !report.valid && (
          <Table
            rowKey={(e) => `${e.row}-${e.message}`}
            size="small"
            dataSource={report.errors}
            pagination={{ pageSize: 20 }}
            columns={[
              { title: '行号', dataIndex: 'row', width: 80 },
              { title: '问题', dataIndex: 'message' },
            ]}
            data-testid="import-errors"
          />
        )}
      </Space>
    </Card>
  );
}
