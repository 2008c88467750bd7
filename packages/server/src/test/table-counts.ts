import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db.ts';

/**
 * Every table's row count, by name (public schema): tests and the fuzz suite compare it before and after a request
 * the server refused, to prove that a refusal wrote nothing anywhere.
 */
export async function countAllRows(db: Db): Promise<Record<string, number>> {
  const tables = (await db.execute(
    sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  )) as { rows: Array<{ tablename: string }> };
  const names = tables.rows.map((row) => row.tablename);
  if (names.length === 0) return {};
  const union = names
    .map((name) => `SELECT '${name}' AS name, count(*)::integer AS n FROM "${name}"`)
    .join(' UNION ALL ');
  const counts = (await db.execute(sql.raw(union))) as { rows: Array<{ name: string; n: number }> };
  return Object.fromEntries(counts.rows.map((row) => [row.name, row.n]));
}
