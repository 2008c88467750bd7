import { and, asc, count, eq, exists, ilike, inArray, not, or, sql, type SQL } from 'drizzle-orm';
import {
  checkBoundary,
  checkParcelAction,
  daysBetween,
  isPublishable,
  LAND_SUB_DATABASE_STATES,
  parcelAreaInMu,
  parcelClock,
  periodEnd,
  shanghaiDay,
  DELAY_CAUSE_LABELS,
  REUSE_WAY_LABELS,
  SUPPLY_WAY_LABELS,
  VACATE_REASON_LABELS,
  type ClockStatus,
  type ClockView,
  type CreateParcelInput,
  type LandSettings,
  type ParcelAction,
  type ParcelDetail,
  type ParcelState,
  type ParcelView,
  type completeParcelSchema,
  type delayParcelSchema,
  type parcelFilterSchema,
  type parcelListQuerySchema,
  type progressParcelSchema,
  type publishParcelSchema,
  type recoverParcelSchema,
  type reuseParcelSchema,
  type startParcelSchema,
  type SupplyParcelInput,
  type vacateParcelSchema,
} from '@pgs/domain';
import type { z } from 'zod';
import type { Db, Tx } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { AppError, conflict, forbidden, notFound, staleVersion, unprocessable } from '../platform/errors.ts';
import { statesOn } from './parcel-timelines.repository.ts';
import { platformScope } from '../platform/platform-scope.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { parcelDeadlines, parcelDelays, parcelEvents, parcels } from './land.table.ts';
import {
  delaysOf,
  factsOf,
  findParcel,
  refreshDeadlines,
  type DelayRow,
  type ParcelRow,
} from './parcels.repository.ts';
import { currentLandSettings, settingsValues } from './land-settings.service.ts';
import { idleStatusRows } from './idle-status.repository.ts';
import { assertKnownHolder } from './parcel-holder.ts';
import { forgetPublicParcels } from './parcel-public.service.ts';
import { displayNamesOf } from '../users/users.service.ts';

const M2_PER_MU = 10000 / 15;

/** The clock of a row as of a day, with the settings it used (issue #12: "recorded with every result"). */
export function clockOf(row: ParcelRow, delays: DelayRow[], asOf: string, settings: LandSettings): ClockView {
  return { ...parcelClock(factsOf(row, delays), asOf, settings), settings };
}

export function toParcelView(row: ParcelRow, delays: DelayRow[], asOf: string, settings: LandSettings): ParcelView {
  return {
    id: row.id,
    code: row.code,
    platformKey: row.platformKey,
    state: row.state as ParcelState,
    area: row.areaMu,
    // 1 亩 = 10000/15 m² (D5); shown to two decimals, kept exactly in 亩.
    areaM2: (Number(row.areaMu) * M2_PER_MU).toFixed(2),
    plannedUse: row.plannedUse,
    industryCode: row.industryCode,
    plotRatioMin: row.plotRatioMin,
    plotRatioMax: row.plotRatioMax,
    district: row.district,
    address: row.address,
    location: row.lng !== null && row.lat !== null ? { lng: Number(row.lng), lat: Number(row.lat) } : null,
    boundary: row.boundary ?? null,
    boundaryAreaMu: row.boundaryAreaMu,
    approvedOn: row.approvedOn,
    approvalDocument: row.approvalDocument,
    responsiblePerson: row.responsiblePerson,
    acquisitionStatus: row.acquisitionStatus,
    deadline: row.deadline,
    supplyWay: row.supplyWay as ParcelView['supplyWay'],
    contractNo: row.contractNo,
    contractDate: row.contractDate,
    landPrice: row.landPrice,
    holderCreditCode: row.holderCreditCode,
    holderName: row.holderName,
    agreedStartOn: row.agreedStartOn,
    agreedCompletionOn: row.agreedCompletionOn,
    totalInvestment: row.totalInvestment,
    startedOn: row.startedOn,
    completedOn: row.completedOn,
    developedArea: row.developedArea,
    investedAmount: row.investedAmount,
    builtArea: row.builtArea,
    suspendedSince: row.suspendedSince,
    vacatedOn: row.vacatedOn,
    vacatedFrom: row.vacatedFrom,
    vacatedFromCreditCode: row.vacatedFromCreditCode,
    vacateReason: row.vacateReason as ParcelView['vacateReason'],
    reuseWay: row.reuseWay as ParcelView['reuseWay'],
    reusedOn: row.reusedOn,
    recoveredOn: row.recoveredOn,
    isPublic: row.isPublic,
    contact: row.contact,
    version: row.version,
    clock: clockOf(row, delays, asOf, settings),
  };
}

