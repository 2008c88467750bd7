import type { Actor } from '../platform/actor.ts';

/**
 * The operator at the server's command line (`npm run account`): the only one who creates and resets admin and
 * auditor accounts (三员分立, #10.11). Audited as 系统（运维） under the name `operator`.
 */
export const OPERATOR_ACTOR: Actor = {
  id: null,
  username: 'operator',
  displayName: '系统（运维）',
  role: 'system',
  platformKey: null,
};
