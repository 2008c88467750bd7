import { eq, sql } from 'drizzle-orm';
import {
  DEFAULT_PROJECT_SETTINGS,
  sheetDefinitionProblems,
  type ProjectSettingsView,
  type projectSettingsInputSchema,
} from '@pgs/domain';
import type { z } from 'zod';
import type { Db, Tx } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { AppError } from '../platform/errors.ts';
import { saveVersioned } from '../platform/versioned-settings.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { projectSettings } from './projects.table.ts';
import { actorOfUsername } from '../users/users.service.ts';

/** The settings in force: the saved row, or the domain defaults as version 1 until the bureau first saves. */
/** The negotiation window in force as an SQL expression, so a list reads it in its own statement. */
export const negotiationWindowDaysSql = () =>
  sql<number>`coalesce((SELECT ${projectSettings.negotiationWindowDays} FROM ${projectSettings} WHERE ${projectSettings.id} = 1), ${DEFAULT_PROJECT_SETTINGS.negotiationWindowDays})`.mapWith(
    Number,
  );

export async function currentProjectSettings(db: Db | Tx): Promise<ProjectSettingsView> {
  const [row] = await db.select().from(projectSettings).where(eq(projectSettings.id, 1));
  if (!row) return { ...DEFAULT_PROJECT_SETTINGS, version: 1, updatedAt: null, updatedBy: null };
  return {
    negotiationWindowDays: row.negotiationWindowDays,
    undoWindowDays: row.undoWindowDays,
    evaluationSheet: row.evaluationSheet,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

export async function getProjectSettings(db: Db, actor: Actor): Promise<ProjectSettingsView> {
  requirePermission(actor, 'projects.read');
  return withUpdaterName(db, await currentProjectSettings(db));
}

async function withUpdaterName(db: Db, settings: ProjectSettingsView): Promise<ProjectSettingsView> {
  if (!settings.updatedBy) return { ...settings, updatedByName: null };
  const updater =
    settings.updatedBy === 'system'
      ? '系统'
      : ((await actorOfUsername(db, settings.updatedBy))?.displayName ?? settings.updatedBy);
  return { ...settings, updatedByName: updater };
}

/**
 * The bureau changes the negotiation window or the evaluation sheet. Conditional on the version the user saw:
 * the first save inserts the row (the primary key lets one of two first saves in), later ones update it.
 */
export async function updateProjectSettings(
  db: Db,
  actor: Actor,
  input: z.infer<typeof projectSettingsInputSchema>,
  now: Date,
): Promise<ProjectSettingsView> {
  requirePermission(actor, 'projects.configure');
  const problems = sheetDefinitionProblems(input.evaluationSheet);
  if (problems.length > 0)
    throw new AppError(
      400,
      'BAD_REQUEST',
      `评分表有 ${problems.length} 处问题：${problems[0]}`,
      problems.map((message) => ({ message })),
    );
  await db.transaction(async (tx) => {
    const before = await currentProjectSettings(tx);
    const undoWindowDays = input.undoWindowDays ?? before.undoWindowDays;
    await saveVersioned(tx, projectSettings, {
      key: eq(projectSettings.id, 1),
      row: {
        id: 1,
        negotiationWindowDays: input.negotiationWindowDays,
        undoWindowDays,
        evaluationSheet: input.evaluationSheet,
        updatedAt: now,
        updatedBy: actor.username,
      },
      seenVersion: input.version,
      what: '招商项目设置',
    });
    await recordAudit(
      tx,
      actor,
      {
        action: 'projects.settings_update',
        entityType: 'project_settings',
        entityId: 1,
        before: {
          negotiationWindowDays: before.negotiationWindowDays,
          undoWindowDays: before.undoWindowDays,
          evaluationSheet: before.evaluationSheet,
          version: before.version,
        },
        after: {
          negotiationWindowDays: input.negotiationWindowDays,
          undoWindowDays,
          evaluationSheet: input.evaluationSheet,
          version: input.version + 1,
        },
      },
      now,
    );
  });
  return withUpdaterName(db, await currentProjectSettings(db));
}