/** D10: another platform's parcel answers 404, as if it did not exist. */
function assertVisible(actor: Actor, row: ParcelRow | undefined): asserts row is ParcelRow {
  if (!row) throw notFound('地块不存在');
  const scope = platformScope(actor);
  if (scope && row.platformKey !== scope) throw notFound('地块不存在');
}

const today = (now: Date) => shanghaiDay(now);
const dateProblem = (message: string) => unprocessable('BAD_PARCEL_DATE', message);
const notAfterToday = (day: string, label: string, now: Date) => {
  if (day > today(now)) throw dateProblem(`${label} ${day} 晚于今天，不能登记未来发生的事`);
};

/** `POST /parcels`: a parcel enters the ledger as 批而未供, audited. */
export async function createParcel(db: Db, actor: Actor, input: CreateParcelInput, now: Date): Promise<ParcelDetail> {
  requirePermission(actor, 'parcels.edit');
  const scope = platformScope(actor);
  if (scope && input.platformKey !== scope) throw forbidden('平台用户只能登记本平台的地块');
  const area = parcelAreaInMu(input);
  if ('problem' in area) throw new AppError(400, 'BAD_REQUEST', area.problem);
  notAfterToday(input.approvedOn, '批准日期', now);
  const settings = settingsValues(await currentLandSettings(db));
  let boundaryAreaMu: string | null = null;
  if (input.boundary != null) {
    const check = checkBoundary(input.boundary, area.mu, settings.boundaryTolerance);
    if (!check.ok) throw unprocessable('BOUNDARY_MISMATCH', check.problem, { computedMu: check.computedMu ?? null });
    boundaryAreaMu = check.computedMu;
  }
  const created = await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(parcels)
      .values({
        code: input.code,
        platformKey: input.platformKey,
        state: 'approved',
        areaMu: area.mu.toString(),
        plannedUse: input.plannedUse,
        industryCode: input.industryCode ?? null,
        plotRatioMin: input.plotRatioMin ?? null,
        plotRatioMax: input.plotRatioMax ?? null,
        district: input.district ?? null,
        address: input.address ?? null,
        lng: input.location ? String(input.location.lng) : null,
        lat: input.location ? String(input.location.lat) : null,
        boundary: input.boundary ?? null,
        boundaryAreaMu,
        approvedOn: input.approvedOn,
        approvalDocument: input.approvalDocument,
        responsiblePerson: input.responsiblePerson,
        acquisitionStatus: input.acquisitionStatus ?? null,
        deadline: input.deadline ?? null,
        contact: input.contact ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: parcels.code })
      .returning();
    const row = inserted[0];
    if (!row) throw conflict(`地块编号 ${input.code} 已存在，请换一个编号`, 'PARCEL_CODE_TAKEN');
    await tx.insert(parcelEvents).values({
      parcelId: row.id,
      version: 1,
      kind: 'create',
      fromState: null,
      toState: 'approved',
      effectiveDate: input.approvedOn,
      summary: `批准用地（${input.approvalDocument}），${area.mu.toString()} 亩，责任人 ${input.responsiblePerson}`,
      details: null,
      at: now,
      actorName: actor.username,
    });
    await refreshDeadlines(tx, row, [], settings);
    await recordAudit(
      tx,
      actor,
      { action: 'parcels.create', entityType: 'parcel', entityId: row.id, after: input },
      now,
    );
    return row;
  });
  // The answer as GET /parcels/:id gives it, from the row just written (a new parcel has no delays).
  requirePermission(actor, 'parcels.read');
  return parcelDetail(db, created, [], settings, today(now));
}

