import { can, type Permission, type PlatformKey, type Role } from '@pgs/domain';
import { forbidden } from './errors.ts';

/** Who is acting: the signed-in user, or the system itself for start-up seeding. */
export type Actor = {
  id: number | null;
  username: string;
  displayName: string;
  role: Role | 'system';
  platformKey: PlatformKey | null;
};

export const SYSTEM_ACTOR: Actor = {
  id: null,
  username: 'system',
  displayName: '系统',
  role: 'system',
  platformKey: null,
};

/**
 * Someone without an account acting through a public page (an objection to a public notice): the audit row keeps
 * the client's address; the trail shows 公众.
 */
export const PUBLIC_ACTOR: Actor = {
  id: null,
  username: 'public',
  displayName: '公众',
  role: 'system',
  platformKey: null,
};

/** Authorisation lives in the services (DESIGN.md): each use case states the permission it needs. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (actor.role === 'system') return;
  if (!can(actor.role, permission)) throw forbidden();
}

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
