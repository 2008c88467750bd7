import { createHash, createHmac } from 'node:crypto';
import stringify from 'safe-stable-stringify';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * What a row's hash covers: everything it says, in canonical JSON (sorted keys, so jsonb's key order does not matter).
 */
export type ChainedFields = {
  seq: number;
  at: Date;
  actorId: number | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  clientAddress: string | null;
  userAgent: string | null;
};

function chainInput(prevHash: string, fields: ChainedFields): string {
  const canonical = stringify({
    seq: fields.seq,
    at: fields.at.toISOString(),
    actorId: fields.actorId,
    actorName: fields.actorName,
    action: fields.action,
    entityType: fields.entityType,
    entityId: fields.entityId,
    before: fields.before ?? null,
    after: fields.after ?? null,
    clientAddress: fields.clientAddress,
    userAgent: fields.userAgent,
  });
  return `${prevHash}\n${canonical}`;
}

/**
 * The hash of one row: HMAC-SHA256, keyed with the secret kept outside the database, over the previous row's hash
 * and this row's content. Whoever owns the database but not the key cannot make a row that verifies.
 */
export function keyedHash(secret: Buffer, prevHash: string, fields: ChainedFields): string {
  return createHmac('sha256', secret).update(chainInput(prevHash, fields)).digest('hex');
}

/**
 * The same input with plain SHA-256: what someone without the key would compute; verify uses it to call a row forged.
 */
export function unkeyedHash(prevHash: string, fields: ChainedFields): string {
  return createHash('sha256').update(chainInput(prevHash, fields)).digest('hex');
}

/**
 * The scheme of the rows written before migration 0009 (no key, no seq, no client): checked only up to the key's
 * `legacyThrough`.
 */
export function legacyHash(prevHash: string, fields: ChainedFields): string {
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
