import { and, asc, count, desc, eq, gt, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db.ts';
import type { Actor } from '../platform/actor.ts';
import { requirePermission } from '../platform/actor.ts';
import { currentRequestClient } from '../platform/request-context.ts';
import { displayNamesOf } from '../users/display-names.service.ts';
import { ADVISORY_LOCKS } from '../platform/advisory-locks.ts';
import { auditEvents } from './audit.table.ts';
import { GENESIS_HASH, keyedHash, type ChainedFields } from './audit-hash.ts';
import { noteAuditWrite } from './audit-anchor.ts';
import { auditSettings } from './audit-settings.ts';
import { verifyChain } from './audit-verify.ts';

export type AuditInput = {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
};

/**
 * Appends one event inside the caller's transaction, so the write and its audit land together or not at all.
 * A transaction only (#11): the advisory lock that orders the chain is held until the transaction ends, which a
 * bare connection would not do. The client's address and user agent come from the request being served, if any.
 */
export async function recordAudit(tx: Tx, actor: Actor, input: AuditInput, now: Date): Promise<void> {
  const { key } = auditSettings();
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${ADVISORY_LOCKS.auditChain})`);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const client = currentRequestClient();
  // JSON round trip: what is hashed is exactly what jsonb stores (no undefined, no Dates, no class instances).
  const fields: ChainedFields = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date(now.getTime()),
    actorId: actor.id,
    actorName: actor.username,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId == null ? null : String(input.entityId),
    before: input.before === undefined ? null : JSON.parse(JSON.stringify(input.before)),
    after: input.after === undefined ? null : JSON.parse(JSON.stringify(input.after)),
    clientAddress: client?.address ?? null,
    userAgent: client?.userAgent ?? null,
  };
  await tx.insert(auditEvents).values({ ...fields, prevHash, hash: keyedHash(key.secret, prevHash, fields) });
  noteAuditWrite();
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
  if (filter.to)
    conditions.push(lt(auditEvents.at, new Date(new Date(`${filter.to}T00:00:00+08:00`).getTime() + 86_400_000)));
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
  const nameOf = await displayNamesOf(
    db,
    rows.map((row) => row.actorName),
  );
  const items = rows.map((row) => ({ ...toView(row), actorDisplayName: nameOf(row.actorName) ?? row.actorName }));
  return { items, total, page: filter.page, pageSize: filter.pageSize };
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

/** Walks the whole chain and every anchor: the auditor's proof that nothing was changed, added or cut off. */
export async function verifyAuditChain(db: Db, actor: Actor) {
  requirePermission(actor, 'audit.read');
  const { key, anchorFile } = auditSettings();
  return verifyChain(db, key, anchorFile);
}
