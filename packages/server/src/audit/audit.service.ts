import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, gt, gte, lt, sql, type SQL } from 'drizzle-orm';
import stringify from 'safe-stable-stringify';
import type { Db, Tx } from '../platform/db.ts';
import type { Actor } from '../platform/actor.ts';
import { requirePermission } from '../platform/actor.ts';
import { ADVISORY_LOCKS } from '../platform/advisory-locks.ts';
import { auditEvents } from './audit.table.ts';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditInput = {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
};

type HashedFields = {
  at: Date;
  actorId: number | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

/**
 * The hash of one row: SHA-256 over the previous hash and the row's content as canonical JSON (sorted keys),
 * so it survives jsonb's reordering of keys.
 */
export function auditHash(prevHash: string, fields: HashedFields): string {
  const canonical = stringify({
    at: fields.at.toISOString(),
    actorId: fields.actorId,
    actorName: fields.actorName,
    action: fields.action,
    entityType: fields.entityType,
    entityId: fields.entityId,
    before: fields.before ?? null,
    after: fields.after ?? null,
  });
  return createHash('sha256').update(`${prevHash}\n${canonical}`).digest('hex');
}

/** Appends one event inside the caller's transaction, so the write and its audit land together or not at all. */
export async function recordAudit(tx: Tx | Db, actor: Actor, input: AuditInput, now: Date): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${ADVISORY_LOCKS.auditChain})`);
  const [last] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  // JSON round trip: what is hashed is exactly what jsonb stores (no undefined, no Dates, no class instances).
  const fields: HashedFields = {
    at: new Date(now.getTime()),
    actorId: actor.id,
    actorName: actor.username,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId == null ? null : String(input.entityId),
    before: input.before === undefined ? null : JSON.parse(JSON.stringify(input.before)),
    after: input.after === undefined ? null : JSON.parse(JSON.stringify(input.after)),
  };
  await tx.insert(auditEvents).values({ ...fields, prevHash, hash: auditHash(prevHash, fields) });
}

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
  if (filter.to) conditions.push(lt(auditEvents.at, new Date(new Date(`${filter.to}T00:00:00+08:00`).getTime() + 86_400_000)));
  return conditions.length ? and(...conditions) : undefined;
}

function toView(row: typeof auditEvents.$inferSelect) {
  return { ...row, at: row.at.toISOString() };
}

export async function listAudit(db: Db, actor: Actor, filter: AuditFilter & { page: number; pageSize: number }) {
  requirePermission(actor, 'audit.read');
  const where = filterConditions(filter);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(auditEvents).where(where);
  const rows = await db
    .select()
    .from(auditEvents)
    .where(where)
    .orderBy(desc(auditEvents.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  return { items: rows.map(toView), total: Number(total), page: filter.page, pageSize: filter.pageSize };
}

/** Every matching event, oldest first, in batches (for export). */
export async function* auditRows(db: Db, actor: Actor, filter: AuditFilter) {
  requirePermission(actor, 'audit.read');
  let afterId = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditEvents)
      .where(and(filterConditions(filter), gt(auditEvents.id, afterId)))
      .orderBy(asc(auditEvents.id))
      .limit(1000);
    if (batch.length === 0) return;
    yield* batch.map(toView);
    afterId = batch[batch.length - 1]!.id;
  }
}

/** Walks the whole chain and recomputes every hash: the auditor's proof that nothing was changed. */
export async function verifyAuditChain(db: Db, actor: Actor) {
  requirePermission(actor, 'audit.read');
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let afterId = 0;
  for (;;) {
    const batch = await db.select().from(auditEvents).where(gt(auditEvents.id, afterId)).orderBy(asc(auditEvents.id)).limit(1000);
    if (batch.length === 0) break;
    for (const row of batch) {
      const expected = auditHash(prevHash, row);
      if (row.prevHash !== prevHash || row.hash !== expected) {
        return {
          intact: false,
          checked,
          firstBrokenId: row.id,
          message: `哈希链在第 ${row.id} 号审计记录处断开：该记录或其之前的记录被篡改或删除`,
        };
      }
      prevHash = row.hash;
      checked += 1;
    }
    afterId = batch[batch.length - 1]!.id;
  }
  return { intact: true, checked, firstBrokenId: null, message: `哈希链完整：已校验 ${checked} 条审计记录` };
}
