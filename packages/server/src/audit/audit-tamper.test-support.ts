import { asc, gte, sql } from 'drizzle-orm';
import type { Database } from '../platform/db.ts';
import type { Actor } from '../platform/actor.ts';
import { recordAudit } from './audit.service.ts';
import { useThrowawayAuditKey } from './audit-settings.ts';
import { auditEvents } from './audit.table.ts';
import { unkeyedHash, type ChainedFields } from './audit-hash.ts';
import { verifyChain } from './audit-verify.ts';

export const TAMPER_ACTOR: Actor = { id: 7, username: 'clerk', displayName: '办事员', role: 'drc', platformKey: null };

/**
 * A trail of `rows` audited writes, sealed with a throwaway key and a fresh anchor file, and its verify. The
 * database is made once per test file; each trail starts by emptying audit_events as its owner (triggers off).
 */
export async function smallTrail(database: Database, rows = 12) {
  await asOwnerWithoutTriggers(database, sql`TRUNCATE audit_events RESTART IDENTITY`);
  const settings = useThrowawayAuditKey();
  for (let i = 1; i <= rows; i += 1) {
    await database.db.transaction((tx) =>
      recordAudit(
        tx,
        TAMPER_ACTOR,
        { action: 'test.write', entityType: 'test', entityId: i, after: { i } },
        new Date(Date.UTC(2026, 10, 28, 2, i)),
      ),
    );
  }
  return { database, settings, verify: () => verifyChain(database.db, settings.key, settings.anchorFile) };
}

/** What the database's owner can do: switch every trigger of the trail off, run `statement`, switch them on. */
export async function asOwnerWithoutTriggers(database: Database, statement: ReturnType<typeof sql>) {
  await database.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER ALL`);
  await database.db.execute(statement);
  await database.db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER ALL`);
}

/**
 * The attack a plain hash chain does not survive: change row `fromSeq`, then recompute it and every later hash with
 * SHA-256 — all the attacker can do without the key.
 */
export async function rewriteChainWithoutKey(database: Database, fromSeq: number, actorName: string) {
  const rows = await database.db
    .select()
    .from(auditEvents)
    .where(gte(auditEvents.seq, fromSeq - 1))
    .orderBy(asc(auditEvents.seq));
  let prevHash = rows[0]!.hash;
  await database.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER ALL`);
  for (const row of rows.slice(1)) {
    const changed = { ...row, actorName: row.seq === fromSeq ? actorName : row.actorName };
    const hash = unkeyedHash(prevHash, changed);
    await database.db.execute(
      sql`UPDATE audit_events SET actor_name = ${changed.actorName}, prev_hash = ${prevHash}, hash = ${hash} WHERE seq = ${row.seq}`,
    );
    prevHash = hash;
  }
  await database.db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER ALL`);
}

/** A row made to look like the next link of the chain, hashed the only way a forger can (no key). */
export function forgedNextRow(last: { seq: number; hash: string }) {
  const fields: ChainedFields = {
    seq: last.seq + 1,
    at: new Date(Date.UTC(2026, 10, 28, 3, 0)),
    actorId: 1,
    actorName: 'admin',
    action: 'user.update',
    entityType: 'user',
    entityId: '3',
    before: null,
    after: { role: 'admin' },
    clientAddress: '10.0.0.9',
    userAgent: 'forger',
  };
  return { ...fields, prevHash: last.hash, hash: unkeyedHash(last.hash, fields) };
}
