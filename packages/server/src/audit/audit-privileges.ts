import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db.ts';
import { firstRow } from '../platform/rows.ts';
import { AuditKeyError } from './audit-key.ts';

export type AuditTableRights = {
  owner: boolean;
  update: boolean;
  delete: boolean;
  truncate: boolean;
  trigger: boolean;
};

/** What the connected role may do to the audit table beyond reading and appending (PostgreSQL). */
export async function auditTableRights(db: Db): Promise<AuditTableRights> {
  const result = (await db.execute(sql`
    SELECT pg_has_role(current_user, c.relowner, 'USAGE') AS owner,
           has_table_privilege(c.oid, 'UPDATE') AS update, has_table_privilege(c.oid, 'DELETE') AS delete,
           has_table_privilege(c.oid, 'TRUNCATE') AS truncate, has_table_privilege(c.oid, 'TRIGGER') AS trigger
    FROM pg_class c WHERE c.oid = 'audit_events'::regclass`)) as { rows: AuditTableRights[] };
  return firstRow(result.rows, 'audit table rights');
}

/**
 * With a separate migration role the application must not be able to change the trail: not own the table (an
 * owner can disable its triggers) and hold no UPDATE, DELETE, TRUNCATE or TRIGGER on it. Otherwise the server
 * does not start, and says which rights to take away.
 */
export async function assertAppendOnlyRole(db: Db): Promise<void> {
  const rights = await auditTableRights(db);
  const excess = Object.entries(rights)
    .filter(([, held]) => held)
    .map(([right]) => (right === 'owner' ? 'OWNER' : right.toUpperCase()));
  if (excess.length === 0) return;
  throw new AuditKeyError(
    `DATABASE_URL 的角色对审计日志表 audit_events 的权限过大（${excess.join('、')}）：应用角色只能 SELECT 和 INSERT，` +
      '请按 NOTES 重新运行 npm run db:restricted-role 生成的 SQL。' +
      ` The DATABASE_URL role may only SELECT and INSERT on audit_events but holds ${excess.join(', ')}.`,
  );
}