/** `GET /parcels/:id`: the parcel, its clock as of `asOf` (default today), its delays and its timeline. */
export async function getParcel(db: Db, actor: Actor, id: number, now: Date, asOf?: string): Promise<ParcelDetail> {
  requirePermission(actor, 'parcels.read');
  const row = await findParcel(db, id);
  assertVisible(actor, row);
  const [delays, settings] = await Promise.all([delaysOf(db, [id]), currentLandSettings(db)]);
  return parcelDetail(db, row, delays.get(id) ?? [], settingsValues(settings), asOf ?? today(now));
}

/**
 * The detail answer of a parcel whose row, delays and settings the caller already holds: a change answers with
 * what its own transaction wrote instead of reading the parcel, its delays and the settings again (issue #15).
 */
async function parcelDetail(
  db: Db,
  row: ParcelRow,
  own: DelayRow[],
  settings: LandSettings,
  asOf: string,
): Promise<ParcelDetail> {
  const history = await db
    .select()
    .from(parcelEvents)
    .where(eq(parcelEvents.parcelId, row.id))
    .orderBy(asc(parcelEvents.id));
  // People are shown by their display names (the system's own steps read 系统).
  const nameOf = await displayNamesOf(
    db,
    history.map((e) => e.actorName),
  );
  const names = new Map(history.map((e) => [e.actorName, nameOf(e.actorName) ?? e.actorName]));
  return {
    ...toParcelView(row, own, asOf, settings),
    delays: own.map((d) => ({
      id: d.id,
      cause: d.cause as 'government' | 'force_majeure',
      reason: d.reason,
      evidence: d.evidence,
      fromOn: d.fromOn,
      toOn: d.toOn,
      days: daysBetween(d.fromOn, d.toOn) + 1,
    })),
    history: history.map((e) => ({
      id: e.id,
      version: e.version,
      kind: e.kind,
      fromState: e.fromState,
      toState: e.toState,
      effectiveDate: e.effectiveDate,
      summary: e.summary,
      at: e.at.toISOString(),
      actorName: names.get(e.actorName) ?? e.actorName,
    })),
  };
}

/** `GET /parcels/:id/clock?asOf=`: the idle-land clock as of any day (D22, D23), never a stored flag. */
export async function getParcelClock(db: Db, actor: Actor, id: number, now: Date, asOf?: string): Promise<ClockView> {
  requirePermission(actor, 'parcels.read');
  const row = await findParcel(db, id);
  assertVisible(actor, row);
  const [delays, settings] = await Promise.all([delaysOf(db, [id]), currentLandSettings(db)]);
  return clockOf(row, delays.get(id) ?? [], asOf ?? today(now), settingsValues(settings));
}

type ParcelFilter = z.infer<typeof parcelFilterSchema>;

/** The ledger's filters as SQL; a platform user is held to its own platform whatever it asks for (D10). */
function ledgerCondition(actor: Actor, filter: ParcelFilter, asOf: string): SQL | undefined {
  const where: SQL[] = [];
  const scope = platformScope(actor);
  if (scope) where.push(eq(parcels.platformKey, scope));
  else if (filter.platformKey) where.push(eq(parcels.platformKey, filter.platformKey));
  if (filter.subDatabase) where.push(inArray(parcels.state, [...LAND_SUB_DATABASE_STATES[filter.subDatabase]]));
  if (filter.state) where.push(eq(parcels.state, filter.state));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(parcels.code, pattern), ilike(parcels.address, pattern), ilike(parcels.holderName, pattern))!);
  }
  if (filter.clockStatus) {
    // Through the threshold days derived from the parcels' facts as they stand; each row's clock is then computed.
    const passed = (kind: string) =>
      exists(
        sql`(SELECT 1 FROM ${parcelDeadlines} WHERE ${parcelDeadlines.parcelId} = ${parcels.id} AND ${parcelDeadlines.kind} = ${kind} AND ${parcelDeadlines.dueOn} <= ${asOf})`,
      );
    if (filter.clockStatus === 'recovery') where.push(passed('recovery'));
    else if (filter.clockStatus === 'idle') where.push(and(passed('idle'), not(passed('recovery')))!);
    else where.push(not(passed('idle')));
  }
  return where.length ? and(...where) : undefined;
}

