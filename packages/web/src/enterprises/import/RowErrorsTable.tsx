import { Table, Typography } from 'antd';
import { ENTERPRISE_RECORD_FIELD_LABELS } from '@pgs/domain';
import type { RowError } from '../enterprises.api.ts';

/** A column as the template names it: the API field's Chinese header, or what the server sent (a header, a letter). */
export function columnLabel(column: string): string {
  if (!column) return '—';
  return (ENTERPRISE_RECORD_FIELD_LABELS as Record<string, string>)[column] ?? column;
}

/** The dry-run report: row (as Excel numbers it), column and the Chinese message of every bad cell. */
export function RowErrorsTable({ errors }: { errors: RowError[] }) {
  return (
    <div data-testid="import-row-errors">
      <Table<RowError>
        rowKey={(error, index) => `${error.row}-${error.column}-${index ?? 0}`}
        size="small"
        dataSource={errors}
        pagination={
          errors.length > 20
            ? { pageSize: 20, showSizeChanger: false, showTotal: (total) => `共 ${total} 处错误` }
            : false
        }
        columns={[
          {
            title: '行号',
            dataIndex: 'row',
            width: 90,
            render: (row: number) => (row > 0 ? `第 ${row} 行` : '整个文件'),
          },
          {
            title: '列',
            dataIndex: 'column',
            width: 260,
            render: (column: string) => (
              <span>
                {columnLabel(column)}
                {column && columnLabel(column) !== column && (
                  <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
                    {column}
                  </Typography.Text>
                )}
              </span>
            ),
          },
          { title: '错误说明', dataIndex: 'message' },
        ]}
      />
    </div>
  );
}
