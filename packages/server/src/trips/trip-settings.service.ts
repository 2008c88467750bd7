import { DEFAULT_REPORT_WITHIN_DAYS } from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { staleVersion } from '../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { saveSettingsAt, settingsRow } from './trips.repository.ts';

/** R2.8 "及时报备": the bureau's number of days after return; the default (3) as version 1 until first saved. */
export async function currentTripSettings(db: Db | Tx) {
  const row = await settingsRow(db);
  return { reportWithinDays: row?.reportWithinDays ?? DEFAULT_REPORT_WITHIN_DAYS, version: row?.version ?? 1 };
}

export async function getTripSettings(db: Db, actor: Actor) {
  requirePermission(actor, 'trips.read');
  return currentTripSettings(db);
}

export async function updateTripSettings(
  db: Db,
  actor: Actor,
  input: { reportWithinDays: number; version: number },
  now: Date,
) {
  requirePermission(actor, 'trips.configure');
  await db.transaction(async (tx) => {
    const before = await currentTripSettings(tx);
    const saved = await saveSettingsAt(tx, input.version, {
      reportWithinDays: input.reportWithinDays,
      updatedAt: now,
      updatedBy: actor.username,
    });
    if (saved.length === 0) throw staleVersion('外出招商报备期限');
    await recordAudit(
      tx,
      actor,
      {
        action: 'trips.settings_update',
        entityType: 'trip_settings',
        entityId: 1,
        before,
        after: { reportWithinDays: input.reportWithinDays },
      },
      now,
    );
  });
  return currentTripSettings(db);
}
