import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained audit trail of every write. A trigger in the migrations refuses UPDATE, DELETE and
 * TRUNCATE, and on PostgreSQL the application may run as a role that can only SELECT and INSERT here
 * (restricted-role.ts). Each row's hash is an HMAC, with a key kept outside the database (audit-key.ts), over its
 * content and the previous row's hash; `seq` numbers the rows without gaps, so a deleted row is named; the head is
 * anchored in a file outside the database (audit-anchor.ts), so a cut tail is found too.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** 1, 2, 3 … in chain order with no gaps (identity ids skip values when a transaction rolls back). */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    /**
     * The client's address (Fastify's request.ip) and user agent; null for the system's own work (seeding, scripts).
     */
    clientAddress: text('client_address'),
    userAgent: text('user_agent'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [
    uniqueIndex('audit_seq_idx').on(table.seq),
    index('audit_entity_idx').on(table.entityType, table.entityId),
    index('audit_at_idx').on(table.at),
  ],
);
