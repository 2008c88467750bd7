import type { PlatformKey } from '@pgs/domain';
import type { Actor } from '../platform/actor.ts';
import { platformScope } from '../platform/platform-scope.ts';

/**
 * A platform user's own platform (D10: it sees and files only that platform's enterprises), or undefined for the
 * roles that see every platform. The rule itself is platformScope's (one for every module).
 */
export function ownPlatform(actor: Actor): PlatformKey | undefined {
  return platformScope(actor) ?? undefined;
}
