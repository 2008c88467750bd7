import { Table, Typography, type TableColumnsType } from 'antd';
import type { AuditEvent } from '@pgs/domain';
import { fieldLabel, fieldValue, flatten } from '../audit-fields.ts';

type Row = { key: string; label: string; before: string; after: string; changed: boolean };

function rowsOf(event: AuditEvent): Row[] {
  const before = flatten(event.before);
  const after = flatten(event.after);
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  return keys.map((key) => {
    const leaf =
      key
        .split('.')
        .filter((part) => !/^\d+$/.test(part))
        .pop() ?? key;
    const was = before.has(key) ? fieldValue(leaf, before.get(key)) : '—';
    const now = after.has(key) ? fieldValue(leaf, after.get(key)) : '—';
    return {
      key,
      label: fieldLabel(key),
      before: was,
      after: now,
      changed: event.before != null && event.after != null && was !== now,
    };
  });
}

const columns: TableColumnsType<Row> = [
  { title: '字段', dataIndex: 'label', width: 240 },
  {
    title: '变更前',
    dataIndex: 'before',
    render: (value: string, row) =>
      row.changed ? (
        <Typography.Text delete type="secondary">
          {value}
        </Typography.Text>
      ) : (
        value
      ),
  },
  {
    title: '变更后',
    dataIndex: 'after',
    render: (value: string, row) => (row.changed ? <Typography.Text strong>{value}</Typography.Text> : value),
  },
];

/** The expanded row: each field before and after the change, changed ones marked, and the chain hashes that seal it. */
export function AuditEventDetail({ event }: { event: AuditEvent }) {
  const rows = rowsOf(event);
  return (
    <div data-testid={`audit-detail-${event.id}`}>
      <Table<Row>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 30 ? { pageSize: 30, size: 'small' } : false}
        locale={{ emptyText: '这条记录没有字段内容。' }}
        data-testid="audit-detail-table"
      />
      <Typography.Paragraph
        type="secondary"
        style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}
        data-testid={`audit-client-${event.id}`}
      >
        客户端：{event.clientAddress ?? '系统'}
        {event.userAgent ? ` · ${event.userAgent}` : ''}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginTop: 4, marginBottom: 0, fontSize: 12 }}>
        序号 {event.seq} · 前序哈希 {event.prevHash} · 本条哈希 {event.hash}
      </Typography.Paragraph>
    </div>
  );
}
