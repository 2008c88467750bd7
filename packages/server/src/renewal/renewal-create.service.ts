import {
  classifyIndustry,
  CATEGORY_LABELS,
  overcapacityOf,
  platformName,
  RENEWAL_TRACK_SHORT,
  shanghaiDay,
  upgradeCheck,
  type CreateRenewalCaseInput,
  type PlatformKey,
} from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { AppError, conflict, unprocessable } from '../platform/errors.ts';
import { isUniqueViolation } from '../platform/db-errors.ts';
import { known } from '../platform/rows.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { getEnterprise } from '../enterprises/enterprise-records.service.ts';
import { publishedCatalogs } from '../catalog/catalog.service.ts';
import { checkParcelToVacate } from '../land/parcel-links.service.ts';
import { insertCase } from './renewal.repository.ts';
import { toCaseView } from './renewal-views.ts';
import { getRenewalCase, VACATE_REASON_OF_TRACK } from './renewal.service.ts';

/**
 * Opening a renewal case (R3.5; R1.6): the enterprise must be in the base database and inside a platform, the track
 * must fit it, and the fields of its track are stored in the columns of that track only.
 */

const NO_TRACK_FIELDS = {
  planYear: 0,
  measure: null,
  exitWay: null,
  disposalWay: null,
  violation: null,
  originalCapacity: null,
  plannedCapacity: null,
  capacityUnit: null,
  environmentOk: null,
  safetyOk: null,
  energyOk: null,
} as const;

/**
 * The columns of the case's track, the others empty. The contract's refinement already refused an input without its
 * track's fields (400 naming the field); `known` reads them again so the types say so, and a gap would be a bug.
 */
function trackColumns(input: CreateRenewalCaseInput) {
  const need = <T>(value: T | null | undefined, field: string): T => known(value, `renewal case ${field}`);
  switch (input.track) {
    case 'elimination':
      return {
        ...NO_TRACK_FIELDS,
        track: input.track,
        planYear: need(input.planYear, 'planYear'),
        measure: need(input.measure, 'measure'),
      };
    case 'zombie_exit':
      return { ...NO_TRACK_FIELDS, track: input.track, exitWay: need(input.exitWay, 'exitWay') };
    case 'catalog_relocation':
      return { ...NO_TRACK_FIELDS, track: input.track, disposalWay: need(input.disposalWay, 'disposalWay') };
    case 'overcapacity_cleanup':
      return { ...NO_TRACK_FIELDS, track: input.track, violation: need(input.violation, 'violation') };
    case 'catalog_upgrade':
      return {
        ...NO_TRACK_FIELDS,
        track: input.track,
        originalCapacity: need(input.originalCapacity, 'originalCapacity'),
        plannedCapacity: need(input.plannedCapacity, 'plannedCapacity'),
        capacityUnit: need(input.capacityUnit, 'capacityUnit'),
        // The upgrade is registered only after upgradeCheck confirmed all three.
        environmentOk: true,
        safetyOk: true,
        energyOk: true,
      };
  }
}

/** The enterprise's latest record visible to the actor; 422 when the base database has none (D10: not revealed). */
async function enterpriseOf(db: Db, actor: Actor, creditCode: string) {
  try {
    const detail = await getEnterprise(db, actor, creditCode);
    return known(detail.records.at(-1), 'an enterprise found has a record');
  } catch (error) {
    if (error instanceof AppError && error.status === 404) {
      throw unprocessable(
        'UNKNOWN_ENTERPRISE',
        `企业数据库中没有统一社会信用代码为 ${creditCode} 的企业，请先导入其年度数据`,
      );
    }
    throw error;
  }
}

