import { and, eq } from 'drizzle-orm';
import {
  catalogEffectiveDateProblem,
  catalogProblems,
  DEFAULT_CATALOG_HORIZON_MONTHS,
  diffCatalogs,
  isCalendarDay,
  itemProblems,
  platformName,
  shanghaiDay,
  type CatalogItemInput,
  type PlatformKey,
} from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { badRequest, conflict, notFound, staleVersion, unprocessable } from '../platform/errors.ts';
import { isUniqueViolation } from '../platform/db-errors.ts';
import { firstRow, known } from '../platform/rows.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { industriesByCode } from '../reference/reference.service.ts';
import { catalogItems, catalogVersions } from './catalog.table.ts';
import {
  bumpDraftRevision,
  findItem,
  findVersion,
  itemsOfVersion,
  nextPosition,
  publishedVersionsOfPlatform,
  type CatalogVersionRow,
} from './catalog.repository.ts';
import { inForceVersion, loadCatalog } from './catalog.service.ts';
import { toDomainItem, toItemView, toSummary, versionPeople } from './catalog-views.ts';
import { signalChange } from '../platform/change-signals.ts';

async function draftOf(db: Db, versionId: number): Promise<CatalogVersionRow> {
  const row = await findVersion(db, versionId);
  if (!row) throw notFound('目录版本不存在');
  if (row.status !== 'draft') throw conflict('该目录版本已发布，不能修改；请新建草稿', 'NOT_A_DRAFT');
  return row;
}

/** An item is refused when its code is not in GB/T 4754 (D13) or it breaks a rule of R1.2–R1.4. */
async function assertItemAcceptable(db: Db, item: CatalogItemInput) {
  const problems = itemProblems(item);
  if (problems.length > 0) throw unprocessable('ITEM_INVALID', problems.join('；'), problems);
  const names = await industriesByCode(db, [item.industryCode]);
  if (!names.has(item.industryCode))
    throw unprocessable('UNKNOWN_INDUSTRY', `行业代码 ${item.industryCode} 不在 GB/T 4754-2017 国民经济行业分类中`);
}

export async function createDraft(
  db: Db,
  actor: Actor,
  platformKey: PlatformKey,
  input: { version: string; basedOnVersionId?: number },
  now: Date,
) {
  requirePermission(actor, 'catalog.edit');
  const today = shanghaiDay(now);
  const base = input.basedOnVersionId
    ? await findVersion(db, input.basedOnVersionId)
    : await inForceVersion(db, platformKey, today);
  if (input.basedOnVersionId && (!base || base.platformKey !== platformKey))
    throw unprocessable('BAD_BASE', '作为底稿的目录版本不存在或不属于该平台');
  try {
    const draft = await db.transaction(async (tx) => {
      const row = firstRow(
        await tx
          .insert(catalogVersions)
          .values({ platformKey, version: input.version, status: 'draft', createdAt: now, createdBy: actor.username })
          .returning(),
        'insert catalog draft',
      );
      const baseItems = base ? await itemsOfVersion(tx, base.id) : [];
      if (baseItems.length > 0) {
        await tx
          .insert(catalogItems)
          .values(
            baseItems.map(({ id: _id, versionId: _v, revision: _r, ...item }) => ({ ...item, versionId: row.id })),
          );
      }
      await recordAudit(
        tx,
        actor,
        {
          action: 'catalog.draft_create',
          entityType: 'catalog_version',
          entityId: row.id,
          after: { ...row, basedOn: base?.id ?? null, items: baseItems.length },
        },
        now,
      );
      return row;
    });
    return await loadCatalog(db, draft, null, today);
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(`${platformName(platformKey)}已有名为“${input.version}”的目录版本`, 'VERSION_TAKEN');
    throw error;
  }
}

