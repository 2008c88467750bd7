import { Progress, Space, Typography } from 'antd';
import type { UploadProgress } from '../upload-with-progress.ts';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;

/** Bytes sent while the file streams in, then "server checks" until the answer arrives. */
export function UploadProgressBar({ progress, fileSize, checking }: { progress: UploadProgress | null; fileSize: number; checking: string }) {
  if (!progress) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-progress">
        <Progress percent={0} status="active" />
        <Typography.Text type="secondary">正在上传 {mb(fileSize)}…</Typography.Text>
      </Space>
    );
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-progress">
      <Progress percent={progress.percent} status={progress.sent ? 'success' : 'active'} />
      <Typography.Text type="secondary">
        {progress.sent ? `已上传 ${mb(progress.total)}，${checking}` : `正在上传 ${mb(progress.loaded)} / ${mb(progress.total)}`}
      </Typography.Text>
    </Space>
  );
}