/** R1.6 and R3.5: a track that follows from a class or an industry is refused for an enterprise it does not fit. */
async function assertTrackFits(
  db: Db,
  input: CreateRenewalCaseInput,
  enterprise: { platformKey: PlatformKey; industryCode: string | null },
  today: string,
) {
  if (input.track === 'overcapacity_cleanup' && !(enterprise.industryCode && overcapacityOf(enterprise.industryCode))) {
    throw unprocessable(
      'ILLEGAL_STEP',
      `该企业的行业（${enterprise.industryCode ?? '未填'}）不属于钢铁、水泥、电解铝、平板玻璃、船舶等` +
        '产能严重过剩行业，不能立清理案件',
    );
  }
  if (input.track !== 'catalog_relocation' && input.track !== 'catalog_upgrade') return;
  const { inForce } = await publishedCatalogs(db, enterprise.platformKey, today);
  const category =
    inForce && enterprise.industryCode
      ? classifyIndustry({
          items: inForce.items,
          industryCode: enterprise.industryCode,
          platformName: '',
          catalogVersion: '',
        }).category
      : 'unlisted';
  const wanted = input.track === 'catalog_relocation' ? 'eliminated' : 'restricted';
  if (category !== wanted) {
    throw unprocessable(
      'ILLEGAL_STEP',
      `该企业的行业在${platformName(enterprise.platformKey)}现行目录中为${CATEGORY_LABELS[category]}，` +
        `${RENEWAL_TRACK_SHORT[input.track]}只适用于${CATEGORY_LABELS[wanted]}企业`,
    );
  }
}

export async function createRenewalCase(db: Db, actor: Actor, input: CreateRenewalCaseInput, now: Date) {
  requirePermission(actor, 'renewal.manage');
  const today = shanghaiDay(now);
  const openedOn = input.openedOn ?? today;
  if (openedOn > today) throw unprocessable('BAD_STEP_DATE', `立案日期 ${openedOn} 晚于今天`);
  if (input.deadline < openedOn)
    throw unprocessable('BAD_STEP_DATE', `完成期限 ${input.deadline} 早于立案日期 ${openedOn}`);
  const record = await enterpriseOf(db, actor, input.creditCode);
  if (!record.platformKey) {
    throw unprocessable('UNKNOWN_ENTERPRISE', `${record.name}不在三大平台内，存量更新案件由所在平台立案`);
  }
  const enterprise = { platformKey: record.platformKey, industryCode: record.industryCode };
  await assertTrackFits(db, input, enterprise, today);
  const columns = trackColumns(input);
  if (columns.track === 'catalog_upgrade') {
    const verdict = upgradeCheck({
      originalCapacity: columns.originalCapacity,
      plannedCapacity: columns.plannedCapacity,
      environmentOk: input.environmentOk === true,
      safetyOk: input.safetyOk === true,
      energyOk: input.energyOk === true,
    });
    if (!verdict.allowed)
      throw unprocessable('UPGRADE_REFUSED', `不能登记技术改造：${verdict.reasons.join('；')}`, verdict.reasons);
  }
  if (input.parcelCode) {
    if (VACATE_REASON_OF_TRACK[input.track] === null)
      throw unprocessable('ILLEGAL_STEP', '技术改造在原有用地上进行，不腾空地块，请不要填写腾空地块编号');
    await checkParcelToVacate(db, actor, input.parcelCode, record.platformKey, record.creditCode);
  }
  try {
    const id = await db.transaction(async (tx) => {
      const row = await insertCase(tx, {
        platformKey: enterprise.platformKey,
        creditCode: record.creditCode,
        enterpriseName: record.name,
        industryCode: record.industryCode,
        status: 'planned',
        department: input.department,
        responsiblePerson: input.responsiblePerson,
        openedOn,
        deadline: input.deadline,
        ...columns,
        parcelCode: input.parcelCode || null,
        note: input.note || null,
        createdAt: now,
        createdBy: actor.username,
        updatedAt: now,
      });
      await recordAudit(
        tx,
        actor,
        { action: 'renewal.create', entityType: 'renewal_case', entityId: row.id, after: toCaseView(row, today) },
        now,
      );
      return row.id;
    });
    return await getRenewalCase(db, actor, id, now);
  } catch (error) {
    if (isUniqueViolation(error)) {
      const year = columns.track === 'elimination' ? `${columns.planYear}年度` : '';
      throw conflict(
        `${record.name}已有${year}${RENEWAL_TRACK_SHORT[input.track]}案件，请在原案件中登记进展`,
        'CASE_EXISTS',
      );
    }
    throw error;
  }
}