export async function deleteDraft(db: Db, actor: Actor, versionId: number, now: Date) {
  requirePermission(actor, 'catalog.edit');
  const draft = await draftOf(db, versionId);
  await db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(catalogVersions)
      .where(and(eq(catalogVersions.id, versionId), eq(catalogVersions.status, 'draft')))
      .returning();
    if (!deleted) throw conflict('该草稿已被发布或删除', 'NOT_A_DRAFT');
    await recordAudit(
      tx,
      actor,
      { action: 'catalog.draft_delete', entityType: 'catalog_version', entityId: versionId, before: draft },
      now,
    );
  });
}

export async function addItem(db: Db, actor: Actor, versionId: number, input: CatalogItemInput, now: Date) {
  requirePermission(actor, 'catalog.edit');
  await draftOf(db, versionId);
  await assertItemAcceptable(db, input);
  const row = await db.transaction(async (tx) => {
    if (!(await bumpDraftRevision(tx, versionId, null))) throw conflict('该草稿已被发布或删除', 'NOT_A_DRAFT');
    const item = firstRow(
      await tx
        .insert(catalogItems)
        .values({ ...input, versionId, position: await nextPosition(tx, versionId) })
        .returning(),
      'insert catalog item',
    );
    await recordAudit(
      tx,
      actor,
      { action: 'catalog.item_add', entityType: 'catalog_item', entityId: item.id, after: item },
      now,
    );
    return item;
  });
  return toItemView(row, await industriesByCode(db, [row.industryCode]));
}

export async function updateItem(
  db: Db,
  actor: Actor,
  versionId: number,
  itemId: number,
  input: CatalogItemInput & { revision: number },
  now: Date,
) {
  requirePermission(actor, 'catalog.edit');
  await draftOf(db, versionId);
  const { revision, ...fields } = input;
  await assertItemAcceptable(db, fields);
  const row = await db.transaction(async (tx) => {
    const before = await findItem(tx, versionId, itemId);
    if (!before) throw notFound('目录条目不存在');
    if (!(await bumpDraftRevision(tx, versionId, null))) throw conflict('该草稿已被发布或删除', 'NOT_A_DRAFT');
    const [after] = await tx
      .update(catalogItems)
      .set({ ...fields, revision: revision + 1 })
      .where(and(eq(catalogItems.id, itemId), eq(catalogItems.revision, revision)))
      .returning();
    if (!after) throw staleVersion('该目录条目');
    await recordAudit(
      tx,
      actor,
      { action: 'catalog.item_update', entityType: 'catalog_item', entityId: itemId, before, after },
      now,
    );
    return after;
  });
  return toItemView(row, await industriesByCode(db, [row.industryCode]));
}

export async function deleteItem(db: Db, actor: Actor, versionId: number, itemId: number, revision: number, now: Date) {
  requirePermission(actor, 'catalog.edit');
  await draftOf(db, versionId);
  await db.transaction(async (tx) => {
    const before = await findItem(tx, versionId, itemId);
    if (!before) throw notFound('目录条目不存在');
    if (!(await bumpDraftRevision(tx, versionId, null))) throw conflict('该草稿已被发布或删除', 'NOT_A_DRAFT');
    const [deleted] = await tx
      .delete(catalogItems)
      .where(and(eq(catalogItems.id, itemId), eq(catalogItems.revision, revision)))
      .returning();
    if (!deleted) throw staleVersion('该目录条目');
    await recordAudit(
      tx,
      actor,
      { action: 'catalog.item_delete', entityType: 'catalog_item', entityId: itemId, before },
      now,
    );
  });
}

