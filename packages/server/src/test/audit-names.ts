import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '@pgs/domain';
import type { Db } from '../platform/db.ts';

/** Every action and object type in the trail has a Chinese name for the audit page. */
export async function expectEveryAuditActionNamed(db: Db) {
  const result: unknown = await db.execute(sql`SELECT DISTINCT action, entity_type FROM audit_events`);
  const { rows } = result as { rows: Array<{ action: string; entity_type: string }> };
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.map((r) => r.action).filter((a) => !AUDIT_ACTION_LABELS[a])).toEqual([]);
  expect(rows.map((r) => r.entity_type).filter((e) => !AUDIT_ENTITY_LABELS[e])).toEqual([]);
}
