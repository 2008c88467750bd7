import type { PassThrough } from 'node:stream';
import { streamWorkbook } from '../platform/xlsx-stream.ts';
import { excelTime, type SheetColumn } from '../platform/xlsx-format.ts';

type AuditRowView = {
  id: number;
  seq: number;
  at: string;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  clientAddress: string | null;
  userAgent: string | null;
  before: unknown;
  after: unknown;
  hash: string;
};

/** Streams the audit trail into a workbook row by row, so a long trail never sits whole in memory. */
export function streamAuditWorkbook(rows: AsyncIterable<AuditRowView>): PassThrough {
  return streamWorkbook('审计日志', AUDIT_COLUMNS, rows, (row) => ({
    ...row,
    at: excelTime(row.at),
    // The system's own work (start-up seeding, command-line scripts) has no client.
    clientAddress: row.clientAddress ?? '系统',
    userAgent: row.userAgent ?? '',
    before: row.before == null ? '' : JSON.stringify(row.before),
    after: row.after == null ? '' : JSON.stringify(row.after),
  }));
}

const AUDIT_COLUMNS: SheetColumn[] = [
  { header: '编号', key: 'id', width: 8, kind: 'integer' },
  { header: '时间（北京时间）', key: 'at', width: 20, kind: 'time' },
  { header: '操作人', key: 'actorName', width: 14 },
  { header: '操作', key: 'action', width: 22 },
  { header: '对象类型', key: 'entityType', width: 16 },
  { header: '对象编号', key: 'entityId', width: 10 },
  { header: '客户端地址', key: 'clientAddress', width: 18 },
  { header: '客户端（浏览器）', key: 'userAgent', width: 40 },
  { header: '修改前', key: 'before', width: 50 },
  { header: '修改后', key: 'after', width: 50 },
  { header: '序号', key: 'seq', width: 8, kind: 'integer' },
  { header: '哈希', key: 'hash', width: 66 },
];
