import { and, asc, count, eq, ilike, inArray, type SQL } from 'drizzle-orm';
import type { IndustryLevel } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { anyOf } from '../platform/rows.ts';
import { industries } from './reference.table.ts';

export type IndustryRow = typeof industries.$inferSelect;

export async function findIndustries(db: Db, codes: readonly string[]): Promise<IndustryRow[]> {
  if (codes.length === 0) return [];
  return db
    .select()
    .from(industries)
    .where(inArray(industries.code, [...codes]));
}

export async function searchIndustries(
  db: Db,
  filter: { q?: string; parent?: string; level?: IndustryLevel; page: number; pageSize: number },
) {
  const conditions: SQL[] = [];
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const prefix = `${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(anyOf([ilike(industries.code, prefix), ilike(industries.name, pattern)]));
  }
  if (filter.parent) conditions.push(eq(industries.parent, filter.parent));
  if (filter.level) conditions.push(eq(industries.level, filter.level));
  const where = conditions.length ? and(...conditions) : undefined;
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(industries).where(where);
  // Sections (letters) first, then codes in numeric order, as the printed standard lists them.
  const rows = await db
    .select()
    .from(industries)
    .where(where)
    .orderBy(asc(industries.code))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  return { rows, total };
}

export async function countIndustries(db: Db): Promise<number> {
  const [row] = await db.select({ total: count() }).from(industries);
  return row?.total ?? 0;
}
