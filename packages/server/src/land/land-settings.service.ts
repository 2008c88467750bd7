import { and, eq, sql } from 'drizzle-orm';
import {
  DEFAULT_LAND_SETTINGS,
  type LandSettings,
  type LandSettingsAnswer,
  type LandSettingsView,
  type landSettingsInputSchema,
} from '@pgs/domain';
import type { z } from 'zod';
import type { Db, Tx } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { staleVersion } from '../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { landSettings } from './land.table.ts';
import { refreshAllDeadlines } from './parcels.repository.ts';
import { actorOfUsername } from '../users/users.service.ts';

/** The idle-land settings in force: the saved row, or the national defaults as version 1 until first saved. */
export async function currentLandSettings(db: Db | Tx): Promise<LandSettingsView> {
  const [row] = await db.select().from(landSettings).where(eq(landSettings.id, 1));
  if (!row) return { ...DEFAULT_LAND_SETTINGS, version: 1, updatedAt: null, updatedBy: null };
  return {
    ...DEFAULT_LAND_SETTINGS,
    ...(row.values as Partial<LandSettings>),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

/** The rule values alone (what a clock result records). */
export function settingsValues(view: LandSettingsView): LandSettings {
  const { version: _v, updatedAt: _a, updatedBy: _b, ...values } = view;
  return values;
}

/** The settings with the display name of who last changed them (people never read login names). */
async function answerOf(db: Db, view: LandSettingsView): Promise<LandSettingsAnswer> {
  if (!view.updatedBy) return { ...view, updatedByName: null };
  const name =
    view.updatedBy === 'system' ? '系统' : ((await actorOfUsername(db, view.updatedBy))?.displayName ?? view.updatedBy);
  return { ...view, updatedByName: name };
}

export async function getLandSettings(db: Db, actor: Actor): Promise<LandSettingsAnswer> {
  requirePermission(actor, 'parcels.read');
  return answerOf(db, await currentLandSettings(db));
}

/** The eitc or the drc changes the settings, conditional on the version seen (409 when stale), audited. */
export async function updateLandSettings(
  db: Db,
  actor: Actor,
  input: z.infer<typeof landSettingsInputSchema>,
  now: Date,
): Promise<LandSettingsAnswer> {
  requirePermission(actor, 'parcels.configure');
  const { version, ...values } = input;
  await db.transaction(async (tx) => {
    const before = await currentLandSettings(tx);
    if (before.version !== version) throw staleVersion('闲置土地设置');
    const changed = before.updatedAt
      ? await tx
          .update(landSettings)
          .set({ values, version: sql`${landSettings.version} + 1`, updatedAt: now, updatedBy: actor.username })
          .where(and(eq(landSettings.id, 1), eq(landSettings.version, version)))
          .returning()
      : await tx
          .insert(landSettings)
          .values({ id: 1, values, version: 2, updatedAt: now, updatedBy: actor.username })
          .onConflictDoNothing()
          .returning();
    if (changed.length === 0) throw staleVersion('闲置土地设置');
    // The years of the clocks may have changed: every parcel's threshold days follow in the same transaction.
    await refreshAllDeadlines(tx, { ...settingsValues(before), ...values });
    await recordAudit(
      tx,
      actor,
      {
        action: 'land.settings_update',
        entityType: 'land_settings',
        entityId: 1,
        before: settingsValues(before),
        after: values,
      },
      now,
    );
  });
  return answerOf(db, await currentLandSettings(db));
}
