import { Button, Card, Space, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { AuditEvent } from '@pgs/domain';
import { useDownload } from '../../shared/useDownload.ts';
import { formatDateTime } from '../../shared/format.ts';
import { exportAudit, useAuditEvents, verifyAuditChain, type AuditFilters } from '../audit.api.ts';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '../audit-labels.ts';
import { AuditVerifyAlert } from './AuditVerifyAlert.tsx';
import { AuditEventDetail } from './AuditEventDetail.tsx';
import { AuditFilterForm } from './AuditFilterForm.tsx';
import { PagedTable } from '../../shared/PagedTable.tsx';
import { usePaging } from '../../shared/usePaging.ts';
import { useFilterParams } from '../../shared/useFilterParams.ts';
import { isAnyText, isDay } from '../../shared/filter-params.ts';

const columns: TableColumnsType<AuditEvent> = [
  { title: '编号', dataIndex: 'id', width: 80 },
  { title: '时间（北京时间）', dataIndex: 'at', width: 180, render: (value: string) => formatDateTime(value) },
  { title: '操作人', dataIndex: 'actorDisplayName', width: 180 },
  {
    title: '动作',
    dataIndex: 'action',
    width: 240,
    render: (value: string) => AUDIT_ACTION_LABELS[value] ?? '其他操作',
  },
  {
    title: '对象',
    key: 'entity',
    render: (_value, event) =>
      `${AUDIT_ENTITY_LABELS[event.entityType] ?? '其他对象'}${event.entityId ? ` #${event.entityId}` : ''}`,
  },
  {
    title: '客户端地址',
    dataIndex: 'clientAddress',
    width: 150,
    // The system's own work (start-up, command line) has no client.
    render: (value: string | null) => value ?? <Typography.Text type="secondary">系统</Typography.Text>,
  },
];

/** The filters as the address holds them: Back or a shared link opens the trail filtered as it was. */
const FILTERS = { entityType: isAnyText, action: isAnyText, actor: isAnyText, from: isDay, to: isDay };

/** 审计日志 (auditor): the append-only, hash-chained trail of every write; read, verify and export only. */
export function AuditPage() {
  const [filters, setFilters] = useFilterParams(FILTERS);
  const paging = usePaging(50);
  const events = useAuditEvents(filters, paging.page, paging.pageSize);
  const verify = useMutation({ mutationFn: verifyAuditChain });

  const exporting = useDownload(() => exportAudit(filters));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <AuditFilterForm
          applied={filters}
          onChange={(next: AuditFilters) => {
            setFilters({
              entityType: undefined,
              action: undefined,
              actor: undefined,
              from: undefined,
              to: undefined,
              ...next,
            });
          }}
        />
      </Card>
      <Card
        extra={
          <Space>
            <Button
              icon={<SafetyCertificateOutlined />}
              loading={verify.isPending}
              onClick={() => {
                verify.mutate();
              }}
              data-testid="audit-verify-button"
            >
              校验哈希链
            </Button>
            <Button
              icon={<DownloadOutlined />}
              loading={exporting.downloading}
              onClick={() => void exporting.start()}
              data-testid="audit-export-button"
            >
              导出Excel
            </Button>
          </Space>
        }
      >
        {verify.data && (
          <AuditVerifyAlert
            result={verify.data}
            onClose={() => {
              verify.reset();
            }}
          />
        )}
        <div data-testid="audit-table">
          <PagedTable<AuditEvent>
            rowKey="id"
            size="middle"
            columns={columns}
            query={events}
            paging={paging}
            pageSizeOptions={[20, 50, 100, 200]}
            totalText={(total) => `共 ${total} 条`}
            expandable={{ expandedRowRender: (event) => <AuditEventDetail event={event} /> }}
          />
        </div>
      </Card>
    </Space>
  );
}
