import { inArray } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db.ts';
import { PUBLIC_ACTOR, SYSTEM_ACTOR } from '../platform/actor.ts';
import { users } from './users.table.ts';

/**
 * People are shown by their display names everywhere (audit trail, catalog 发布人, evaluation runs): records keep
 * the username they were written with (the audit chain hashes it), and the answers look the names up here. The
 * start-up seeding's 'system' reads 系统, a public objection's 'public' 公众; a username no longer in the table is shown as it was written.
 */
export async function displayNamesOf(
  db: Db | Tx,
  usernames: Iterable<string | null | undefined>,
): Promise<(username: string | null | undefined) => string | null> {
  const wanted = [
    ...new Set(
      [...usernames].filter(
        (name): name is string => Boolean(name) && name !== SYSTEM_ACTOR.username && name !== PUBLIC_ACTOR.username,
      ),
    ),
  ];
  const rows =
    wanted.length === 0
      ? []
      : await db
          .select({ username: users.username, displayName: users.displayName })
          .from(users)
          .where(inArray(users.username, wanted));
  const names = new Map(rows.map((row) => [row.username, row.displayName]));
  return (username) => {
    if (!username) return null;
    if (username === SYSTEM_ACTOR.username) return SYSTEM_ACTOR.displayName;
    if (username === PUBLIC_ACTOR.username) return PUBLIC_ACTOR.displayName;
    return names.get(username) ?? username;
  };
}
