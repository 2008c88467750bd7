import { creditCodeProblem, PLATFORM_KEYS, type EnterpriseRecordInput, type PlatformKey } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { SYSTEM_ACTOR } from '../platform/actor.ts';
import { enterpriseYears } from '../enterprises/enterprise-records.service.ts';
import { importEnterpriseRecords } from '../enterprises/enterprise-import.service.ts';

/**
 * Demo base database (R3.1) for `npm start`: 300 enterprises over 2023–2025, 80 on each platform and 60 (20 %)
 * elsewhere in the city, industrial 规上/规下 and service, tenants on leased land only, a few utilities, a few not
 * producing, flagged backward and zombie enterprises with their basis, and 10 registered in 2024 (no 2023 record).
 * Figures are drawn so that some industrial enterprises fall at or under the R3.4 bars (低效产出) inside and outside
 * the platforms. Deterministic: a seeded PRNG, never Math.random, so every demo database is the same.
 */
export const DEMO_ENTERPRISE_YEARS = [2023, 2024, 2025] as const;
export const DEMO_ENTERPRISES = 300;
const ELSEWHERE = 60;

/** mulberry32: small, fast, good enough to scatter demo figures, and the same sequence for the same seed. */
function prng(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const BRAND = '瑞华正德宏永东海金鑫立科恒嘉瓯龙泰新天博利达盛隆安康信诚源明昌丰远通力威捷凯欧亚峰豪';
/** [字号后的行业词, GB/T 4754-2017 code] of Wenzhou's typical trades. */
const INDUSTRIAL: ReadonlyArray<readonly [string, string]> = [
  ['电气', '3823'],
  ['阀门', '3443'],
  ['泵业', '3441'],
  ['鞋业', '1952'],
  ['服饰', '1819'],
  ['眼镜', '3587'],
  ['汽车部件', '3670'],
  ['智能装备', '3491'],
  ['电子材料', '3985'],
  ['制药', '2720'],
  ['新能源', '3841'],
  ['包装', '2231'],
  ['印刷', '2319'],
  ['机床', '3421'],
  ['电子', '3982'],
  ['紧固件', '3482'],
];
const SERVICE: ReadonlyArray<readonly [string, string]> = [
  ['物流', '5431'],
  ['供应链管理', '7224'],
  ['信息技术', '6513'],
  ['商贸', '5181'],
  ['检测', '7452'],
  ['工程设计', '7484'],
  ['系统集成', '6531'],
];
const UTILITIES: ReadonlyArray<readonly [string, string]> = [
  ['水务', '4610'],
  ['燃气', '4511'],
  ['热电', '4412'],
  ['污水处理', '4620'],
  ['城东水务', '4610'],
];
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** 鹿城、龙湾、瓯海、洞头、瑞安、乐清、永嘉 administrative division codes (the 3rd–8th characters of a credit code). */
const DISTRICTS = ['330302', '330303', '330304', '330305', '330381', '330382', '330324'];

const cents = (value: number) => (Math.round(value * 100) / 100).toFixed(2);

type Profile = {
  creditCode: string;
  name: string;
  platformKey: PlatformKey | null;
  kind: 'industrial' | 'service';
  industryCode: string;
  registeredOn: string;
  landOwned: number | null;
  landLeased: number | null;
  /** 万元/亩 in 2025, and the yearly growth that scales every figure back to 2023. */
  taxPerMu: number;
  growth: number;
  /** Ratios that turn tax into the other figures, drawn once per enterprise so its years stay consistent. */
  valueAddedPerTax: number;
  revenuePerValueAdded: number;
  employeesPerMu: number;
  energyPerRevenue: number;
  emissionsPerEnergy: number;
  kwhPerTce: number;
  waterPerEmployee: number;
  rdShare: number | null;
  utility: boolean;
  producing: boolean;
  backward: boolean;
  zombie: boolean;
};

/** 规上: main-business revenue of at least 2 000 万元 (industry) or 1 000 万元 (services, the lower of the usual bars). */
const ABOVE_SCALE = { industrial: 2000, service: 1000 } as const;

/** The demo enterprises and their yearly records, built without I/O (the test checks it is the same every time). */
export function buildDemoEnterprises(): Map<number, EnterpriseRecordInput[]> {
  const random = prng(20_251_231);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const between = (low: number, high: number) => low + random() * (high - low);
  const brand = Array.from(BRAND);
  const codeChars = Array.from(CODE_CHARS);
  const names = new Set<string>();
  const codes = new Set<string>();

  const profiles: Profile[] = [];
  for (let i = 0; i < DEMO_ENTERPRISES; i++) {
    const platformKey = i < DEMO_ENTERPRISES - ELSEWHERE ? PLATFORM_KEYS[i % 3]! : null;
    const utility = i % 60 === 7;
    const kind = !utility && i % 5 === 4 ? 'service' : 'industrial';
    const [trade, industryCode] = utility
      ? UTILITIES[Math.floor(i / 60)]!
      : pick(kind === 'service' ? SERVICE : INDUSTRIAL);
    let name = '';
    do {
      const suffix = random() < 0.15 ? '股份有限公司' : random() < 0.06 ? '（集团）有限公司' : '有限公司';
      name = `温州${pick(brand)}${pick(brand)}${trade}${suffix}`;
    } while (names.has(name) || name[2] === name[3]);
    names.add(name);
    let creditCode = '';
    while (!creditCode || codes.has(creditCode)) {
      const body = `91${pick(DISTRICTS)}MA${Array.from({ length: 7 }, () => pick(codeChars)).join('')}`;
      creditCode = codeChars.map((c) => body + c).find((code) => creditCodeProblem(code) === null)!;
    }
    codes.add(creditCode);
    // One industrial enterprise in eight is a tenant (承租企业): leased land only; a few owners lease extra land.
    const tenant = kind === 'industrial' && !utility && i % 8 === 3;
    const land = kind === 'service' ? between(2, 18) : random() < 0.4 ? between(3, 15) : between(15, 120);
    const registered2024 = i % 30 === 11;
    // 低效产出 candidates: one industrial enterprise in nine sits at or under its bar (R3.4: 5 inside, 1 elsewhere).
    const weak = kind === 'industrial' && !utility && i % 9 === 5;
    const bar = platformKey === null ? 1 : 5;
    profiles.push({
      creditCode,
      name,
      platformKey,
      kind,
      industryCode,
      registeredOn: registered2024
        ? `2024-0${1 + (i % 9)}-${String(10 + (i % 18)).padStart(2, '0')}`
        : `${2003 + (i % 19)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      landOwned: tenant ? null : Number(cents(land)),
      landLeased: tenant ? Number(cents(between(3, 25))) : i % 10 === 6 ? Number(cents(between(1, 6))) : null,
      taxPerMu: weak ? between(0.2, bar) : kind === 'service' ? between(20, 120) : between(bar + 0.5, 45),
      growth: between(-0.08, 0.22),
      valueAddedPerTax: between(3, 5),
      revenuePerValueAdded: between(3.5, 5),
      employeesPerMu: between(1.5, kind === 'service' ? 12 : 6),
      energyPerRevenue: kind === 'service' ? between(0.002, 0.01) : between(0.02, 0.12),
      emissionsPerEnergy: between(0.002, 0.01),
      kwhPerTce: between(6000, 9000),
      waterPerEmployee: between(40, 220),
      rdShare: kind === 'industrial' && random() < 0.8 ? between(0.01, 0.05) : null,
      utility,
      producing: true,
      backward: false,
      zombie: false,
    });
  }
  // Flags with their basis (R3.1/R3.5): five backward, five zombie (not producing), three more not producing.
  for (const i of [13, 58, 103, 148, 250]) profiles[i]!.backward = true;
  for (const i of [22, 76, 112, 157, 262])
    Object.assign(profiles[i]!, { zombie: true, producing: false, growth: -0.3 });
  for (const i of [31, 121, 211]) profiles[i]!.producing = false;

  const figures = (profile: Profile, year: number) => {
    const land = (profile.landOwned ?? 0) + (profile.landLeased ?? 0);
    const tax = land * profile.taxPerMu * (1 + profile.growth) ** (year - 2025) * (profile.producing ? 1 : 0.05);
    const valueAdded = tax * profile.valueAddedPerTax;
    const revenue = valueAdded * profile.revenuePerValueAdded;
    const energy = revenue * profile.energyPerRevenue;
    return {
      tax,
      valueAdded,
      revenue,
      energy,
      employees: Math.max(8, Math.round(land * profile.employeesPerMu * (profile.producing ? 1 : 0.2))),
    };
  };
  const byYear = new Map<number, EnterpriseRecordInput[]>();
  for (const year of DEMO_ENTERPRISE_YEARS) {
    const records: EnterpriseRecordInput[] = [];
    for (const profile of profiles) {
      if (profile.registeredOn > `${year}-12-31`) continue;
      const { tax, valueAdded, revenue, energy, employees } = figures(profile, year);
      records.push({
        creditCode: profile.creditCode,
        name: profile.name,
        platformKey: profile.platformKey,
        kind: profile.kind,
        // The scale of the latest year for every year: a demo enterprise does not cross the bar back and forth.
        scale: figures(profile, 2025).revenue >= ABOVE_SCALE[profile.kind] ? 'above' : 'below',
        landOwned: profile.landOwned === null ? null : String(profile.landOwned),
        landLeased: profile.landLeased === null ? null : String(profile.landLeased),
        tax: cents(tax),
        valueAdded: cents(valueAdded),
        revenue: cents(revenue),
        rdExpense: profile.rdShare === null ? null : cents(revenue * profile.rdShare),
        employees: String(employees),
        energyTce: cents(energy),
        emissionsTons: profile.kind === 'service' ? null : cents(energy * profile.emissionsPerEnergy),
        electricityKwh: String(Math.round(energy * profile.kwhPerTce)),
        waterTons: String(Math.round(employees * profile.waterPerEmployee)),
        producing: profile.producing,
        registeredOn: profile.registeredOn,
        industryCode: profile.industryCode,
        backward: profile.backward,
        backwardBasis: profile.backward ? `列入温州市${year}年度淘汰落后产能计划（设备能耗超过国家限额标准）` : null,
        zombie: profile.zombie,
        zombieBasis: profile.zombie ? '连续停产一年以上、资产负债率超过 100%，列入市僵尸企业处置名单' : null,
        utility: profile.utility,
      });
    }
    byYear.set(year, records);
  }
  return byYear;
}

/**
 * Writes the demo years through the import service as the system actor (validated and audited like any import).
 * Does nothing when 2025 already has records; 2025 is written last, so an interrupted start simply repeats it all.
 * Returns the number of records written.
 */
export async function ensureDemoEnterprises(db: Db, now: Date): Promise<number> {
  const last = DEMO_ENTERPRISE_YEARS.at(-1)!;
  if ((await enterpriseYears(db, SYSTEM_ACTOR)).some((entry) => entry.year === last)) return 0;
  let written = 0;
  for (const [year, records] of buildDemoEnterprises()) {
    const outcome = await importEnterpriseRecords(db, SYSTEM_ACTOR, { year, records }, now);
    written += outcome.inserted + outcome.updated;
  }
  return written;
}
