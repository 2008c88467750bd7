import { eq } from 'drizzle-orm';
import { CATALOG_VERSION_STATE_LABELS, itemProblems, shanghaiDay } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { conflict, notFound, unprocessable } from '../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { industriesByCode } from '../reference/reference.service.ts';
import { catalogItems } from './catalog.table.ts';
import { bumpDraftRevision, findVersion, itemsOfVersion } from './catalog.repository.ts';
import { getVersion } from './catalog.service.ts';
import { buildCatalogWorkbook, parseCatalogWorkbook, type ImportRowError } from './catalog-xlsx.ts';

/** Every catalog version exports to Excel: the users' own working format. */
export async function exportCatalogVersion(db: Db, actor: Actor, versionId: number, now: Date) {
  const catalog = await getVersion(db, actor, versionId, now);
  const buffer = await buildCatalogWorkbook(
    {
      platformName: catalog.platformName,
      version: catalog.version,
      stateLabel: CATALOG_VERSION_STATE_LABELS[catalog.state],
      effectiveDate: catalog.effectiveDate,
    },
    catalog.items,
  );
  return { buffer, fileName: `${catalog.platformName}产业准入指导目录（${catalog.version}）.xlsx` };
}

export async function catalogImportTemplate(actor: Actor) {
  requirePermission(actor, 'catalog.edit');
  const buffer = await buildCatalogWorkbook(
    { platformName: '（平台名称）', version: '（版本名称）', stateLabel: '模板', effectiveDate: null },
    [],
  );
  return { buffer, fileName: '产业准入指导目录导入模板.xlsx' };
}

/**
 * Replaces a draft's items with the rows of a workbook. All or nothing: any bad row (format, unknown code,
 * rule of R1.2–R1.4) is reported with its row and column and nothing is written.
 */
/** `readFile` is called only once the user may import into this draft, so a refused upload is never parsed. */
export async function importCatalogDraft(
  db: Db,
  actor: Actor,
  versionId: number,
  readFile: () => Promise<Buffer>,
  now: Date,
) {
  requirePermission(actor, 'catalog.edit');
  const draft = await findVersion(db, versionId);
  if (!draft) throw notFound('目录版本不存在');
  if (draft.status !== 'draft') throw conflict('只能向草稿导入；请先新建草稿', 'NOT_A_DRAFT');
  const file = await readFile();
  const { rows, errors } = await parseCatalogWorkbook(file);
  const names = await industriesByCode(
    db,
    rows.map((r) => r.item.industryCode),
  );
  const ruleErrors: ImportRowError[] = rows.flatMap(({ row, item }) => [
    ...(names.has(item.industryCode)
      ? []
      : [{ row, column: '行业代码', message: `行业代码 ${item.industryCode} 不在 GB/T 4754-2017 中` }]),
    ...itemProblems(item).map((message) => ({ row, column: '类别', message })),
  ]);
  const allErrors = [...errors, ...ruleErrors].sort((a, b) => a.row - b.row);
  if (allErrors.length > 0)
    throw unprocessable(
      'IMPORT_INVALID',
      `导入文件有 ${allErrors.length} 处错误，未导入任何数据，请修改后重新导入`,
      allErrors,
    );
  if (rows.length === 0)
    throw unprocessable('IMPORT_INVALID', '导入文件没有任何条目', [{ row: 2, column: '', message: '没有数据行' }]);
  const before = await itemsOfVersion(db, versionId);
  await db.transaction(async (tx) => {
    if (!(await bumpDraftRevision(tx, versionId, null))) throw conflict('该草稿已被发布或删除', 'NOT_A_DRAFT');
    await tx.delete(catalogItems).where(eq(catalogItems.versionId, versionId));
    await tx.insert(catalogItems).values(rows.map(({ item }, index) => ({ ...item, versionId, position: index + 1 })));
    await recordAudit(
      tx,
      actor,
      {
        action: 'catalog.import',
        entityType: 'catalog_version',
        entityId: versionId,
        before: { items: before.length },
        after: { items: rows.length },
      },
      now,
    );
  });
  const none: ImportRowError[] = [];
  return { imported: rows.length, errors: none, today: shanghaiDay(now) };
}
