import { BASIS_CATEGORY, CATALOG_2018, DEFAULT_EVALUATION_SHEET, PIPELINE_STAGES, type PlatformKey, type ProjectStatus } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import type { Actor } from '../platform/actor.ts';
import { AppError } from '../platform/errors.ts';
import { actorOfUsername } from '../users/users.service.ts';
import { listProjects, reportProject, transitionProject } from '../projects/projects.service.ts';
import { evaluateProject } from '../projects/project-evaluation.service.ts';
import { circulateProject } from '../projects/project-circulation.service.ts';

const PLATFORM_USERS: Record<PlatformKey, string> = { oujiangkou: 'ojk', zhenan: 'zn', hitech: 'gxq' };
const PLATFORMS = Object.keys(PLATFORM_USERS) as PlatformKey[];
/** Where each demo project stops: every stage of R2.4 appears, with more of the early ones, as in a real pipeline. */
const TARGETS: ProjectStatus[] = ['reported', 'feasible', 'plan_submitted', 'evaluated', 'tracked', 'negotiating', 'signed', 'landed', 'lost', 'landed'];
const INVESTORS = ['瑞浦能源', '正泰电器', '华峰集团', '森马服饰', '奥康集团', '人民电器', '长城汽车', '德力西电气', '天正电气', '宏丰电工'];
const FULL_MARKS = Object.fromEntries(DEFAULT_EVALUATION_SHEET.items.map((item) => [item.code, item.maxScore]));

async function actorOf(db: Db, username: string): Promise<Actor> {
  const actor = await actorOfUsername(db, username);
  if (!actor) throw new Error(`演示账号 ${username} 不存在`);
  return actor;
}

/** 4-digit codes a platform's 2018 catalog lists as encouraged without keywords: demo projects that pass R2.1. */
function encouragedCodes(platformKey: PlatformKey): string[] {
  return CATALOG_2018[platformKey].filter((item) => BASIS_CATEGORY[item.basis] === 'encouraged' && item.keywords.length === 0 && item.industryCode.length === 4).map((item) => item.industryCode);
}

/**
 * About 60 projects across the three platforms and every stage, made through the services so each one obeys the
 * rules (first report, evaluation gates, versions) and is audited; a few duplicates, overdue negotiations and one
 * circulation. Does nothing when the ledger already holds projects.
 */
export async function ensureDemoProjects(db: Db, now: Date): Promise<number> {
  const bureau = await actorOf(db, 'bureau');
  if ((await listProjects(db, bureau, { page: 1, pageSize: 1 }, now)).total > 0) return 0;
  let made = 0;
  for (let i = 0; i < 60; i++) {
    const platformKey = PLATFORMS[i % 3]!;
    const reporter = await actorOf(db, PLATFORM_USERS[platformKey]);
    const codes = encouragedCodes(platformKey);
    const investor = `温州${INVESTORS[i % INVESTORS.length]}${platformKey === 'zhenan' ? '' : '科技'}有限公司`;
    const land = 30 + (i % 7) * 10;
    let project = await reportProject(
      db,
      reporter,
      {
        name: `${INVESTORS[i % INVESTORS.length]}${['智能制造基地', '新能源产业园', '研发总部', '扩产项目'][i % 4]}（${Math.floor(i / 10) + 1}期）`,
        platformKey,
        investorName: investor,
        industryCode: codes[i % codes.length]!,
        totalInvestment: String(land * 500 + i * 3000),
        fixedAssetInvestment: String(land * 420),
        landArea: String(land),
        expectedAnnualTax: String(land * 35),
        expectedAnnualOutput: String(land * 600),
        description: '演示数据',
      },
      now,
    );
    made++;
    const target = TARGETS[Math.floor(i / 3) % TARGETS.length]!;
    const moveTo = async (to: ProjectStatus, actor: Actor, effectiveDate?: string, reason?: string) => {
      project = await transitionProject(db, actor, project.id, { to, version: project.version, effectiveDate, reason }, now);
    };
    if (target === 'lost') {
      await moveTo('lost', reporter, undefined, '投资方选择外地落户');
      continue;
    }
    for (const stage of PIPELINE_STAGES.slice(1, PIPELINE_STAGES.indexOf(target as never) + 1)) {
      if (stage === 'evaluated') {
        const evaluation = await evaluateProject(db, reporter, project.id, { scores: FULL_MARKS, opinion: '项目符合平台产业定位，投资强度和亩均税收均高于准入标准，同意准入。', panel: ['评审专家组'] }, now);
        project = { ...project, version: evaluation.projectVersion };
      }
      // Tracked early in the year, so the later ones show as overdue (R2.4, 180 days).
      const day = stage === 'tracked' ? `2026-0${1 + (i % 5)}-15` : stage === 'landed' ? `2026-${String(6 + (i % 5)).padStart(2, '0')}-20` : undefined;
      await moveTo(stage, stage === 'tracked' ? bureau : reporter, day);
    }
  }
  // A duplicate report (R2.3) and a circulation (R2.5) so those screens have something to show.
  const first = (await listProjects(db, bureau, { platformKey: 'zhenan', status: 'tracked', page: 1, pageSize: 1 }, now)).items[0];
  if (first) {
    const other = await actorOf(db, 'gxq');
    await reportProject(db, other, { name: first.name, platformKey: 'hitech', investorName: first.investorName, industryCode: '3491', totalInvestment: first.totalInvestment, fixedAssetInvestment: first.fixedAssetInvestment, landArea: first.landMu, expectedAnnualTax: first.expectedAnnualTax, description: '演示：重复报送' }, now);
    made++;
  }
  // The first open 浙南 project whose industry 高新区 also encourages (D11) circulates there.
  const open = (await listProjects(db, bureau, { platformKey: 'zhenan', page: 1, pageSize: 500 }, now)).items.filter((p) => p.firstReport && ['tracked', 'negotiating'].includes(p.status));
  for (const candidate of open) {
    const moved = await circulateProject(db, bureau, candidate.id, { toPlatformKey: 'hitech', firstPlaceShare: '0.4', reason: '演示：浙南用地指标不足，流转至高新区' }, now).then(
      () => true,
      (error: unknown) => {
        if (!(error instanceof AppError) || error.status !== 422) throw error;
        return false;
      },
    );
    if (moved) break;
  }
  return made;
}
