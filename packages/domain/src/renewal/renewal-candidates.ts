import { overcapacityOf } from '../catalog/overcapacity.ts';
import type { RenewalTrack } from './renewal-tracks.ts';

/**
 * R3.5 (§三(二)1): every enterprise of the year's 淘汰落后 sub-database belongs in the year's elimination plan; every
 * 停产僵尸 enterprise on an exit until 出清; an enterprise of an overcapacity industry (钢铁、水泥、电解铝、平板玻璃、
 * 船舶) is a candidate for the clean-up of illegal built projects (whether it is one is the eitc's finding, recorded
 * on the case). This lists who still lacks a case.
 */
export type CandidateEnterprise<Key extends string | null = string | null> = {
  creditCode: string;
  name: string;
  platformKey: Key;
  industryCode?: string | null;
  backward?: boolean;
  backwardBasis?: string | null;
  zombie?: boolean;
  zombieBasis?: string | null;
};

/** The cases an enterprise already has: its track and, for elimination, the plan year. */
export type ExistingCase = { creditCode: string; track: RenewalTrack; planYear: number | null; open: boolean };

/** A candidate keeps its enterprise's platform key, typed as precisely as the caller's. */
export type Candidate<Key extends string | null = string | null> = {
  creditCode: string;
  name: string;
  platformKey: Key;
  industryCode: string | null;
  track: RenewalTrack;
  basis: string;
};

export function renewalCandidates<Key extends string | null>(
  enterprises: readonly CandidateEnterprise<Key>[],
  cases: readonly ExistingCase[],
  year: number,
): Candidate<Key>[] {
  const has = (creditCode: string, test: (c: ExistingCase) => boolean) =>
    cases.some((c) => c.creditCode === creditCode && test(c));
  const out: Candidate<Key>[] = [];
  for (const e of enterprises) {
    const base = {
      creditCode: e.creditCode,
      name: e.name,
      platformKey: e.platformKey,
      industryCode: e.industryCode ?? null,
    };
    if (e.backward && !has(e.creditCode, (c) => c.track === 'elimination' && c.planYear === year)) {
      out.push({ ...base, track: 'elimination', basis: e.backwardBasis ?? `${year}年度淘汰落后企业库` });
    }
    // A zombie case runs until 出清 over several years: any case of the track (open or done) covers it.
    if (e.zombie && !has(e.creditCode, (c) => c.track === 'zombie_exit')) {
      out.push({ ...base, track: 'zombie_exit', basis: e.zombieBasis ?? `${year}年度停产僵尸企业库` });
    }
    const over = e.industryCode ? overcapacityOf(e.industryCode) : undefined;
    if (over && !has(e.creditCode, (c) => c.track === 'overcapacity_cleanup')) {
      out.push({
        ...base,
        track: 'overcapacity_cleanup',
        basis: `产能严重过剩行业：${over.name}（行业代码 ${e.industryCode}）`,
      });
    }
  }
  return out;
}
