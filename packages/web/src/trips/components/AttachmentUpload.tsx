import { useState } from 'react';
import { App, Button, Space, Typography, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { ATTACHMENT_KINDS, type AttachmentKind } from '@pgs/domain';
import { handleError } from '../../api/queryClient.ts';
import { attachmentUrl, uploadAttachment, type TripView } from '../trips.api.ts';

/** The trip's photos and minutes (links to download) and, for its platform, a button to add one. */
export function AttachmentList({
  trip,
  mayUpload,
  onUploaded,
}: {
  trip: TripView;
  mayUpload: boolean;
  onUploaded: (trip: TripView) => void;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Space orientation="vertical" size={4}>
      {trip.attachments.length === 0 && <Typography.Text type="secondary">暂无附件</Typography.Text>}
      {trip.attachments.map((a) => (
        <a key={a.id} href={attachmentUrl(trip.id, a.id)} target="_blank" rel="noreferrer">
          <PaperClipOutlined /> {a.fileName}（{ATTACHMENT_KINDS[a.kind as AttachmentKind].label}，
          {Math.max(1, Math.round(a.sizeBytes / 1024))} KB）
        </a>
      ))}
      {mayUpload && (
        <Upload
          showUploadList={false}
          accept=".jpg,.jpeg,.png,.pdf,.docx"
          beforeUpload={(file) => {
            setBusy(true);
            uploadAttachment(trip, file)
              .then((updated) => {
                message.success(`附件“${file.name}”已上传`);
                onUploaded(updated);
              })
              .catch(handleError)
              .finally(() => {
                setBusy(false);
              });
            return false;
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={busy}>
            上传照片或纪要
          </Button>
        </Upload>
      )}
      {mayUpload && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          照片（JPG、PNG）或纪要（PDF、Word），每个不超过 5 MB，按文件内容识别类型
        </Typography.Text>
      )}
    </Space>
  );
}
