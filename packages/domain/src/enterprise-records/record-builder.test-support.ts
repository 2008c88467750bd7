import { creditCodeProblem } from '../projects/credit-code.ts';
import type { EnterpriseRecord } from './enterprise-record.contract.ts';

/** Test support only (not exported from the package index): records and valid credit codes built on demand. */

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid 统一社会信用代码 for number n: body 91330300 + n in 9 digits, and the check character that fits. */
export function creditCodeFor(n: number): string {
  const body = `91330300${String(n).padStart(9, '0')}`;
  for (const c of CHARSET) if (creditCodeProblem(body + c) === null) return body + c;
  throw new Error(`no check character for ${body}`);
}

let counter = 0;

/** A producing 规上 industrial enterprise outside the platforms, 10 亩 of its own, registered long ago. */
export function buildRecord(overrides: Partial<EnterpriseRecord> = {}): EnterpriseRecord {
  counter += 1;
  return {
    creditCode: `TEST${String(counter).padStart(14, '0')}`,
    name: `测试企业${counter}`,
    platformKey: null,
    kind: 'industrial',
    scale: 'above',
    landOwned: '10',
    landLeased: null,
    tax: '100',
    valueAdded: '500',
    revenue: '2000',
    rdExpense: '60',
    employees: '100',
    energyTce: '300',
    emissionsTons: '2',
    electricityKwh: '1000000',
    waterTons: '5000',
    producing: true,
    registeredOn: '2010-01-01',
    industryCode: '3821',
    ...overrides,
  };
}
