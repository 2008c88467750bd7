import {
  PLATFORM_KEYS,
  quarterOfDay,
  quartersUpTo,
  shanghaiDay,
  TARGET_TYPES,
  type ChannelKind,
  type PlatformKey,
  type TargetStatus,
  type TargetType,
} from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import type { Actor } from '../platform/actor.ts';
import { actorOfUsername } from '../users/users.service.ts';
import { listProjects } from '../projects/projects.service.ts';
import { createTargetRow, linkTargetProjectRow, listTargets, updateTargetRow } from '../targets/targets.service.ts';
import { carryForward, closeQuarter } from '../targets/target-quarters.service.ts';
import { addChannelContract, createChannel } from '../targets/channels.service.ts';
import { DEMO_PROJECTS } from './demo-projects-data.ts';

/**
 * Demo target libraries (issue #13): eight quarters (two years, ending with this quarter) for each platform, about
 * 150 enterprises in all, filled the way users will: the first quarter typed in, each next one carried forward from
 * the last and added to, statuses moved on, the past quarters closed. The investors of the demo projects are among
 * the targets and are linked to their projects (the demo projects carry no credit code, so the link is the user's).
 * Deterministic: every choice comes from the row's index.
 */

const USERS: Record<PlatformKey, string> = { oujiangkou: 'ojk', zhenan: 'zn', hitech: 'gxq' };
const DAY_MS = 86_400_000;
const FIRST_QUARTER = 22;
const NEW_PER_QUARTER = 4;

const HQ: Array<[string, string]> = [
  ['上海市', '上海市'],
  ['北京市', '北京市'],
  ['广东省', '深圳市'],
  ['浙江省', '杭州市'],
  ['广东省', '广州市'],
  ['江苏省', '苏州市'],
  ['上海市', '上海市'],
  ['浙江省', '宁波市'],
  ['江苏省', '南京市'],
  ['福建省', '厦门市'],
  ['广东省', '深圳市'],
  ['山东省', '青岛市'],
  ['湖北省', '武汉市'],
  ['四川省', '成都市'],
  ['北京市', '北京市'],
  ['安徽省', '合肥市'],
  ['天津市', '天津市'],
  ['浙江省', '温州市'],
];
const PREFIXES = [
  '华能',
  '中联',
  '东方',
  '远景',
  '国泰',
  '恒通',
  '宏达',
  '新元',
  '博远',
  '汇川',
  '晶科',
  '天合',
  '海辰',
  '联创',
  '正康',
  '盛世',
  '卓越',
  '泰和',
  '瑞丰',
  '安达',
];
const SUFFIXES = ['科技股份有限公司', '集团有限公司', '控股有限公司', '实业有限公司'];
const INVESTMENTS = ['30000', '60000', '120000', '250000', '520000', '80000', '210000', '45000', '150000'];
const PLAN = {
  path: '通过总部拜访与行业协会对接，先签合作备忘录，再报项目',
  planning: '一期用地约 100 亩，三年内达产',
  strategy: '以商招商为主，委托招商机构跟进',
  tactics: '在用地价格与人才政策上让利，争取区域总部落户',
};
const DROP_REASONS = ['企业投资计划推迟', '对方选择外省落户', '用地需求与平台规划不符'];

const CHANNELS: Array<{ kind: ChannelKind; name: string; broughtBy?: string }> = [
  { kind: 'consulting', name: '戴德梁行（委托招商）' },
  { kind: 'accounting', name: '立信会计师事务所温州分所' },
  { kind: 'chamber', name: '上海温州商会', broughtBy: '上海温州商会 陈会长' },
  { kind: 'entrepreneur', name: '温商企业家引荐', broughtBy: '正泰集团 南董事长' },
];

const instant = (quarter: string, day: number, now: Date) => {
  const month = (Number(quarter[5]) - 1) * 3;
  const start = Date.UTC(Number(quarter.slice(0, 4)), month, 1, 2);
  return new Date(Math.min(start + day * DAY_MS, now.getTime()));
};

async function actor(db: Db, username: string): Promise<Actor> {
  const found = await actorOfUsername(db, username);
  if (!found) throw new Error(`演示账号 ${username} 不存在`);
  return found;
}

