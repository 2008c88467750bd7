import type { PlatformKey, Role } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { SYSTEM_ACTOR } from '../platform/actor.ts';
import { createUser, userByUsername } from '../users/users.service.ts';

/**
 * Demo accounts, one per role (and one per platform), created only in demo mode (PGS_DEMO=1) and printed on the
 * console. Their passwords meet the password policy; they are public, so never enable demo mode in production.
 */
export const DEMO_PASSWORD = 'Demo-Pgs-2026';
export const DEMO_USERS: ReadonlyArray<{
  username: string;
  displayName: string;
  role: Role;
  platformKey?: PlatformKey;
}> = [
  { username: 'leader', displayName: '领导小组 王组长', role: 'leader' },
  { username: 'drc', displayName: '市发改委 陈科长', role: 'drc' },
  { username: 'bureau', displayName: '市招商局 李科长', role: 'bureau' },
  { username: 'eitc', displayName: '市经信委 周科长', role: 'eitc' },
  { username: 'ojk', displayName: '瓯江口管委会 林主任', role: 'platform', platformKey: 'oujiangkou' },
  { username: 'zn', displayName: '浙南管委会 黄主任', role: 'platform', platformKey: 'zhenan' },
  { username: 'gxq', displayName: '高新区管委会 吴主任', role: 'platform', platformKey: 'hitech' },
  { username: 'auditor', displayName: '安全审计员 郑工', role: 'auditor' },
];

export async function ensureDemoUsers(db: Db, now: Date): Promise<string[]> {
  const created: string[] = [];
  for (const user of DEMO_USERS) {
    if (await userByUsername(db, user.username)) continue;
    await createUser(db, SYSTEM_ACTOR, { ...user, password: DEMO_PASSWORD }, now);
    created.push(user.username);
  }
  return created;
}
