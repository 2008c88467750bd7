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
    if (project.status !== 'landed' || !project.landedOn || Number(project.landedOn.slice(0, 4)) !== year) continue;
    const base = { id: project.id, name: project.name, status: project.status };
    const move = project.circulation;
    if (move) {
      const side = move.fromPlatformKey === platformKey ? 'first' : move.toPlatformKey === platformKey ? 'host' : null;
      if (!side) continue;
      const credit = side === 'first' ? move.firstPlaceShare : move.hostShare;
      total = total.plus(credit);
      rows.push({
        ...base,
        credit,
        counted: true,
        reason:
          side === 'first'
            ? `流转项目，本平台为首谈地，按 ${credit} 计`
            : `流转项目，本平台为注册落户地，按 ${credit} 计`,
      });
      continue;
    }
    if (project.platformKey !== platformKey) continue;
    if (project.categoryAtReport !== 'encouraged') {
      rows.push({
        ...base,
        credit: 0,
        counted: false,
        reason: `登记时行业在本平台目录中为${CATEGORY_LABELS[project.categoryAtReport]}，不在鼓励类范围内，不计入年度招商引资任务`,
      });
      continue;
    }
    total = total.plus(1);
    rows.push({ ...base, credit: 1, counted: true, reason: `${year} 年落地，行业属本平台鼓励类，计 1 个` });
  }
  return { platformKey, year, projects: rows, totalCredit: total.toNumber() };
}
