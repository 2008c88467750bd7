import { Col, Row, Typography } from 'antd';
import type { AuditEvent } from '@pgs/domain';

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">（无）</Typography.Text>;
  return (
    <pre style={{ margin: 0, maxHeight: 360, overflow: 'auto', background: '#fafafa', padding: 8, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

/** The expanded row: the record before and after the change, the client it came from, and the chain hashes that seal it. */
export function AuditEventDetail({ event }: { event: AuditEvent }) {
  return (
    <div data-testid={`audit-detail-${event.id}`}>
      <Row gutter={16}>
        <Col span={12}>
          <Typography.Text strong>变更前</Typography.Text>
          <Json value={event.before} />
        </Col>
        <Col span={12}>
          <Typography.Text strong>变更后</Typography.Text>
          <Json value={event.after} />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }} data-testid={`audit-client-${event.id}`}>
        客户端：{event.clientAddress ?? '系统'}
        {event.userAgent ? ` · ${event.userAgent}` : ''}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginTop: 4, marginBottom: 0, fontSize: 12 }}>
        序号 {event.seq} · 前序哈希 {event.prevHash} · 本条哈希 {event.hash}
      </Typography.Paragraph>
    </div>
  );
}
