import { type PlatformKey } from '@pgs/domain';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { conflict, forbidden, notFound } from '../platform/errors.ts';
import { platformScope } from '../platform/platform-scope.ts';
import { type TargetRowWithChannel } from './targets.repository.ts';

export function assertTargetVisible(
  actor: Actor,
  row: TargetRowWithChannel | undefined,
): asserts row is TargetRowWithChannel {
  const scope = platformScope(actor);
  if (!row || (scope !== null && row.platformKey !== scope)) throw notFound('目标企业不存在');
}

export const quarterClosed = (quarter: string) =>
  conflict(`${quarter} 季度的目标企业库已关闭，只能查看，不能修改`, 'QUARTER_CLOSED');

export function assertMayWrite(actor: Actor, platformKey: PlatformKey) {
  requirePermission(actor, 'targets.edit');
  const scope = platformScope(actor);
  if (scope !== null && scope !== platformKey) throw forbidden('平台用户只能维护本平台的目标企业库');
}
