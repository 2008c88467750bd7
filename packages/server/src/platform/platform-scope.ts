import type { PlatformKey } from '@pgs/domain';
import type { Actor } from './actor.ts';
import { forbidden } from './errors.ts';

/**
 * The one platform scope (D10, D17): a platform user sees and writes only its own platform's data; every other role
 * (and the system) sees every platform. Returns the platform the actor is held to, or `null` for "every platform".
 *
 * A platform account without a platform is refused rather than given `null`, which would mean every platform. The
 * database refuses such an account too (users_platform_user_has_platform), so this is the second line.
 */
export function platformScope(actor: Actor): PlatformKey | null {
  if (actor.role !== 'platform') return null;
  if (!actor.platformKey) throw forbidden('该平台用户没有所属平台，请联系系统管理员');
  return actor.platformKey;
}

/** Whether the actor may see a row of `platformKey` (`null`: elsewhere in the city, not on a platform). */
export function seesPlatform(actor: Actor, platformKey: PlatformKey | null): boolean {
  const scope = platformScope(actor);
  return scope === null || scope === platformKey;
}
