import { addCalendarDays, lastDayOfMonth, shanghaiDay, type PlatformKey, type StaffView } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { SYSTEM_ACTOR } from '../platform/actor.ts';
import { listProjects } from '../projects/projects.service.ts';
import { listStaff } from '../trips/staff.service.ts';
import { seedRoster, seedTrips, type SeedTrip } from '../trips/trips-seed.service.ts';

/**
 * Demo rosters, monthly time declarations and about 200 outbound trips over the two years before today (issue #13),
 * loaded through the trips module's seed service (one transaction and one audit row per platform and batch). Deterministic: a seeded PRNG, never Math.random.
 * On purpose: some leaders miss a month's trip or declare less than 1/3, some reports are late, 高新区 joins a
 * non-participating person two months ago (its staff share drops below 1/3 from then), and 高新区 has not declared the month
 * four months ago (a missing figure on the board).
 */

type DemoPerson = { name: string; position: string; mainLeader: boolean; takesPart: boolean; joinedAgo?: number };

const ROSTERS: Record<PlatformKey, DemoPerson[]> = {
  oujiangkou: [
    { name: '林建国', position: '管委会主任', mainLeader: true, takesPart: true },
    { name: '陈晓东', position: '管委会常务副主任', mainLeader: true, takesPart: true },
    { name: '张丽华', position: '招商局局长', mainLeader: false, takesPart: true },
    { name: '王志强', position: '招商局副局长', mainLeader: false, takesPart: true },
    { name: '李婷', position: '经济发展局科员', mainLeader: false, takesPart: false },
    { name: '赵伟', position: '规划建设局科员', mainLeader: false, takesPart: false },
    { name: '周敏', position: '办公室主任', mainLeader: false, takesPart: false },
    { name: '吴刚', position: '财政局科员', mainLeader: false, takesPart: false },
    { name: '郑雪', position: '社会事务局科员', mainLeader: false, takesPart: false },
    { name: '孙浩', position: '项目服务中心主任', mainLeader: false, takesPart: true },
  ],
  zhenan: [
    { name: '黄海涛', position: '管委会主任', mainLeader: true, takesPart: true },
    { name: '胡志明', position: '管委会副主任', mainLeader: true, takesPart: true },
    { name: '徐静', position: '投资促进局局长', mainLeader: false, takesPart: true },
    { name: '朱文斌', position: '投资促进局科员', mainLeader: false, takesPart: true },
    { name: '马丽', position: '办公室科员', mainLeader: false, takesPart: false },
    { name: '高峰', position: '建设局科员', mainLeader: false, takesPart: false },
    { name: '林芳', position: '财政局科员', mainLeader: false, takesPart: false },
    { name: '何军', position: '综合执法局科员', mainLeader: false, takesPart: false },
    { name: '罗丹', position: '人力社保局科员', mainLeader: false, takesPart: false },
    { name: '梁宇', position: '规划局科员', mainLeader: false, takesPart: false },
    { name: '宋佳', position: '应急管理局科员', mainLeader: false, takesPart: false },
    { name: '唐磊', position: '党政办科员', mainLeader: false, takesPart: false },
  ],
  hitech: [
    { name: '吴振华', position: '管委会主任', mainLeader: true, takesPart: true },
    { name: '蔡明', position: '管委会副主任', mainLeader: true, takesPart: true },
    { name: '潘雯', position: '科技招商局局长', mainLeader: false, takesPart: true },
    { name: '许杰', position: '企业服务局科员', mainLeader: false, takesPart: false },
    { name: '董倩', position: '办公室科员', mainLeader: false, takesPart: false },
    { name: '袁飞', position: '财政局科员', mainLeader: false, takesPart: false },
    { name: '邓超', position: '建设局科员', mainLeader: false, takesPart: false },
    { name: '冯雅', position: '人才办科员', mainLeader: false, takesPart: false },
    { name: '曹阳', position: '党政办科员', mainLeader: false, takesPart: false },
    { name: '彭丽', position: '统计科员', mainLeader: false, takesPart: false, joinedAgo: 2 },
  ],
};

const DESTINATIONS: ReadonlyArray<readonly [string, string]> = [
  ['上海市', '上海市'],
  ['浙江省', '杭州市'],
  ['广东省', '深圳市'],
  ['北京市', '北京市'],
  ['广东省', '广州市'],
  ['江苏省', '苏州市'],
  ['江苏省', '南京市'],
  ['安徽省', '合肥市'],
  ['浙江省', '宁波市'],
  ['四川省', '成都市'],
];
const ENTERPRISES = [
  '上海某新能源汽车零部件有限公司',
  '深圳某智能装备科技有限公司',
  '杭州某生物医药股份有限公司',
  '北京某数字科技集团有限公司',
  '苏州某半导体材料有限公司',
  '广州某高端装备制造有限公司',
  '合肥某储能科技有限公司',
  '南京某软件信息技术有限公司',
  '宁波某新材料股份有限公司',
  '成都某航空零部件有限公司',
  '温州商会（上海）会员企业某电气有限公司',
  '深圳某激光设备股份有限公司',
];
const OUTCOMES = [
  '介绍平台产业定位和用地条件，对方有意来温考察',
  '就新建生产基地选址进行洽谈，约定下月来平台实地踏勘',
  '对方提出用地和厂房需求，已带回研究可行方案',
  '签订合作意向书，进入项目可行性研究',
  '拜访温州商会，获得两条项目线索',
  '参加产业招商推介会，交流新能源和智能装备项目',
];

