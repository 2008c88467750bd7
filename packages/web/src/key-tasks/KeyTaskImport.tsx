import { useState } from 'react';
import { Alert, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { KeyTaskImportReport } from '@pgs/domain';
import { downloadTemplate, importKeyTasks, keyTaskKeys } from './key-tasks.api.ts';

/** The drc's Excel import (R4.4): check first (nothing written), then import all rows or none. */
export function KeyTaskImport(props: { year: number; open: boolean; onClose: () => void }) {
  const { year, open, onClose } = props;
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<KeyTaskImportReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: (dryRun: boolean) => importKeyTasks(year, file!, dryRun),
    meta: { silent: true },
    onSuccess: (result) => {
      setReport(result);
      setProblem(null);
      if (!result.dryRun) void queryClient.invalidateQueries({ queryKey: keyTaskKeys.all });
    },
    onError: (error) => {
      setProblem(error.message);
    },
  });
  const close = () => {
    setFile(null);
    setReport(null);
    setProblem(null);
    onClose();
  };
  return (
    <Modal
      title={`从 Excel 导入 ${year} 年重点任务`}
      open={open}
      onCancel={close}
      footer={null}
      width={720}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          先下载模板填写，再选择文件“检查”；检查无误后“导入”。有任何一处问题时不会导入任何任务。
        </Typography.Text>
        <Space>
          <Button onClick={() => void downloadTemplate(year)}>下载模板</Button>
          <Upload
            accept=".xlsx"
            maxCount={1}
            beforeUpload={(chosen) => {
              setFile(chosen);
              setReport(null);
              return false;
            }}
            onRemove={() => {
              setFile(null);
            }}
          >
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
          <Button
            disabled={!file}
            loading={run.isPending}
            onClick={() => {
              run.mutate(true);
            }}
            data-testid="import-check"
          >
            检查
          </Button>
          <Button
            type="primary"
            disabled={!file || !report?.dryRun || !report.valid}
            loading={run.isPending}
            onClick={() => {
              run.mutate(false);
            }}
            data-testid="import-run"
          >
            导入
          </Button>
        </Space>
        {problem && <Alert type="error" showIcon title={problem} />}
        {report && report.valid && (
          <Alert
            type="success"
            showIcon
            title={report.dryRun ? `检查通过：共 ${report.rows} 项任务，可以导入` : `已导入 ${report.created} 项任务`}
            data-testid="import-result"
          />
        )}
        {report && !report.valid && (
          <>
            <Alert type="warning" showIcon title={`发现 ${report.problems.length} 处问题，请改正后重新检查`} />
            <Table
              size="small"
              rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
              dataSource={report.problems}
              pagination={{ pageSize: 8 }}
              columns={[
                { title: '行', dataIndex: 'row', width: 60 },
                { title: '列', dataIndex: 'column', width: 100 },
                { title: '问题', dataIndex: 'message' },
              ]}
              data-testid="import-problems"
            />
          </>
        )}
      </Space>
    </Modal>
  );
}
