import type { Db, Tx } from '../platform/db.ts';
import { deleteSessionsOfUser } from './sessions.repository.ts';

/** For the users module: a password set or reset ends the user's sessions, but the one that changed it (#10.5). */
export async function endSessionsOfUser(db: Db | Tx, userId: number, keepTokenHash: string | null): Promise<number> {
  return deleteSessionsOfUser(db, userId, keepTokenHash);
}