export async function ensureDemoTargets(db: Db, now: Date): Promise<number> {
  const bureau = await actor(db, 'bureau');
  if ((await listTargets(db, bureau, { page: 1, pageSize: 1 })).total > 0) return 0;
  const quarters = quartersUpTo(quarterOfDay(shanghaiDay(now)), 8);
  let made = 0;
  for (const [p, platformKey] of PLATFORM_KEYS.entries()) {
    const user = await actor(db, USERS[platformKey]);
    const channelIds: number[] = [];
    for (const channel of CHANNELS) {
      const made = await createChannel(db, user, { platformKey, ...channel }, instant(quarters[0]!, 1, now));
      if (channel.kind === 'consulting' || channel.kind === 'accounting')
        await addChannelContract(
          db,
          user,
          made.id,
          {
            startOn: `${quarters[0]!.slice(0, 4)}-01-01`,
            endOn: `${Number(quarters[0]!.slice(0, 4)) + 2}-12-31`,
            scope: `为${platformKey === 'zhenan' ? '汽车及零部件' : platformKey === 'hitech' ? '生命健康与智能制造' : '临港装备与新能源'}产业寻找目标企业并促成落户`,
            feeTerms: '按落地项目固定资产投资额的千分之一支付，单个项目不超过 50 万元',
            version: made.version,
          },
          instant(quarters[0]!, 1, now),
        );
      channelIds.push(made.id);
    }
    const projects = (await listProjects(db, bureau, { platformKey, page: 1, pageSize: 500 }, now)).items
      .filter((project) => project.firstReport && project.platformKey === project.reportedPlatformKey)
      .sort((a, b) => a.reportedAt.localeCompare(b.reportedAt));
    const projectOf = new Map<number, (typeof projects)[number]>();
    let serial = 0;
    const newTarget = async (quarter: string, day: number) => {
      const n = serial++;
      const project = n < projects.length && n % 2 === 0 ? projects[n] : undefined;
      const [province, city] = HQ[(n * 7 + p * 3) % HQ.length]!;
      const industries = DEMO_PROJECTS[platformKey];
      const types: TargetType[] = [TARGET_TYPES[(n + p) % TARGET_TYPES.length]!];
      if (n % 3 === 0) types.push(TARGET_TYPES[(n + p + 2) % TARGET_TYPES.length]!);
      const targetId = await createTargetRow(
        db,
        user,
        {
          platformKey,
          quarter,
          name:
            project?.investorName ??
            `${PREFIXES[(n + p * 5) % PREFIXES.length]}${['新能源', '智能装备', '医疗器械', '新材料', '汽车部件'][n % 5]}${SUFFIXES[n % SUFFIXES.length]}`,
          types,
          hqProvince: province,
          hqCity: city,
          industryCode: project?.industryCode ?? industries[n % industries.length]!.industryCode,
          expectedInvestment: project ? project.totalInvestment : INVESTMENTS[(n + p) % INVESTMENTS.length]!,
          plan: PLAN,
          owner: ['林主任', '陈科长', '黄副主任', '周专员'][n % 4]!,
          status: 'lead',
          channelId: n % 5 < 3 ? channelIds[n % channelIds.length]! : null,
        },
        instant(quarter, day, now),
      );
      if (project) projectOf.set(targetId, project);
      made++;
    };
    for (const [k, quarter] of quarters.entries()) {
      if (k === 0) for (let i = 0; i < FIRST_QUARTER; i++) await newTarget(quarter, 3);
      else {
        await carryForward(db, user, { platformKey, quarter, drops: [] }, instant(quarter, 2, now));
        for (let i = 0; i < NEW_PER_QUARTER; i++) await newTarget(quarter, 10);
      }
      // Move the quarter's open targets on, each by its own index, as a month of work would.
      const rows = (await listTargets(db, user, { platformKey, quarter, page: 1, pageSize: 500 })).items;
      let moved = 0;
      for (const row of rows) {
        const when = instant(quarter, 35 + (row.lineageId % 40), now);
        const project = projectOf.get(row.lineageId);
        if (project && new Date(project.reportedAt) <= when && row.status !== 'reported') {
          await linkTargetProjectRow(db, user, row.id, { projectId: project.id, version: row.version }, when);
          continue;
        }
        const roll = (row.lineageId * 31 + k * 17) % 100;
        let to: TargetStatus | null = null;
        if (row.status === 'lead' && roll < 40) to = 'contact';
        else if (row.status === 'contact' && roll < 30) to = 'negotiating';
        else if (row.status === 'negotiating' && !project && roll < 12) to = 'dropped';
        else if ((row.status === 'lead' || row.status === 'contact') && !project && roll > 94) to = 'dropped';
        // A few moves a quarter per platform: enough for the diff and the funnel, and a quick first start.
        if (!to || moved >= 6) continue;
        moved++;
        const { id, version, platformKey: _p, quarter: _q, ...fields } = row;
        await updateTargetRow(
          db,
          user,
          id,
          {
            ...fields,
            types: fields.types as TargetType[],
            status: to,
            statusReason: to === 'dropped' ? DROP_REASONS[roll % DROP_REASONS.length]! : null,
            version,
          },
          when,
        );
      }
      if (k < quarters.length - 1) await closeQuarter(db, user, { platformKey, quarter }, instant(quarter, 89, now));
    }
  }
  return made;
}
