import { readFileSync } from 'node:fs';
import { asc } from 'drizzle-orm';
import { industryLineage, PLATFORMS, type Industry, type IndustryLevel } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { badRequest, notFound, unprocessable } from '../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { industries, platforms } from './reference.table.ts';
import { countIndustries, findIndustries, searchIndustries, type IndustryRow } from './industries.repository.ts';
import { generationOf, perDatabase, ShortLivedCache, signalChange } from '../platform/change-signals.ts';
import { parseIndustryCsv, type IndustryEntry } from './industry-table-parse.ts';

const BUNDLED_TABLE = new URL('./data/gbt4754-2017.csv', import.meta.url);
const INSERT_BATCH = 500;

const toIndustry = (row: IndustryRow): Industry => row;

export async function listPlatforms(db: Db) {
  const rows = await db.select().from(platforms).orderBy(asc(platforms.sortOrder));
  return rows.map(({ sortOrder: _order, ...platform }) => platform);
}

export async function listIndustries(
  db: Db,
  actor: Actor,
  filter: { q?: string; parent?: string; level?: IndustryLevel; page: number; pageSize: number },
) {
  requirePermission(actor, 'industries.read');
  const { rows, total } = await searchIndustries(db, filter);
  return { items: rows.map(toIndustry), total, page: filter.page, pageSize: filter.pageSize };
}

export async function getIndustry(db: Db, actor: Actor, code: string) {
  requirePermission(actor, 'industries.read');
  const lineage = await industriesByCode(db, industryLineage(code));
  const self = lineage.get(code);
  if (!self) throw notFound(`行业代码 ${code} 不在 GB/T 4754-2017 行业分类中`);
  return { ...self, lineage: industryLineage(code).flatMap((c) => lineage.get(c) ?? []) };
}

/**
 * Issue #15: a classify names the code's lineage (at most four codes) on every keystroke; those names come from memory
 * when `now` is given. An industry-table import moves the 'catalog' generation (here, and by the trigger's NOTIFY on
 * industries in every process on the same PostgreSQL).
 */
const LINEAGE_CACHE_MS = 5_000;
const lineageCache = perDatabase<ShortLivedCache<string, Map<string, Industry>>>(
  () => new ShortLivedCache('catalog', LINEAGE_CACHE_MS),
);

/** Names for other modules (the catalog shows every item's industry name); cached for short code lists with `now`. */
export async function industriesByCode(db: Db, codes: readonly string[], now?: Date): Promise<Map<string, Industry>> {
  const key = codes.join(',');
  const cache = now && codes.length <= 8 ? { entries: lineageCache(db), now } : null;
  const cached = cache?.entries.get(key, cache.now);
  if (cached) return cached;
  const generation = generationOf('catalog');
  const rows = await findIndustries(db, [...new Set(codes)]);
  const names = new Map(rows.map((row) => [row.code, toIndustry(row)]));
  cache?.entries.set(key, names, generation, cache.now);
  return names;
}

async function replaceTable(db: Db, entries: IndustryEntry[]) {
  await db.delete(industries);
  for (let start = 0; start < entries.length; start += INSERT_BATCH) {
    await db.insert(industries).values(entries.slice(start, start + INSERT_BATCH));
  }
}

const countByLevel = (entries: IndustryEntry[]) =>
  entries.reduce<Record<string, number>>((acc, e) => ({ ...acc, [e.level]: (acc[e.level] ?? 0) + 1 }), {});

/**
 * Replaces the whole industry table from an official CSV (`code,name`), in one transaction. Refused, with
 * every row error, when the file is bad, and when codes used by a catalog would disappear.
 */
export async function importIndustryTable(
  db: Db,
  actor: Actor,
  /** Read only after the permission check, so a refused user's 64 MB upload is never parsed. */
  readCsv: () => Promise<string>,
  deps: { codesInUse: () => Promise<string[]> },
  now: Date,
) {
  requirePermission(actor, 'industries.import');
  const csvText = await readCsv();
  if (!csvText.trim()) throw badRequest('上传的文件是空的');
  const { entries, errors, errorCount } = await parseIndustryCsv(csvText);
  const unlisted = errorCount > errors.length ? `（明细列出前 ${errors.length} 处）` : '';
  if (errorCount > 0)
    throw unprocessable('IMPORT_INVALID', `行业分类表有 ${errorCount} 处错误，未导入任何数据${unlisted}`, errors);
  const incoming = new Set(entries.map((e) => e.code));
  const missing = (await deps.codesInUse()).filter((code) => !incoming.has(code));
  if (missing.length > 0) {
    throw unprocessable(
      'CODES_IN_USE',
      `新表缺少产业准入目录正在使用的行业代码：${missing.join('、')}，未导入`,
      missing.map((code) => ({ row: 0, column: 'code', message: `缺少 ${code}` })),
    );
  }
  const byLevel = countByLevel(entries);
  await db.transaction(async (tx) => {
    const before = await countIndustries(tx);
    await replaceTable(tx, entries);
    await recordAudit(
      tx,
      actor,
      {
        action: 'industries.import',
        entityType: 'industries',
        before: { count: before },
        after: { count: entries.length, byLevel },
      },
      now,
    );
  });
  signalChange('catalog');
  return { imported: entries.length, byLevel };
}

/** First start: the platforms of POLICY.md and the bundled GB/T 4754-2017 table (D13). */
export async function ensureReferenceData(db: Db, actor: Actor, now: Date) {
  const existing = await db.select({ key: platforms.key }).from(platforms);
  if (existing.length === 0) {
    await db.transaction(async (tx) => {
      const rows = PLATFORMS.map((p, sortOrder) => ({ ...p, sortOrder }));
      await tx.insert(platforms).values(rows);
      await recordAudit(tx, actor, { action: 'platforms.seed', entityType: 'platforms', after: rows }, now);
    });
  }
  if ((await countIndustries(db)) === 0) {
    const { entries, errors } = await parseIndustryCsv(readFileSync(BUNDLED_TABLE, 'utf8'));
    if (errors.length > 0) throw new Error(`内置行业分类表有误：${JSON.stringify(errors.slice(0, 3))}`);
    await db.transaction(async (tx) => {
      await replaceTable(tx, entries);
      await recordAudit(
        tx,
        actor,
        {
          action: 'industries.seed',
          entityType: 'industries',
          after: { count: entries.length, byLevel: countByLevel(entries) },
        },
        now,
      );
    });
  }
}
