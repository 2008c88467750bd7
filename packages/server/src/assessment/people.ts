import type { Db } from '../platform/db.ts';
import { displayNamesOf } from '../users/users.service.ts';

/** Display names of usernames (issue 9: people are shown by name; the system's own steps read 系统). */
export async function displayNames(db: Db, usernames: Array<string | null>): Promise<Map<string, string>> {
  // One query for all of them, not one per person (issue #15).
  const nameOf = await displayNamesOf(db, usernames);
  const names = new Map<string, string>([['system', '系统']]);
  for (const username of usernames) if (username) names.set(username, nameOf(username) ?? username);
  return names;
}
