import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db.ts';
import { users } from '../users/users.table.ts';
import { sessions } from './sessions.table.ts';

/**
 * The session and its user in one round trip, on every authenticated request. Auth and users are the two
 * halves of the platform's identity service (DESIGN.md: platform/auth, users), so this join is the one place
 * where one reads the other's table.
 */
export async function sessionsWithUser(db: Db, tokenHash: string) {
  return db
    .select({ lastSeenAt: sessions.lastSeenAt, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash));
}
