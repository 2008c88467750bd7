import { isPlatformKey, platformName, type PlatformKey } from '@pgs/domain';
import type { Actor } from '../platform/actor.ts';
import { notFound } from '../platform/errors.ts';
import { platformScope, seesPlatform } from '../platform/platform-scope.ts';

/**
 * D10 for rosters and trips: a platform user reaches only its own platform; another platform's roster, person or
 * trip answers 404 as if it did not exist. The bureau, the leading group and the commissions see every platform.
 */
export function requirePlatformVisible(actor: Actor, platformKey: PlatformKey, what: string): void {
  if (!seesPlatform(actor, platformKey)) throw notFound(`没有找到该${what}`);
}

/** The platform a list is held to: the user's own for a platform user, else the one asked for (or every one). */
export function listPlatform(actor: Actor, asked: PlatformKey | undefined): PlatformKey | undefined {
  return platformScope(actor) ?? asked;
}

/** The platform's name for a sheet; the views carry the key as text (a key that names no platform is shown as is). */
export function platformLabel(key: string): string {
  return isPlatformKey(key) ? platformName(key) : key;
}
