import {
  catalogConsequences,
  shanghaiDay,
  stepsOf,
  type CreateRenewalCaseInput,
  type EliminationMeasure,
  type EnterpriseRecord,
  type ExitWay,
  type PlatformKey,
} from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { SYSTEM_ACTOR } from '../platform/actor.ts';
import { enterpriseYears, platformRecordsOfYear } from '../enterprises/enterprise-records.service.ts';
import { publishedCatalogs } from '../catalog/catalog.service.ts';
import { createRenewalCase } from '../renewal/renewal-create.service.ts';
import { listRenewalCases, recordRenewalStep } from '../renewal/renewal.service.ts';
import { parcelsByPlatformAndState } from '../land/parcels.service.ts';

/**
 * Demo renewal cases (R3.5, R1.6) for `npm start`, for the demo enterprises of the latest year read through the
 * enterprises service: every backward platform enterprise in the year's elimination plan, every zombie one on an
 * exit (one 出清, vacating a completed plant's parcel of the demo land ledger through the land service), and the first restricted enterprises of each platform with a
 * technology upgrade. Dates are counted back from today so that some cases are overdue whenever the demo starts;
 * nothing is random. Does nothing when there are cases already or no enterprises.
 */
const DEPARTMENTS: Record<PlatformKey, string[]> = {
  oujiangkou: ['瓯江口经济发展局', '瓯江口规划建设局'],
  zhenan: ['浙南经济发展局', '浙南国土规划局'],
  hitech: ['高新区经济发展局', '高新区科技局'],
};
const PEOPLE = ['陈海波', '林晓东', '黄志远', '吴丽娟', '郑建国', '周敏'];

function dayPlus(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

type Plan = { opened: number; deadline: number; steps: number; parcel?: boolean };

async function openWithSteps(db: Db, input: CreateRenewalCaseInput, plan: Plan, today: string, now: Date) {
  let view = await createRenewalCase(db, SYSTEM_ACTOR, input, now);
  const all = stepsOf(input.track, input.exitWay);
  for (let index = 0; index < plan.steps; index += 1) {
    // Steps spread evenly from the opening day to 10 days before today.
    const span = -plan.opened - 10;
    const date = dayPlus(input.openedOn!, Math.round((span * (index + 1)) / Math.max(plan.steps, 1)));
    view = await recordRenewalStep(
      db,
      SYSTEM_ACTOR,
      view.id,
      { step: all[index]!.key, date, version: view.version },
      now,
    );
  }
  return view;
}

/** A completed parcel of the platform not yet named by another demo case, read through the land service. */
async function plantToVacate(db: Db, platformKey: PlatformKey, used: Set<string>, now: Date) {
  const plants = await parcelsByPlatformAndState(db, SYSTEM_ACTOR, platformKey, ['completed'], now);
  const plant = plants.find((p) => !used.has(p.code));
  if (!plant) return null;
  used.add(plant.code);
  return plant.code;
}

const BACKWARD_PLANS: Plan[] = [
  { opened: -300, deadline: -60, steps: 3 },
  { opened: -300, deadline: -20, steps: 1 },
  { opened: -200, deadline: 60, steps: 0 },
];
const MEASURES: EliminationMeasure[] = ['shutdown', 'dismantle', 'convert', 'rectify'];
const ZOMBIE_PLANS: Array<Plan & { way: ExitWay }> = [
  { way: 'merger', opened: -400, deadline: -30, steps: 5, parcel: true },
  { way: 'bankruptcy', opened: -300, deadline: -10, steps: 2 },
  { way: 'debt_restructuring', opened: -120, deadline: 200, steps: 1 },
  { way: 'debt_evasion', opened: -60, deadline: 90, steps: 0 },
];

export async function ensureDemoRenewal(db: Db, now: Date): Promise<number> {
  const existing = await listRenewalCases(db, SYSTEM_ACTOR, { page: 1, pageSize: 1 }, now);
  if (existing.total > 0) return 0;
  const year = (await enterpriseYears(db, SYSTEM_ACTOR))[0]?.year;
  if (year === undefined) return 0;
  const records = await platformRecordsOfYear(db, year, null);
  const today = shanghaiDay(now);
  let made = 0;
  let n = 0;
  const used = new Set<string>();
  const owner = (record: EnterpriseRecord) => {
    n += 1;
    return {
      department: DEPARTMENTS[record.platformKey!][n % 2]!,
      responsiblePerson: PEOPLE[n % PEOPLE.length]!,
    };
  };
  const base = (record: EnterpriseRecord, plan: Plan) => ({
    creditCode: record.creditCode,
    ...owner(record),
    openedOn: dayPlus(today, plan.opened),
    deadline: dayPlus(today, plan.deadline),
  });

  for (const [index, record] of records.filter((r) => r.backward).entries()) {
    const plan = BACKWARD_PLANS[index] ?? { opened: -100, deadline: 120, steps: 1 };
    const input = {
      ...base(record, plan),
      track: 'elimination' as const,
      planYear: year,
      measure: MEASURES[index % 4]!,
    };
    await openWithSteps(db, input, plan, today, now);
    made += 1;
  }
  for (const [index, record] of records.filter((r) => r.zombie).entries()) {
    const plan = ZOMBIE_PLANS[index % ZOMBIE_PLANS.length]!;
    // The exit that clears vacates a completed plant of its platform's demo ledger (none when the land demo is off).
    const parcelCode = plan.parcel ? await plantToVacate(db, record.platformKey, used, now) : null;
    const input = { ...base(record, plan), track: 'zombie_exit' as const, exitWay: plan.way, parcelCode };
    await openWithSteps(db, input, plan, today, now);
    made += 1;
  }
  // R1.6: the first two restricted enterprises of each platform register an upgrade within their capacity.
  for (const platformKey of ['oujiangkou', 'zhenan', 'hitech'] as const) {
    const { inForce } = await publishedCatalogs(db, platformKey, today);
    if (!inForce) continue;
    const own = records.filter((r) => r.platformKey === platformKey && !r.backward && !r.zombie);
    const restricted = catalogConsequences(
      own.map((r) => ({ creditCode: r.creditCode, name: r.name, industryCode: r.industryCode ?? null })),
      inForce.items,
    ).filter((row) => row.track === 'catalog_upgrade');
    for (const [index, row] of restricted.slice(0, 2).entries()) {
      const plan = { opened: -90, deadline: index === 0 ? -5 : 180, steps: 1 };
      const record = own.find((r) => r.creditCode === row.creditCode)!;
      const input = {
        ...base(record, plan),
        track: 'catalog_upgrade' as const,
        originalCapacity: String(50 + index * 30),
        plannedCapacity: String(50 + index * 30),
        capacityUnit: '万件/年',
        environmentOk: true,
        safetyOk: true,
        energyOk: true,
      };
      await openWithSteps(db, input, plan, today, now);
      made += 1;
    }
  }
  return made;
}
