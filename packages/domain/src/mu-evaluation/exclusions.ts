import { isWithinIndustry } from '../industries/industry-code.ts';
import type { EnterpriseRecord } from '../enterprise-records/enterprise-record.contract.ts';
import type { ExclusionSettings } from './mu-evaluation-method.ts';

/**
 * Class T (不定等级): enterprises left out of the ABCD classes and out of every share (D15). The seed itself puts
 * "所有企业" in the evaluation (§三(二)2) and names no exclusion; these are county practice (DOMAIN-FACTS §1.4 淮安
 * T类, §1.5) and each can be switched off in the method.
 */
export type ExclusionCode = 'utility' | 'recently_registered' | 'not_producing';

export const EXCLUSION_LABELS: Record<ExclusionCode, string> = {
  utility: '公用事业企业',
  recently_registered: '注册不满规定年限',
  not_producing: '未投产',
};

export type Exclusion = { code: ExclusionCode; reason: string };

/**
 * Every reason the record is class T in `year`, in Chinese; empty when it is evaluated.
 * - utility: the record's `utility` flag, or its industry code within one of the configured codes (门类 D, 7820 …).
 * - registered less than N whole years by the year's end (31 December): "不满两年" excludes the figure, so registered
 *   on 31 Dec of year − N is exactly N years and evaluated; 1 Jan of year − N + 1 is one day short and is T.
 * - not producing: T as 未投产, unless flagged zombie (停产僵尸, R3.5): a stopped stock enterprise is the very one
 *   the evaluation must rank at the bottom, so it stays in and scores on its (low) figures.
 */
export function exclusionsOf(record: EnterpriseRecord, year: number, settings: ExclusionSettings): Exclusion[] {
  const found: Exclusion[] = [];
  if (settings.utilities && isUtility(record, settings.utilityIndustryCodes)) {
    found.push({
      code: 'utility',
      reason: '公用事业企业（电力、热力、燃气、水务、垃圾和污水处理等），不参与 ABCD 分类',
    });
  }
  if (settings.minYearsRegistered > 0 && record.registeredOn) {
    const latest = `${year - settings.minYearsRegistered}-12-31`;
    if (record.registeredOn > latest) {
      found.push({
        code: 'recently_registered',
        reason: `注册于 ${record.registeredOn}，至 ${year} 年末不满 ${settings.minYearsRegistered} 年（${latest} 及以前注册的参评）`,
      });
    }
  }
  if (settings.notProducing && !record.producing && record.zombie !== true) {
    found.push({ code: 'not_producing', reason: '未投产（未正常生产且未列为停产僵尸企业）' });
  }
  return found;
}

/** Whether an industry code lies within any of the codes, remembered per list (a run asks 100 000 times). */
const utilityCache = new WeakMap<readonly string[], Map<string, boolean>>();

function isUtility(record: EnterpriseRecord, codes: readonly string[]): boolean {
  if (record.utility === true) return true;
  const code = record.industryCode;
  if (!code) return false;
  let known = utilityCache.get(codes);
  if (!known) utilityCache.set(codes, (known = new Map<string, boolean>()));
  let answer = known.get(code);
  if (answer === undefined) {
    answer = codes.some((utilityCode) => isWithinIndustry(code, utilityCode));
    known.set(code, answer);
  }
  return answer;
}
