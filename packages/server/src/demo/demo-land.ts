import { addDays, shanghaiDay, type PlatformKey } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import type { Actor } from '../platform/actor.ts';
import { actorOfUsername } from '../users/users.service.ts';
import { listEnterprises } from '../enterprises/enterprise-records.service.ts';
import {
  addDelay,
  completeParcel,
  createParcel,
  listParcels,
  publishParcel,
  recoverParcel,
  reportProgress,
  reuseParcel,
  startParcel,
  supplyParcel,
  vacateParcel,
} from '../land/parcels.service.ts';

/** Where each platform's demo parcels lie (around its real area in the east of Wenzhou) and who answers for them. */
const PLATFORM_SITES: Record<
  PlatformKey,
  { lng: number; lat: number; districts: string[]; prefix: string; person: string; contact: string }
> = {
  oujiangkou: {
    lng: 120.98,
    lat: 27.99,
    districts: ['洞头区', '龙湾区'],
    prefix: '瓯江口',
    person: '瓯江口管委会 林主任',
    contact: '瓯江口招商服务中心 0577-5699 0001',
  },
  zhenan: {
    lng: 120.86,
    lat: 27.92,
    districts: ['龙湾区'],
    prefix: '浙南',
    person: '浙南管委会 黄主任',
    contact: '浙南产业集聚区招商局 0577-8699 0002',
  },
  hitech: {
    lng: 120.74,
    lat: 27.97,
    districts: ['瓯海区', '龙湾区'],
    prefix: '高新',
    person: '高新区管委会 吴主任',
    contact: '高新区招商服务中心 0577-8898 0003',
  },
};

const USES = ['工业用地', '工业用地', '工业用地', '仓储用地', '科研用地', '商务用地'];

/** A fixed-seed generator (mulberry32): the demo is the same on every start. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Plan =
  | 'approved'
  | 'approved_public'
  | 'supplied'
  | 'idle'
  | 'recovery'
  | 'extended'
  | 'started'
  | 'suspended'
  | 'slow'
  | 'completed'
  | 'vacated'
  | 'vacated_public'
  | 'reused'
  | 'recovered';

/** About 27 parcels a platform, every state; the extended and the recovered one only on 浙南 ("one extended, one recovered"). */
const PLANS: Plan[] = [
  'approved',
  'approved',
  'approved',
  'approved',
  'approved_public',
  'approved_public',
  'supplied',
  'supplied',
  'supplied',
  'supplied',
  'idle',
  'idle',
  'recovery',
  'started',
  'started',
  'started',
  'suspended',
  'slow',
  'completed',
  'completed',
  'completed',
  'completed',
  'vacated',
  'vacated_public',
  'reused',
  'reused',
];

/**
 * Demo parcels (issue #12): about 80 across the three platforms in every state, dated relative to the day of the
 * first start so some are idle, some due within 30 days, one extended, one recovered, some public. Vacated ones
 * come from the platform's demo enterprises. Made through the land service, as a user would, so each is audited.
 */