/** `GET /parcels`: the ledger and the R3.1 land sub-databases, each row with its clock as of `asOf`. */
export async function listParcels(db: Db, actor: Actor, query: z.infer<typeof parcelListQuerySchema>, now: Date) {
  requirePermission(actor, 'parcels.read');
  const asOf = query.asOf ?? today(now);
  const condition = ledgerCondition(actor, query, asOf);
  const [rows, [total], settings] = await Promise.all([
    db
      .select()
      .from(parcels)
      .where(condition)
      .orderBy(asc(parcels.code))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(parcels).where(condition),
    currentLandSettings(db),
  ]);
  const delays = await delaysOf(
    db,
    rows.map((r) => r.id),
  );
  const values = settingsValues(settings);
  return {
    items: rows.map((row) => toParcelView(row, delays.get(row.id) ?? [], asOf, values)),
    total: total!.value,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Every ledger row the filter selects, by code, 1 000 at a time (exports). */
export async function* parcelRows(db: Db, actor: Actor, filter: ParcelFilter, now: Date) {
  requirePermission(actor, 'parcels.read');
  const asOf = filter.asOf ?? today(now);
  const condition = ledgerCondition(actor, filter, asOf);
  const values = settingsValues(await currentLandSettings(db));
  for (let offset = 0; ; offset += 1000) {
    const batch = await db
      .select()
      .from(parcels)
      .where(condition)
      .orderBy(asc(parcels.code))
      .limit(1000)
      .offset(offset);
    const delays = await delaysOf(
      db,
      batch.map((r) => r.id),
    );
    for (const row of batch) yield toParcelView(row, delays.get(row.id) ?? [], asOf, values);
    if (batch.length < 1000) return;
  }
}

/**
 * The idle status of every parcel the actor sees, as of a day (the bench compares it with the same question asked as
 * one SQL statement). The database decides it in one statement, evaluating the domain's clock terms
 * (idle-status.repository.ts, tested row by row against parcelClockStatus), and sends the whole ledger as ONE text
 * ("id" for a normal parcel, "id" + 'i' or 'r' for a flagged one): the driver parsing 100 000 rows cost more than the
 * statement itself (s11-landbench, s13-landsql).
 */
export async function idleStatuses(db: Db, actor: Actor, asOf: string) {
  requirePermission(actor, 'parcels.read');
  const scope = platformScope(actor);
  const values = settingsValues(await currentLandSettings(db));
  const rows = idleStatusRows(asOf, values, scope ? eq(parcels.platformKey, scope) : undefined);
  const result = await db.execute(sql`
    SELECT string_agg(CASE s.status WHEN 'n' THEN s.id::text ELSE s.id::text || s.status END, ',') AS "statuses"
    FROM (${rows}) AS s`);
  const [row] = (result as { rows: Array<{ statuses: string | null }> }).rows;
  const tokens = row?.statuses?.split(',') ?? [];
  const out = new Array<{ id: number; status: ClockStatus }>(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const last = token.charCodeAt(token.length - 1);
    // '0'–'9' end a normal parcel's id; 'i' and 'r' mark the flagged ones.
    if (last <= 57) out[i] = { id: Number(token), status: 'normal' };
    else out[i] = { id: Number(token.slice(0, -1)), status: last === 114 ? 'recovery' : 'idle' };
  }
  return out;
}

/** For other modules (the renewal cases): the parcels of a platform in the given states, by code, unscoped reads excluded. */
export async function parcelsByPlatformAndState(
  db: Db,
  actor: Actor,
  platformKey: string,
  states: readonly ParcelState[],
  now: Date,
): Promise<ParcelView[]> {
  requirePermission(actor, 'parcels.read');
  const scope = platformScope(actor);
  if (scope && scope !== platformKey) return [];
  const rows = await db
    .select()
    .from(parcels)
    .where(and(eq(parcels.platformKey, platformKey), inArray(parcels.state, [...states])))
    .orderBy(asc(parcels.code));
  const delays = await delaysOf(
    db,
    rows.map((r) => r.id),
  );
  const values = settingsValues(await currentLandSettings(db));
  return rows.map((row) => toParcelView(row, delays.get(row.id) ?? [], today(now), values));
}

type Change = {
  set: Partial<typeof parcels.$inferInsert>;
  toState?: ParcelState;
  effectiveDate: string;
  summary: string;
  audit: { action: string; after: unknown };
  /** Extra rows in the same transaction (a delay). */
  extra?: (tx: Tx) => Promise<void>;
};

/**
 * Every change of a parcel, in D8's order: the role (403), visibility (404, D10), the version the user saw (409),
 * the legal action for the state (422), then the change's own checks (422). One transaction: the conditional
 * UPDATE (exactly one winner), the timeline event, the threshold days, and the audit record.
 */
async function changeParcel(
  db: Db,
  actor: Actor,
  id: number,
  input: { version: number },
  action: ParcelAction,
  permission: 'parcels.edit' | 'parcels.publish',
  build: (row: ParcelRow, settings: LandSettings, delays: DelayRow[]) => Promise<Change> | Change,
  now: Date,
): Promise<ParcelDetail> {
  requirePermission(actor, permission);
  const row = await findParcel(db, id);
  assertVisible(actor, row);
  if (row.version !== input.version)
    throw conflict(
      `地块已被他人修改（当前版本 ${row.version}，您看到的是 ${input.version}），请刷新后重试`,
      'STALE_VERSION',
    );
  const verdict = checkParcelAction(row.state as ParcelState, action);
  if (!verdict.allowed) throw unprocessable('ILLEGAL_TRANSITION', verdict.message);
  const settings = settingsValues(await currentLandSettings(db));
  const delays = (await delaysOf(db, [id])).get(id) ?? [];
  const change = await build(row, settings, delays);
  const written = await db.transaction(async (tx) => {
    const changed = await tx
      .update(parcels)
      .set({
        ...change.set,
        ...(change.toState ? { state: change.toState } : {}),
        version: sql`${parcels.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(parcels.id, id), eq(parcels.version, input.version)))
      .returning();
    if (changed.length === 0) throw staleVersion('地块');
    const after = changed[0]!;
    await change.extra?.(tx);
    await tx.insert(parcelEvents).values({
      parcelId: id,
      version: after.version,
      kind: action,
      fromState: row.state,
      toState: change.toState ?? row.state,
      effectiveDate: change.effectiveDate,
      summary: change.summary,
      details: change.audit.after,
      at: now,
      actorName: actor.username,
    });
    const allDelays = (await delaysOf(tx, [id])).get(id) ?? [];
    await refreshDeadlines(tx, after, allDelays, settings);
    await recordAudit(
      tx,
      actor,
      {
        action: change.audit.action,
        entityType: 'parcel',
        entityId: id,
        before: { state: row.state, version: row.version },
        after: change.audit.after,
      },
      now,
    );
    return { after, allDelays };
  });
  forgetPublicParcels(db);
  // The answer as GET /parcels/:id gives it, from what this transaction wrote (issue #15: not read again).
  requirePermission(actor, 'parcels.read');
  return parcelDetail(db, written.after, written.allDelays, settings, today(now));
}

/** `POST /parcels/:id/supply` (供地): the contract, the land price and the agreed dates; the holder must be known. */
export function supplyParcel(db: Db, actor: Actor, id: number, input: SupplyParcelInput, now: Date) {
  return changeParcel(
    db,
    actor,
    id,
    input,
    'supply',
    'parcels.edit',
    async (row) => {
      if (input.contractDate < row.approvedOn)
        throw dateProblem(`合同日期 ${input.contractDate} 早于批准日期 ${row.approvedOn}`);
      if (row.recoveredOn && input.contractDate < row.recoveredOn)
        throw dateProblem(`合同日期 ${input.contractDate} 早于收回日期 ${row.recoveredOn}`);
      notAfterToday(input.contractDate, '合同日期', now);
      await assertKnownHolder(db, input.holderCreditCode, '用地单位');
      const { version: _v, ...facts } = input;
      return {
        set: {
          supplyWay: input.way,
          contractNo: input.contractNo,
          contractDate: input.contractDate,
          landPrice: input.landPrice,
          holderCreditCode: input.holderCreditCode ?? null,
          holderName: input.holderName,
          agreedStartOn: input.agreedStartOn,
          agreedCompletionOn: input.agreedCompletionOn,
          totalInvestment: input.totalInvestment ?? null,
          // A recovered parcel supplied again starts a new life (its earlier one stays in the timeline).
          startedOn: null,
          completedOn: null,
          developedArea: null,
          investedAmount: null,
          suspendedSince: null,
          recoveredOn: null,
          recoveryDecisionNo: null,
          isPublic: false,
        },
        toState: 'supplied',
        effectiveDate: input.contractDate,
        summary: `${SUPPLY_WAY_LABELS[input.way]}给 ${input.holderName}（合同 ${input.contractNo}，价款 ${input.landPrice} 万元），约定 ${input.agreedStartOn} 开工、${input.agreedCompletionOn} 竣工`,
        audit: { action: 'parcels.supply', after: facts },
      };
    },
    now,
  );
}

export function startParcel(db: Db, actor: Actor, id: number, input: z.infer<typeof startParcelSchema>, now: Date) {
  return changeParcel(
    db,
    actor,
    id,
    input,
    'start',
    'parcels.edit',
    (row) => {
      if (input.startedOn < row.contractDate!)
        throw dateProblem(`开工日期 ${input.startedOn} 早于合同日期 ${row.contractDate}`);
      notAfterToday(input.startedOn, '开工日期', now);
      return {
        set: { startedOn: input.startedOn },
        toState: 'started',
        effectiveDate: input.startedOn,
        summary: `${input.startedOn} 动工开发`,
        audit: { action: 'parcels.start', after: { startedOn: input.startedOn } },
      };
    },
    now,
  );
}

export function reportProgress(
  db: Db,
  actor: Actor,
  id: number,
  input: z.infer<typeof progressParcelSchema>,
  now: Date,
) {
  return changeParcel(
    db,
    actor,
    id,
    input,
    'progress',
    'parcels.edit',
    (row) => {
      if (input.reportedOn < row.startedOn!)
        throw dateProblem(`报告日期 ${input.reportedOn} 早于开工日期 ${row.startedOn}`);
      notAfterToday(input.reportedOn, '报告日期', now);
      if (input.suspendedSince && (input.suspendedSince < row.startedOn! || input.suspendedSince > input.reportedOn))
        throw dateProblem(`停工日期 ${input.suspendedSince} 应在开工日期 ${row.startedOn} 与报告日期之间`);
      if (input.developedArea != null && Number(input.developedArea) > Number(row.areaMu))
        throw new AppError(400, 'BAD_REQUEST', `已开发面积 ${input.developedArea} 亩大于地块面积 ${row.areaMu} 亩`);
      const { version: _v, ...facts } = input;
      const parts = [
        input.developedArea != null ? `已开发 ${input.developedArea} 亩` : null,
        input.investedAmount != null ? `已投资 ${input.investedAmount} 万元` : null,
        input.suspendedSince ? `自 ${input.suspendedSince} 停工` : '正常建设',
      ].filter(Boolean);
      return {
        set: {
          ...(input.developedArea !== undefined ? { developedArea: input.developedArea } : {}),
          ...(input.investedAmount !== undefined ? { investedAmount: input.investedAmount } : {}),
          suspendedSince: input.suspendedSince ?? null,
        },
        effectiveDate: input.reportedOn,
        summary: `建设进度：${parts.join('，')}`,
        audit: { action: 'parcels.progress', after: facts },
      };
    },
    now,
  );
}

export function completeParcel(
  db: Db,
  actor: Actor,
  id: number,
  input: z.infer<typeof completeParcelSchema>,
  now: Date,
) {
  return changeParcel(
    db,
    actor,
    id,
    input,
    'complete',
    'parcels.edit',
    (row) => {
      if (input.completedOn < row.startedOn!)
        throw dateProblem(`竣工日期 ${input.completedOn} 早于开工日期 ${row.startedOn}`);
      notAfterToday(input.completedOn, '竣工日期', now);
      const { version: _v, ...facts } = input;
      return {
        set: {
          completedOn: input.completedOn,
          builtArea: input.builtArea ?? null,
          ...(input.investedAmount != null ? { investedAmount: input.investedAmount } : {}),
          suspendedSince: null,
        },
        toState: 'completed',
        effectiveDate: input.completedOn,
        summary: `${input.completedOn} 竣工${input.builtArea ? `，建筑面积 ${input.builtArea} 平方米` : ''}`,
        audit: { action: 'parcels.complete', after: facts },
      };
    },
    now,
  );
}

/** D23: one extension per parcel, of at most the configured years; its days stop the clock. */
export function addDelay(db: Db, actor: Actor, id: number, input: z.infer<typeof delayParcelSchema>, now: Date) {
  return changeParcel(
    db,
    actor,
    id,
    input,
    'delay',
    'parcels.edit',
    (row, settings, delays) => {
      if (delays.some((d) => d.fromOn >= row.contractDate!))
        throw unprocessable('EXTENSION_USED', '该地块已登记过一次延期，每宗地块只能延期一次');
      if (input.fromOn < row.contractDate!)
        throw dateProblem(`延期起始日 ${input.fromOn} 早于合同日期 ${row.contractDate}`);
      const longest = daysBetween(input.fromOn, periodEnd(input.fromOn, settings.maxExtensionYears));
      const days = daysBetween(input.fromOn, input.toOn) + 1;
      if (days > longest)
        throw unprocessable(
          'BAD_PARCEL_DATE',
          `延期 ${days} 天，超过最长 ${settings.maxExtensionYears} 年（自 ${input.fromOn} 起最多 ${longest} 天）`,
        );
      const { version: _v, ...facts } = input;
      return {
        set: {},
        effectiveDate: input.fromOn,
        summary: `${DELAY_CAUSE_LABELS[input.cause]}延期 ${input.fromOn} 至 ${input.toOn}（${days} 天，不计入闲置期限）：${input.reason}`,
        audit: { action: 'parcels.delay', after: facts },
        extra: async (tx) => {
          await tx.insert(parcelDelays).values({
            parcelId: id,
            cause: input.cause,
            reason: input.reason,
            evidence: input.evidence ?? null,
            fromOn: input.fromOn,
            toOn: input.toOn,
            recordedAt: now,
            recordedBy: actor.username,
          });
        },
      };
    },
    now,
  );
}

/** 腾空: from which enterprise and why (another module may call this from an enterprise's exit). */
export function vacateParcel(db: Db, actor: Actor, id: number, input: z.infer<typeof vacateParcelSchema>, now: Date) {
  return changeParcel(
    db,
    actor,
    id,
    input,
    'vacate',
    'parcels.edit',
    (row) => {
      const latest = [row.contractDate, row.startedOn, row.completedOn, row.reusedOn].filter(Boolean).sort().at(-1);
      if (latest && input.vacatedOn < latest)
        throw dateProblem(`腾空日期 ${input.vacatedOn} 早于地块上一次变化的日期 ${latest}`);
      notAfterToday(input.vacatedOn, '腾空日期', now);
      const { version: _v, ...facts } = input;
      return {
        set: {
          vacatedOn: input.vacatedOn,
          vacatedFrom: input.fromEnterpriseName,
          vacatedFromCreditCode: input.fromEnterpriseCreditCode ?? null,
          vacateReason: input.reason,
          reuseWay: null,
          reusedOn: null,
        },
        toState: 'vacated',
        effectiveDate: input.vacatedOn,
        summary: `${input.fromEnterpriseName}因${VACATE_REASON_LABELS[input.reason]}腾空${input.note ? `：${input.note}` : ''}`,
        audit: { action: 'parcels.vacate', after: facts },
      };
    },
    now,
  );
}

export function reuseParcel(db: Db, actor: Actor, id: number, input: z.infer<typeof reuseParcelSchema>, now: Date) {
  return changeParcel(
    db,
    actor,
    id,
    input,
    'reuse',
    'parcels.edit',
    async (row) => {
      if (input.reusedOn < row.vacatedOn!)
        throw dateProblem(`再利用日期 ${input.reusedOn} 早于腾空日期 ${row.vacatedOn}`);
      notAfterToday(input.reusedOn, '再利用日期', now);
      await assertKnownHolder(db, input.newHolderCreditCode, '新用地单位');
      const { version: _v, ...facts } = input;
      return {
        set: {
          reuseWay: input.way,
          reusedOn: input.reusedOn,
          holderName: input.newHolderName,
          holderCreditCode: input.newHolderCreditCode ?? null,
          isPublic: false,
        },
        toState: 'reused',
        effectiveDate: input.reusedOn,
        summary: `以${REUSE_WAY_LABELS[input.way]}方式再利用，新用地单位 ${input.newHolderName}`,
        audit: { action: 'parcels.reuse', after: facts },
      };
    },
    now,
  );
}

export function recoverParcel(db: Db, actor: Actor, id: number, input: z.infer<typeof recoverParcelSchema>, now: Date) {
  return changeParcel(
    db,
    actor,
    id,
    input,
    'recover',
    'parcels.edit',
    (row, settings, delays) => {
      if (input.recoveredOn < row.contractDate!)
        throw dateProblem(`收回日期 ${input.recoveredOn} 早于合同日期 ${row.contractDate}`);
      notAfterToday(input.recoveredOn, '收回日期', now);
      const clock = parcelClock(factsOf(row, delays), input.recoveredOn, settings);
      const { version: _v, ...facts } = input;
      return {
        set: { recoveredOn: input.recoveredOn, recoveryDecisionNo: input.decisionNo },
        toState: 'recovered',
        effectiveDate: input.recoveredOn,
        summary: `依收回决定书 ${input.decisionNo} 收回（收回之日闲置状态：${clock.status === 'recovery' ? '已满收回年限' : clock.status === 'idle' ? '闲置' : '未认定闲置（协议收回）'}）`,
        audit: { action: 'parcels.recover', after: { ...facts, clockStatus: clock.status } },
      };
    },
    now,
  );
}

/** R3.6 全面公开: the drc or the bureau publishes a 批而未供 or vacated parcel (or withdraws it). */
export function publishParcel(db: Db, actor: Actor, id: number, input: z.infer<typeof publishParcelSchema>, now: Date) {
  return changeParcel(
    db,
    actor,
    id,
    input,
    'publish',
    'parcels.publish',
    (row) => {
      if (input.public && !isPublishable(row.state as ParcelState))
        throw unprocessable('ILLEGAL_TRANSITION', '只有批而未供、已收回或已腾空的地块可以向投资者公开');
      if (input.public && !(input.contact ?? row.contact))
        throw new AppError(400, 'BAD_REQUEST', '公开地块须填写招商联系方式 contact');
      return {
        set: { isPublic: input.public, ...(input.contact != null ? { contact: input.contact } : {}) },
        effectiveDate: today(now),
        summary: input.public ? `向投资者公开（联系方式：${input.contact ?? row.contact}）` : '撤回公开',
        audit: { action: 'parcels.publish', after: { public: input.public, contact: input.contact ?? row.contact } },
      };
    },
    now,
  );
}

/**
 * For the cockpit (issue #14): per platform, parcels and area (亩, exact text) in each state today — or at the end of
 * `statesOnDay`, replayed from the parcels' dated moves (parcel-timelines.repository.ts) — and how many were supplied
 * (contract signed), started, reused and recovered from `from` through `through`. Which states make which
 * sub-database is the domain's (LAND_SUB_DATABASE_STATES). A platform user gets its own platform only.
 */
export async function parcelCleanupFigures(db: Db, actor: Actor, from: string, through: string, statesOnDay?: string) {
  requirePermission(actor, 'parcels.read');
  const scope = platformScope(actor);
  const mine = scope ? eq(parcels.platformKey, scope) : undefined;
  const within = (column: typeof parcels.contractDate) =>
    sql<number>`count(*) filter (where ${column} between ${from} and ${through})::int`;
  const [states, handled] = await Promise.all([
    statesOnDay !== undefined
      ? statesOn(db, scope, statesOnDay)
      : db
          .select({
            platformKey: parcels.platformKey,
            state: parcels.state,
            count: count(),
            area: sql<string>`coalesce(sum(${parcels.areaMu}), 0)::text`,
          })
          .from(parcels)
          .where(mine)
          .groupBy(parcels.platformKey, parcels.state),
    db
      .select({
        platformKey: parcels.platformKey,
        supplied: within(parcels.contractDate),
        started: within(parcels.startedOn),
        reused: within(parcels.reusedOn),
        recovered: within(parcels.recoveredOn),
      })
      .from(parcels)
      .where(mine)
      .groupBy(parcels.platformKey),
  ]);
  return { states: states.map((row) => ({ ...row, state: row.state as ParcelState })), handled };
}
