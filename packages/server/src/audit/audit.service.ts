import type { Db, Tx } from '../platform/db.ts';
import type { Actor } from '../platform/actor.ts';
import { requirePermission } from '../platform/actor.ts';
import { currentRequestClient } from '../platform/request-context.ts';
import { displayNamesOf } from '../users/display-names.service.ts';
import {
  chainHead,
  countEvents,
  eventsAfterId,
  eventsPage,
  headSeq,
  insertEvent,
  lockChain,
  type AuditEventRow,
  type AuditFilter,
} from './audit.repository.ts';
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
  await lockChain(tx);
  const last = await chainHead(tx);
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
  await insertEvent(tx, { ...fields, prevHash, hash: keyedHash(key.secret, prevHash, fields) });
  noteAuditWrite();
}

/**
 * A number that moves on every committed write of the system (issue #14, the cockpit's cache): every write is audited
 * in its own transaction, and the chain's lock is held until commit, so seq grows in commit order — a snapshot that
 * sees seq N sees every write up to N and none after. Read it BEFORE the figures it stands for: an answer then never
 * lacks a write older than its generation (it may hold a newer one, which is a later generation's miss anyway).
 */
export async function writeGeneration(db: Db): Promise<number> {
  return headSeq(db);
}

function toView(row: AuditEventRow) {
  return { ...row, at: row.at.toISOString() };
}

export async function listAudit(db: Db, actor: Actor, filter: AuditFilter & { page: number; pageSize: number }) {
  requirePermission(actor, 'audit.read');
  const total = await countEvents(db, filter);
  const rows = await eventsPage(db, filter, { limit: filter.pageSize, offset: (filter.page - 1) * filter.pageSize });
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
    const batch = await eventsAfterId(db, filter, afterId, 1000);
    const last = batch.at(-1);
    if (!last) return;
    yield* batch.map(toView);
    afterId = last.id;
  }
}

/** Walks the whole chain and every anchor: the auditor's proof that nothing was changed, added or cut off. */
export async function verifyAuditChain(db: Db, actor: Actor) {
  requirePermission(actor, 'audit.read');
  const { key, anchorFile } = auditSettings();
  return verifyChain(db, key, anchorFile);
}
