import type { Db } from '../platform/db.ts';
import { actorOfUsername } from '../users/users.service.ts';

/** Display names of usernames (issue 9: people are shown by name; the system's own steps read 系统). */
export async function displayNames(db: Db, usernames: Array<string | null>): Promise<Map<string, string>> {
  const names = new Map<string, string>([['system', '系统']]);
  for (const username of new Set(usernames)) {
    if (!username || names.has(username)) continue;
    names.set(username, (await actorOfUsername(db, username))?.displayName ?? username);
  }
  return names;
}