export async function ensureDemoLand(db: Db, now: Date): Promise<number> {
  const eitc = await actorOfUsername(db, 'eitc');
  const drc = await actorOfUsername(db, 'drc');
  if (!eitc || !drc) throw new Error('演示账号 eitc 或 drc 不存在');
  if ((await listParcels(db, eitc, { page: 1, pageSize: 1 }, now)).total > 0) return 0;
  const today = shanghaiDay(now);
  const day = (offset: number) => addDays(today, offset);
  const random = seeded(20261206);
  let made = 0;
  for (const platformKey of Object.keys(PLATFORM_SITES) as PlatformKey[]) {
    const site = PLATFORM_SITES[platformKey];
    const enterprises = await demoEnterpriseNames(db, eitc, platformKey);
    const plans: Plan[] = platformKey === 'zhenan' ? [...PLANS, 'extended', 'recovered'] : PLANS;
    for (const [index, plan] of plans.entries()) {
      const area = (10 + Math.round(random() * 1400) / 10).toFixed(1);
      const code = `${site.prefix}-${String(2024 + (index % 3))}-${String(index + 1).padStart(3, '0')}`;
      const p0 = await createParcel(
        db,
        eitc,
        {
          code,
          platformKey,
          area,
          plannedUse: USES[index % USES.length]!,
          industryCode: null,
          district: site.districts[index % site.districts.length]!,
          address: `${site.districts[index % site.districts.length]}${['纬一路', '经二路', '滨海大道', '科创路', '港区路'][index % 5]}${10 + index}号地块`,
          location: {
            lng: Number((site.lng + (random() - 0.5) * 0.08).toFixed(5)),
            lat: Number((site.lat + (random() - 0.5) * 0.06).toFixed(5)),
          },
          approvedOn: day(-900 - index * 7),
          approvalDocument: `浙政土〔${2023 + (index % 2)}〕${100 + index}号`,
          responsiblePerson: site.person,
          acquisitionStatus: index % 2 === 0 ? '征地完成，拆迁完成' : '征地完成，拆迁扫尾',
          // Some approved parcels reach their supply deadline within the month (the due list has something to show).
          deadline: plan.startsWith('approved') ? day(index % 2 === 0 ? 12 + index : 200 + index) : null,
          contact: site.contact,
        },
        now,
      );
      made++;
      let p: { id: number; version: number } = p0;
      if (plan === 'approved') continue;
      if (plan === 'approved_public') {
        await publishParcel(db, drc, p.id, { public: true, contact: site.contact, version: p.version }, now);
        continue;
      }
      // Agreed start relative to today: the clock's position is chosen by the plan.
      const startOffset: Record<string, number> = {
        supplied: -60 + index * 3,
        idle: -420 - index * 5,
        recovery: -800,
        extended: -400,
        recovered: -800,
      };
      const agreedStart = day(startOffset[plan] ?? -700 - index * 3);
      const contractDate = addDays(agreedStart, -60);
      const price = (Number(area) * (28 + Math.round(random() * 20))).toFixed(2);
      p = await supplyParcel(
        db,
        eitc,
        p.id,
        {
          way: index % 5 === 0 ? 'allocation' : index % 7 === 0 ? 'lease' : 'transfer',
          contractNo: `${site.prefix}出让合同-${index + 1}`,
          contractDate,
          landPrice: price,
          holderName:
            enterprises[index % Math.max(enterprises.length, 1)] ?? `温州${site.prefix}用地单位${index}有限公司`,
          holderCreditCode: null,
          agreedStartOn: agreedStart,
          agreedCompletionOn: addDays(agreedStart, plan === 'slow' ? 500 : 730),
          totalInvestment: (Number(price) * 6).toFixed(2),
          version: p.version,
        },
        now,
      );
      if (plan === 'supplied' || plan === 'idle' || plan === 'recovery') continue;
      if (plan === 'extended') {
        await addDelay(
          db,
          eitc,
          p.id,
          {
            cause: 'government',
            reason: '规划条件调整，交地延后',
            evidence: '规划调整批复',
            fromOn: addDays(agreedStart, 30),
            toOn: addDays(agreedStart, 120),
            version: p.version,
          },
          now,
        );
        continue;
      }
      if (plan === 'recovered') {
        await recoverParcel(
          db,
          eitc,
          p.id,
          { recoveredOn: day(-20), decisionNo: '温政收〔2026〕3号', version: p.version },
          now,
        );
        continue;
      }
      p = await startParcel(db, eitc, p.id, { startedOn: addDays(agreedStart, 40), version: p.version }, now);
      if (plan === 'suspended') {
        await reportProgress(
          db,
          eitc,
          p.id,
          {
            reportedOn: addDays(agreedStart, 200),
            developedArea: (Number(area) / 5).toFixed(2),
            investedAmount: null,
            suspendedSince: addDays(agreedStart, 100),
            version: p.version,
          },
          now,
        );
        continue;
      }
      if (plan === 'started' || plan === 'slow') continue;
      p = await completeParcel(
        db,
        eitc,
        p.id,
        {
          completedOn: addDays(agreedStart, 500),
          builtArea: (Number(area) * 666.67 * 1.2).toFixed(0),
          investedAmount: null,
          version: p.version,
        },
        now,
      );
      if (plan === 'completed') continue;
      p = await vacateParcel(
        db,
        eitc,
        p.id,
        {
          vacatedOn: addDays(agreedStart, 620),
          fromEnterpriseName: enterprises[(index + 3) % Math.max(enterprises.length, 1)] ?? '温州某停产企业有限公司',
          reason: (['zombie_exit', 'low_efficiency', 'elimination', 'relocation'] as const)[index % 4]!,
          note: null,
          version: p.version,
        },
        now,
      );
      if (plan === 'vacated_public')
        await publishParcel(db, drc, p.id, { public: true, contact: site.contact, version: p.version }, now);
      if (plan === 'reused')
        await reuseParcel(
          db,
          eitc,
          p.id,
          {
            way: (['government_lease', 'government_buyback', 'merger', 'redevelopment'] as const)[index % 4]!,
            reusedOn: addDays(agreedStart, 650),
            newHolderName: `温州${site.prefix}新动能产业有限公司`,
            version: p.version,
          },
          now,
        );
    }
  }
  return made;
}

/** The platform's demo enterprises' names (the holders and vacated-from enterprises of its parcels). */
async function demoEnterpriseNames(db: Db, actor: Actor, platformKey: PlatformKey): Promise<string[]> {
  try {
    const page = await listEnterprises(db, actor, { platformKey, page: 1, pageSize: 30 });
    return page.items.map((item) => item.name);
  } catch {
    return [];
  }
}
