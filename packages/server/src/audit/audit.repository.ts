import { and, asc, count, desc, eq, gt, gte, lt, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db.ts';
import { ADVISORY_LOCKS, lockUntilCommit } from '../platform/advisory-locks.ts';
import { auditEvents } from './audit.table.ts';

/** SQL only (STYLE.md): the audit trail's table, read and appended to; the chain's rules live in the service. */

export type AuditEventRow = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;
export type ChainHead = { seq: number; hash: string };

export type AuditFilter = {
  entityType?: string;
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
};

function filterConditions(filter: AuditFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.entityType) conditions.push(eq(auditEvents.entityType, filter.entityType));
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.actor) conditions.push(eq(auditEvents.actorName, filter.actor));
  // Dates are Shanghai days (UTC+8, no daylight saving).
  if (filter.from) conditions.push(gte(auditEvents.at, new Date(`${filter.from}T00:00:00+08:00`)));
  if (filter.to)
    conditions.push(lt(auditEvents.at, new Date(new Date(`${filter.to}T00:00:00+08:00`).getTime() + 86_400_000)));
  return conditions.length ? and(...conditions) : undefined;
}

/**
 * Orders appends to the chain: held until the transaction ends, which is why it takes a transaction and never a bare
 * connection (on a connection the lock would be released at once).
 */
export async function lockChain(tx: Tx): Promise<void> {
  await lockUntilCommit(tx, ADVISORY_LOCKS.auditChain);
}

/** The newest row's seq and hash; undefined while the trail is empty. */
export async function chainHead(db: Db | Tx): Promise<ChainHead | undefined> {
  const [head] = await db
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return head;
}

/** The newest row's seq alone (an index-only read of audit_seq_idx); 0 while the trail is empty. */
export async function headSeq(db: Db | Tx): Promise<number> {
  const [head] = await db.select({ seq: auditEvents.seq }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  return head?.seq ?? 0;
}

export async function insertEvent(tx: Tx, values: NewAuditEvent): Promise<void> {
  await tx.insert(auditEvents).values(values);
}

export async function countEvents(db: Db, filter: AuditFilter = {}): Promise<number> {
  const [{ total } = { total: 0 }] = await db
    .select({ total: count() })
    .from(auditEvents)
    .where(filterConditions(filter));
  return total;
}

/** One page of the matching events, newest first (the audit list). */
export async function eventsPage(
  db: Db,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<AuditEventRow[]> {
  return db
    .select()
    .from(auditEvents)
    .where(filterConditions(filter))
    .orderBy(desc(auditEvents.id))
    .limit(page.limit)
    .offset(page.offset);
}

/** The next `limit` matching events after id `afterId`, oldest first (the export's batches). */
export async function eventsAfterId(
  db: Db,
  filter: AuditFilter,
  afterId: number,
  limit: number,
): Promise<AuditEventRow[]> {
  return db
    .select()
    .from(auditEvents)
    .where(and(filterConditions(filter), gt(auditEvents.id, afterId)))
    .orderBy(asc(auditEvents.id))
    .limit(limit);
}

/** The next `limit` events after chain position `afterSeq`, in chain order (the verifier's walk). */
export async function eventsAfterSeq(db: Db, afterSeq: number, limit: number): Promise<AuditEventRow[]> {
  return db.select().from(auditEvents).where(gt(auditEvents.seq, afterSeq)).orderBy(asc(auditEvents.seq)).limit(limit);
}
