import type { PlatformKey } from '@pgs/domain';
import type { Actor } from '../platform/actor.ts';
import { forbidden } from '../platform/errors.ts';

/** A platform user's own platform (D10: it sees and files only that platform's enterprises), or undefined for the roles that see every platform. */
export function ownPlatform(actor: Actor): PlatformKey | undefined {
  if (actor.role !== 'platform') return undefined;
  if (!actor.platformKey) throw forbidden('该平台用户没有所属平台，请联系系统管理员');
  return actor.platformKey;
}
