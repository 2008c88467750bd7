import { describe, expect, it } from 'vitest';
import type { Role } from '@pgs/domain';
import { SYSTEM_ACTOR, type Actor } from './actor.ts';
import { AppError } from './errors.ts';
import { platformScope, seesPlatform } from './platform-scope.ts';
import { createTestDatabase } from '../test/test-database.ts';
import { sql } from 'drizzle-orm';

const actor = (role: Role, platformKey: Actor['platformKey'] = null): Actor => ({
  id: 1,
  username: 'u',
  displayName: '用户',
  role,
  platformKey,
});

describe('platformScope: one rule for D10/D17', () => {
  it('D10: holds a platform user to its own platform', () => {
    expect(platformScope(actor('platform', 'oujiangkou'))).toBe('oujiangkou');
  });

  it.each(['leader', 'drc', 'bureau', 'eitc', 'auditor', 'admin'] as const)(
    'D10: gives %s every platform (null)',
    (role) => {
      expect(platformScope(actor(role))).toBeNull();
    },
  );

  it('gives the system every platform', () => {
    expect(platformScope(SYSTEM_ACTOR)).toBeNull();
  });

  it('D10: refuses a platform user without a platform (403) instead of widening to every platform', () => {
    const refuse = () => platformScope(actor('platform', null));
    expect(refuse).toThrow(AppError);
    expect(refuse).toThrow('该平台用户没有所属平台');
    try {
      refuse();
    } catch (error) {
      expect((error as AppError).status).toBe(403);
    }
  });

  it.each([
    ['platform', 'oujiangkou', 'oujiangkou', true],
    ['platform', 'oujiangkou', 'zhenan', false],
    ['platform', 'oujiangkou', null, false],
    ['eitc', null, 'zhenan', true],
    ['eitc', null, null, true],
  ] as const)('D10: %s of %s sees a row of %s: %s', (role, own, rowPlatform, sees) => {
    expect(seesPlatform(actor(role, own), rowPlatform)).toBe(sees);
  });
});

describe('the database holds D10 too', () => {
  it('D10: refuses a platform user without a platform (CHECK users_platform_user_has_platform)', async () => {
    const database = await createTestDatabase();
    try {
      // Raw SQL: platform/ does not import a module's table (the boundaries check), and this is the database's rule.
      const insert = (role: string, platformKey: string | null) =>
        database.db.execute(
          sql`INSERT INTO users (username, password_hash, display_name, role, platform_key) VALUES (${`u_${role}_${platformKey ?? 'none'}`}, 'x', '用户', ${role}, ${platformKey})`,
        );
      await expect(insert('platform', null)).rejects.toSatisfy((error: unknown) =>
        JSON.stringify(error, Object.getOwnPropertyNames(error)).includes('users_platform_user_has_platform'),
      );
      await expect(insert('platform', 'hitech')).resolves.toBeDefined();
      await expect(insert('drc', null)).resolves.toBeDefined();
    } finally {
      await database.close();
    }
  });
});
