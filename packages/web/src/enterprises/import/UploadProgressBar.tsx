import { Progress, Space, Typography } from 'antd';
import {
  IMPORT_PROGRESS_PHASE_LABELS,
  importProgressPercent,
  type ImportProgress,
} from '@pgs/domain/enterprise-records/import-progress';
import type { UploadProgress } from '../upload-with-progress.ts';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;

/** What the server says it is doing once the file is in: the phase and the rows checked so far. */
function serverSentence(server: ImportProgress | null, checking: string): string {
  if (!server) return checking;
  const rows = server.rows > 0 ? `，已检查 ${server.rows.toLocaleString('zh-CN')} 行` : '';
  return `${IMPORT_PROGRESS_PHASE_LABELS[server.phase]}${rows}`;
}

/** Bytes sent while the file streams in, then the server's own progress (checking row by row, writing) until the answer arrives. */
export function UploadProgressBar({
  progress,
  server,
  fileSize,
  checking,
}: {
  progress: UploadProgress | null;
  server: ImportProgress | null;
  fileSize: number;
  checking: string;
}) {
  // A report from the server means the file is in, whatever the browser has said of the upload so far.
  if (!progress && !server) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-progress">
        <Progress percent={0} status="active" />
        <Typography.Text type="secondary">正在上传 {mb(fileSize)}…</Typography.Text>
      </Space>
    );
  }
  if (progress && !progress.sent && !server) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-progress">
        <Progress percent={progress.percent} status="active" />
        <Typography.Text type="secondary">
          正在上传 {mb(progress.loaded)} / {mb(progress.total)}
        </Typography.Text>
      </Space>
    );
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-progress">
      <Progress percent={100} status="success" format={() => '已上传'} />
      <Progress
        percent={server ? importProgressPercent(server) : 0}
        status="active"
        data-testid="import-server-progress"
      />
      <Typography.Text type="secondary" data-testid="import-server-phase">
        已上传 {mb(progress?.total ?? fileSize)}；{serverSentence(server, checking)}
      </Typography.Text>
    </Space>
  );
}