function prng(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** 'YYYY-MM' `n` months before `month`. */
function monthsBefore(month: string, n: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** 10:00 Shanghai time of a day, as an instant. */
const morningOf = (day: string) => new Date(`${day}T02:00:00Z`);

export async function ensureDemoTrips(db: Db, now: Date): Promise<number> {
  const existing = await listStaff(db, SYSTEM_ACTOR, 'zhenan', { page: 1, pageSize: 1 });
  if (existing.total > 0) return 0;
  const random = prng(20_261_206);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const today = shanghaiDay(now);
  const thisMonth = today.slice(0, 7);
  const firstMonth = monthsBefore(thisMonth, 23);
  const months = Array.from({ length: 24 }, (_, i) => monthsBefore(thisMonth, 23 - i));
  let trips = 0;

  for (const platformKey of Object.keys(ROSTERS) as PlatformKey[]) {
    const staff: StaffView[] = await seedRoster(
      db,
      SYSTEM_ACTOR,
      platformKey,
      ROSTERS[platformKey].map((person) => ({
        name: person.name,
        position: person.position,
        mainLeader: person.mainLeader,
        takesPartInInvestment: person.takesPart,
        fromMonth: person.joinedAgo === undefined ? firstMonth : monthsBefore(thisMonth, person.joinedAgo),
      })),
      now,
    );
    const seeds: SeedTrip[] = [];
    const declarations: Array<{ staffId: number; month: string; investmentDays: string; at: Date }> = [];
    const leaders = staff.filter((s) => s.mainLeader);
    const investors = staff.filter((s) => s.takesPartInInvestment && !s.mainLeader);
    const projects = (await listProjects(db, SYSTEM_ACTOR, { platformKey, page: 1, pageSize: 100 }, now)).items.map(
      (p) => p.id,
    );

    for (const month of months) {
      const last = lastDayOfMonth(month);
      // Trips: each leader goes out most months (about one month in eight not), plus one or two trips of staff.
      const planned: Array<{ travellers: number[]; day: number }> = [];
      for (const leader of leaders) {
        if (random() < 0.12) continue;
        const companion = random() < 0.6 ? [pick(investors).id] : [];
        planned.push({ travellers: [leader.id, ...companion], day: 1 + Math.floor(random() * 26) });
      }
      for (let extra = random() < 0.3 ? 2 : 1; extra > 0; extra--)
        planned.push({ travellers: [pick(investors).id], day: 1 + Math.floor(random() * 26) });
      for (const trip of planned) {
        const startOn = `${month}-${String(trip.day).padStart(2, '0')}`;
        const endOn = addCalendarDays(startOn, 1 + Math.floor(random() * 3));
        // Reported 0–3 days after return, one report in seven 4–7 days after (late by the default 3 days).
        const delay = random() < 0.14 ? 4 + Math.floor(random() * 4) : Math.floor(random() * 4);
        const reportedOn = addCalendarDays(endOn, delay);
        if (reportedOn > today) continue;
        const [province, city] = pick(DESTINATIONS);
        seeds.push({
          travellerIds: trip.travellers,
          startOn,
          endOn,
          province,
          city,
          met: [...new Set([pick(ENTERPRISES), ...(random() < 0.4 ? [pick(ENTERPRISES)] : [])])],
          outcome: pick(OUTCOMES),
          projectIds: projects.length > 0 && random() < 0.25 ? [pick(projects)] : [],
          reportedAt: morningOf(reportedOn),
        });
      }
      // Declarations of the main leaders, filed in the first days of the next month (not yet for this month).
      if (month === thisMonth) continue;
      if (platformKey === 'hitech' && month === monthsBefore(thisMonth, 4)) continue;
      for (const leader of leaders) {
        // 6–11 days in half days: most months reach 1/3 of about 21 working days, some do not.
        const days = String(6 + Math.floor(random() * 11) / 2);
        declarations.push({ staffId: leader.id, month, investmentDays: days, at: morningOf(addCalendarDays(last, 2)) });
      }
    }
    trips += await seedTrips(db, SYSTEM_ACTOR, { platformKey, trips: seeds, declarations }, now);
  }
  return trips;
}