/** What publishing this draft would change against the catalog in force, and what stops it (R1.4, D12). */
export async function diffDraft(db: Db, actor: Actor, versionId: number, now: Date) {
  requirePermission(actor, 'catalog.edit');
  const draft = await findVersion(db, versionId);
  if (!draft) throw notFound('目录版本不存在');
  const today = shanghaiDay(now);
  const base = await inForceVersion(db, draft.platformKey, today);
  const [draftRows, baseRows] = await Promise.all([
    itemsOfVersion(db, versionId),
    base ? itemsOfVersion(db, base.id) : [],
  ]);
  const names = await industriesByCode(
    db,
    [...draftRows, ...baseRows].map((row) => row.industryCode),
  );
  const views = new Map([...draftRows, ...baseRows].map((row) => [row.id, toItemView(row, names)]));
  const diff = diffCatalogs(baseRows.map(toDomainItem), draftRows.map(toDomainItem));
  const view = (item: { id: number | string }) => known(views.get(Number(item.id)), `view of catalog item ${item.id}`);
  return {
    baseVersion: base
      ? toSummary({ ...base, itemCount: baseRows.length }, base.id, today, await versionPeople(db, [base]))
      : null,
    draftRevision: draft.revision,
    added: diff.added.map(view),
    removed: diff.removed.map(view),
    changed: diff.changed.map((c) => ({ before: view(c.before), after: view(c.after), fields: c.fields })),
    unchanged: diff.unchanged,
    problems: catalogProblems(draftRows.map(toDomainItem), platformName(draft.platformKey)),
  };
}

/**
 * R1.1: the drc publishes a reviewed draft with an effective date. Refused with the rule cited when the catalog
 * breaks R1.4 (an overcapacity industry encouraged); 409 when the draft changed since it was reviewed.
 */
export async function publishDraft(
  db: Db,
  actor: Actor,
  versionId: number,
  input: { effectiveDate: string; revision: number },
  now: Date,
  horizonMonths = DEFAULT_CATALOG_HORIZON_MONTHS,
) {
  requirePermission(actor, 'catalog.edit');
  if (!isCalendarDay(input.effectiveDate)) throw badRequest(`生效日期 ${input.effectiveDate} 不存在`);
  // Issue #10.6: from today to the horizon — never backdated (past classifications stay), never so far ahead that
  // no later version could be published before it.
  const dateProblem = catalogEffectiveDateProblem(input.effectiveDate, shanghaiDay(now), horizonMonths);
  if (dateProblem) throw unprocessable('EFFECTIVE_DATE_OUT_OF_RANGE', dateProblem);
  const draft = await draftOf(db, versionId);
  const platform = platformName(draft.platformKey);
  const rows = await itemsOfVersion(db, versionId);
  if (rows.length === 0) throw unprocessable('EMPTY_CATALOG', '目录没有任何条目，不能发布');
  const problems = catalogProblems(rows.map(toDomainItem), platform);
  const [first] = problems;
  if (first)
    throw unprocessable('CATALOG_INVALID', `目录有 ${problems.length} 处问题，不能发布：${first.message}`, problems);
  const latest = (await publishedVersionsOfPlatform(db, draft.platformKey)).reduce<string | null>(
    (max, v) => (v.effectiveDate && (!max || v.effectiveDate > max) ? v.effectiveDate : max),
    null,
  );
  if (latest && input.effectiveDate < latest) {
    throw unprocessable('EFFECTIVE_DATE_TOO_EARLY', `生效日期不能早于已发布版本的生效日期 ${latest}`);
  }
  const published = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(catalogVersions)
      .set({ status: 'published', effectiveDate: input.effectiveDate, publishedAt: now, publishedBy: actor.username })
      .where(
        and(
          eq(catalogVersions.id, versionId),
          eq(catalogVersions.status, 'draft'),
          eq(catalogVersions.revision, input.revision),
        ),
      )
      .returning();
    if (!row) throw staleVersion('该草稿');
    await recordAudit(
      tx,
      actor,
      { action: 'catalog.publish', entityType: 'catalog_version', entityId: versionId, before: draft, after: row },
      now,
    );
    return row;
  });
  signalChange('catalog'); // the cached published versions (catalog.service.ts) are read again
  const today = shanghaiDay(now);
  const inForce = await inForceVersion(db, published.platformKey, today, now);
  return toSummary(
    { ...published, itemCount: rows.length },
    inForce?.id ?? null,
    today,
    await versionPeople(db, [published]),
  );
}
