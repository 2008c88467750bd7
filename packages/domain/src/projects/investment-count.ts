import Decimal from 'decimal.js';
import { CATEGORY_LABELS, type ClassifyCategory } from '../catalog/catalog-types.ts';
import type { ProjectStatus } from './pipeline.ts';

export type CountableProject = {
  id: number;
  name: string;
  status: ProjectStatus;
  /** The platform that reported it (after a circulation, the first-negotiation place). */
  reportedPlatformKey: string;
  /** The platform that holds it now (after a circulation, the registration place). */
  platformKey: string;
  /** Shanghai day it landed, 'YYYY-MM-DD'; null until landed. */
  landedOn: string | null;
  /** D11: its class in the attracting platform's catalog when it was reported. */
  categoryAtReport: ClassifyCategory;
  circulation: { fromPlatformKey: string; toPlatformKey: string; firstPlaceShare: number; hostShare: number } | null;
};

export type CountedProject = {
  id: number;
  name: string;
  status: ProjectStatus;
  credit: number;
  counted: boolean;
  reason: string;
};

/**
 * R2.5–R2.6 (D11): what a platform's landed projects of a year count towards its annual investment task. A project
 * landed that year counts with credit 1 for its platform; after a circulation each side counts its share; a project
 * that is not `encouraged` where it was attracted is listed with `counted: false` and the reason.
 */
export function investmentSummary(platformKey: string, year: number, projects: CountableProject[]) {
  const rows: CountedProject[] = [];
  let total = new Decimal(0);
  for (const project of projects) {
    const verdict = creditOf(platformKey, year, project);
    if (!verdict) continue;
    total = total.plus(verdict.credit);
    rows.push({ id: project.id, name: project.name, status: project.status, ...verdict });
  }
  return { platformKey, year, projects: rows, totalCredit: total.toNumber() };
}

/** The rule of one project for one platform (R2.5–R2.6); null when the project is not the platform's that year. */
function creditOf(
  platformKey: string,
  year: number,
  project: Omit<CountableProject, 'id' | 'name'>,
): { credit: number; counted: boolean; reason: string } | null {
  if (project.status !== 'landed' || !project.landedOn || Number(project.landedOn.slice(0, 4)) !== year) return null;
  const move = project.circulation;
  if (move) {
    const side = move.fromPlatformKey === platformKey ? 'first' : move.toPlatformKey === platformKey ? 'host' : null;
    if (!side) return null;
    const credit = side === 'first' ? move.firstPlaceShare : move.hostShare;
    return {
      credit,
      counted: true,
      reason:
        side === 'first'
          ? `流转项目，本平台为首谈地，按 ${credit} 计`
          : `流转项目，本平台为注册落户地，按 ${credit} 计`,
    };
  }
  if (project.platformKey !== platformKey) return null;
  if (project.categoryAtReport !== 'encouraged') {
    return {
      credit: 0,
      counted: false,
      reason: `登记时行业在本平台目录中为${CATEGORY_LABELS[project.categoryAtReport]}，不在鼓励类范围内，不计入年度招商引资任务`,
    };
  }
  return { credit: 1, counted: true, reason: `${year} 年落地，行业属本平台鼓励类，计 1 个` };
}

/**
 * The same total as `investmentSummary(...).totalCredit` from projects grouped by everything the rule reads (a SQL
 * GROUP BY with `count`): the cockpit needs the figure, not the list, of thousands of landed projects.
 */
export function investmentCreditOfGroups(
  platformKey: string,
  year: number,
  groups: ReadonlyArray<Omit<CountableProject, 'id' | 'name'> & { count: number }>,
): number {
  let total = new Decimal(0);
  for (const group of groups) {
    const verdict = creditOf(platformKey, year, group);
    if (verdict) total = total.plus(new Decimal(verdict.credit).times(group.count));
  }
  return total.toNumber();
}
