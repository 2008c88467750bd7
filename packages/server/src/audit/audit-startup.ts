import type { Db } from '../platform/db.ts';
import { loadAuditKey } from './audit-key.ts';
import { startAnchorLoop, type AnchorLoop } from './audit-anchor.ts';
import { useAuditSettings } from './audit-settings.ts';
import { assertAppendOnlyRole } from './audit-privileges.ts';

export type AuditStartOptions = {
  keyFile: string;
  anchorFile: string;
  /** PostgreSQL with a separate migration role: the application's own role must be append-only on the trail. */
  appendOnlyRole: boolean;
  clock: () => Date;
  onError?: (error: Error) => void;
};

/**
 * Before anything is written: check the role, load (or, for an empty trail, make) the key, and start anchoring
 * the head after writes. `stop()` anchors once more; call it on shutdown.
 */
export async function startAudit(db: Db, options: AuditStartOptions): Promise<AnchorLoop> {
  if (options.appendOnlyRole) await assertAppendOnlyRole(db);
  const key = await loadAuditKey(db, options.keyFile);
  useAuditSettings({ key, anchorFile: options.anchorFile });
  return startAnchorLoop({ db, file: options.anchorFile, key, clock: options.clock, onError: options.onError });
}
