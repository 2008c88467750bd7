import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './db.ts';
import { staleVersion } from './errors.ts';

/** A settings table: one row per key (a singleton, a year …) with the `version` every save raises. */
type VersionedTable = PgTable & { version: PgColumn };

/**
 * The one way a versioned setting is saved (issue #11), in the caller's transaction, conditional on the version the
 * user saw. A setting never saved reads as version 1 (the domain's defaults), so the first save inserts the row with
 * version 2 and the primary key lets one of two first saves in; later saves update `WHERE <key> AND version = seen`.
 * Of two saves of one version exactly one wins; the other gets 409 STALE_VERSION naming `what`.
 */
export async function saveVersioned<T extends VersionedTable>(
  tx: Tx,
  table: T,
  setting: {
    /** The row's key as a condition, e.g. `eq(evaluationMethods.year, year)`. */
    key: SQL;
    /** The whole row without `version`, key columns included (the first save inserts it). */
    row: Omit<T['$inferInsert'], 'version'>;
    seenVersion: number;
    /** Names the setting in the 409 message: "<what>已被他人修改，请刷新后重试". */
    what: string;
  },
): Promise<void> {
  const saved =
    setting.seenVersion === 1
      ? await tx
          .insert(table)
          .values({ ...setting.row, version: 2 } as PgInsertValue<T>)
          .onConflictDoNothing()
          .returning()
      : await tx
          .update(table)
          .set({ ...setting.row, version: sql`${table.version} + 1` })
          .where(and(setting.key, eq(table.version, setting.seenVersion)))
          .returning();
  // `returning()` of a generic table is typed loosely; at run time it is always the array of saved rows.
  if (!Array.isArray(saved) || saved.length === 0) throw staleVersion(setting.what);
}
