import {
  ACCOUNT_CHANGE_LABELS,
  describeAccountChange,
  type AccountChange,
  type AccountChangeKind,
  type AccountSnapshot,
} from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { conflict, notFound } from '../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  findAccountChange,
  insertAccountChange,
  listAccountChanges,
  markReviewed,
  type AccountChangeRow,
} from './account-changes.repository.ts';
import type { UserRow } from './users.repository.ts';

export const snapshotOf = (row: UserRow): AccountSnapshot => ({
  displayName: row.displayName,
  role: row.role,
  platformKey: row.platformKey,
  disabled: row.disabled,
});

/**
 * Lists an account change for the auditor's review (三员分立, #10.11), in the transaction of the change itself:
 * the change and its entry land together or not at all.
 */
export async function noteAccountChange(
  tx: Tx,
  actor: Actor,
  change: { kind: AccountChangeKind; user: UserRow; before?: UserRow | null },
  now: Date,
) {
  await insertAccountChange(tx, {
    at: now,
    kind: change.kind,
    actorId: actor.id,
    actorName: actor.username,
    actorDisplayName: actor.displayName,
    userId: change.user.id,
    username: change.user.username,
    before: change.before ? snapshotOf(change.before) : null,
    after: snapshotOf(change.user),
  });
}

function publicChange(row: AccountChangeRow): AccountChange {
  const kind = row.kind;
  return {
    id: row.id,
    at: row.at.toISOString(),
    kind,
    kindLabel: ACCOUNT_CHANGE_LABELS[kind],
    actorName: row.actorName,
    actorDisplayName: row.actorDisplayName,
    userId: row.userId,
    username: row.username,
    description: describeAccountChange(kind, row.before, row.after),
    reviewedAt: row.reviewedAt ? row.reviewedAt.toISOString() : null,
    reviewedBy: row.reviewedBy,
  };
}

export async function accountChangesPage(
  db: Db,
  actor: Actor,
  filter: { reviewed: 'true' | 'false' | 'all'; page: number; pageSize: number },
) {
  requirePermission(actor, 'accounts.review');
  const { rows, total } = await listAccountChanges(db, filter);
  return { items: rows.map(publicChange), total, page: filter.page, pageSize: filter.pageSize };
}

/** The auditor marks a change reviewed (audited). A second click, or a second auditor, gets 409. */
export async function reviewAccountChange(db: Db, actor: Actor, id: number, now: Date) {
  requirePermission(actor, 'accounts.review');
  return db.transaction(async (tx) => {
    const row = await markReviewed(tx, id, actor.username, now);
    if (!row) {
      if (!(await findAccountChange(tx, id))) throw notFound('该账号变更记录不存在');
      throw conflict('该账号变更已审阅过', 'ALREADY_REVIEWED');
    }
    await recordAudit(
      tx,
      actor,
      {
        action: 'account_change.review',
        entityType: 'account_change',
        entityId: id,
        after: { kind: row.kind, username: row.username },
      },
      now,
    );
    return publicChange(row);
  });
}
