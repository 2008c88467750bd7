import { PLATFORM_KEYS } from '../platform/platforms.ts';
import { creditCodeProblem } from '../projects/credit-code.ts';
import {
  duplicateMessage,
  ENTERPRISE_KINDS,
  ENTERPRISE_SCALES,
  enterpriseRecordSchema,
  isRealDay,
  quantityText,
  registeredAfterYearMessage,
  type EnterpriseRecord,
  type RecordRowError,
} from './enterprise-record.contract.ts';

/**
 * Checking one year's records row by row (R3.1), for the import of 100 000 rows and for `POST /enterprise-records`.
 * `enterpriseRecordSchema` is the rule; zod's per-field machinery costs about 7 µs a record, more than reading the
 * spreadsheet, so a record in the form the template produces (canonical code, plain text, numbers) takes a
 * shortcut through the schema's OWN helpers (quantityText over readQuantity, creditCodeProblem, isRealDay). The shortcut never
 * refuses: anything unusual, and every bad record, goes to the schema, which gives the messages. The
 * record-checker tests hold the two together: whenever the shortcut accepts, the schema accepts the same output.
 */

const PLAIN_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INDUSTRY_CODE = /^(?:[A-T]|\d{2,4})$/;
const PLATFORM_KEY_SET = new Set<unknown>(PLATFORM_KEYS);
const KIND_SET = new Set<unknown>(ENTERPRISE_KINDS);
const SCALE_SET = new Set<unknown>(ENTERPRISE_SCALES);

/** A yes/no as the schema reads it (boolean, 是, 否), or undefined when it is anything else. */
const yesNo = (value: unknown): boolean | undefined =>
  typeof value === 'boolean' ? value : value === '是' ? true : value === '否' ? false : undefined;

/** An optional text the schema trims: the trimmed text, null, absent (undefined), or false when it is not text. */
function optionalText(
  raw: Record<string, unknown>,
  field: string,
  valid: (text: string) => boolean,
): string | null | undefined | false {
  const value = raw[field];
  if (value === undefined || value === null) return value;
  if (typeof value !== 'string') return false;
  const text = value.trim();
  return valid(text) ? text : false;
}

/** The shortcut: the record exactly as the schema would yield it, or null for "let the schema decide". */
export function fastEnterpriseRecord(raw: Record<string, unknown>): EnterpriseRecord | null {
  const { creditCode, name, platformKey, kind, scale } = raw;
  if (typeof creditCode !== 'string' || !PLAIN_CODE.test(creditCode) || creditCodeProblem(creditCode) !== null)
    return null;
  if (typeof name !== 'string') return null;
  const trimmedName = name.trim();
  if (trimmedName.length === 0 || trimmedName.length > 200) return null;
  if (platformKey !== null && !PLATFORM_KEY_SET.has(platformKey)) return null;
  if (!KIND_SET.has(kind) || !SCALE_SET.has(scale)) return null;
  const producing = yesNo(raw.producing);
  if (producing === undefined) return null;
  // One literal in the schema's key order, so every record shares one shape; undefined marks a problem.
  const record = {
    creditCode,
    name: trimmedName,
    platformKey,
    kind,
    scale,
    landOwned: quantityText(raw.landOwned, false),
    landLeased: quantityText(raw.landLeased, false),
    tax: quantityText(raw.tax, false),
    valueAdded: quantityText(raw.valueAdded, false),
    revenue: quantityText(raw.revenue, false),
    rdExpense: quantityText(raw.rdExpense, false),
    employees: quantityText(raw.employees, true),
    energyTce: quantityText(raw.energyTce, false),
    emissionsTons: quantityText(raw.emissionsTons, false),
    electricityKwh: quantityText(raw.electricityKwh, false),
    waterTons: quantityText(raw.waterTons, false),
    producing,
  } as Record<string, unknown>;
  if (
    record.landOwned === undefined ||
    record.landLeased === undefined ||
    record.tax === undefined ||
    record.valueAdded === undefined ||
    record.revenue === undefined ||
    record.rdExpense === undefined ||
    record.employees === undefined ||
    record.energyTce === undefined ||
    record.emissionsTons === undefined ||
    record.electricityKwh === undefined ||
    record.waterTons === undefined
  ) {
    return null;
  }

  const registeredOn = optionalText(raw, 'registeredOn', (text) => DAY.test(text) && isRealDay(text));
  const industryCode = optionalText(raw, 'industryCode', (text) => INDUSTRY_CODE.test(text));
  const backwardBasis = optionalText(raw, 'backwardBasis', (text) => text.length <= 1000);
  const zombieBasis = optionalText(raw, 'zombieBasis', (text) => text.length <= 1000);
  if (registeredOn === false || industryCode === false || backwardBasis === false || zombieBasis === false) return null;
  if ('registeredOn' in raw) record.registeredOn = registeredOn;
  if ('industryCode' in raw) record.industryCode = industryCode;
  // The flags, each with the schema's own cross-field rule: a flag needs its basis.
  if ('backward' in raw) {
    const backward = raw.backward === undefined ? undefined : yesNo(raw.backward);
    if ((backward === undefined && raw.backward !== undefined) || (backward && !backwardBasis)) return null;
    record.backward = backward;
  }
  if ('backwardBasis' in raw) record.backwardBasis = backwardBasis;
  if ('zombie' in raw) {
    const zombie = raw.zombie === undefined ? undefined : yesNo(raw.zombie);
    if ((zombie === undefined && raw.zombie !== undefined) || (zombie && !zombieBasis)) return null;
    record.zombie = zombie;
  }
  if ('zombieBasis' in raw) record.zombieBasis = zombieBasis;
  if ('utility' in raw) {
    const utility = raw.utility === undefined ? undefined : yesNo(raw.utility);
    if (utility === undefined && raw.utility !== undefined) return null;
    record.utility = utility;
  }
  return record as EnterpriseRecord;
}

export type CheckedRow = { record: EnterpriseRecord; errors: null } | { record: null; errors: RecordRowError[] };

/**
 * Checks one year's records one at a time, in order: each record against the schema, a credit code repeated from an
 * earlier row, and a registration after the year's end (when `year` is given). `row` is the row as the user counts
 * it (the JSON list from 1, a spreadsheet's own row number). Remembers each code's first row for later rows.
 */
export function recordChecker(year?: number) {
  const firstRow = new Map<string, number>();
  const yearEnd = year === undefined ? null : `${year}-12-31`;
  return {
    check(raw: unknown, row: number): CheckedRow {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
        return { record: null, errors: [{ row, column: '', message: '这一行不是一条企业记录' }] };
      let record = fastEnterpriseRecord(raw as Record<string, unknown>);
      const errors: RecordRowError[] = [];
      let code: string | undefined = record?.creditCode;
      if (record === null) {
        const result = enterpriseRecordSchema.safeParse(raw);
        if (result.success) record = result.data;
        else
          for (const issue of result.error.issues)
            errors.push({ row, column: String(issue.path[0] ?? ''), message: issue.message });
        code = result.success
          ? result.data.creditCode
          : enterpriseRecordSchema.shape.creditCode.safeParse((raw as { creditCode?: unknown }).creditCode).data;
      }
      if (code !== undefined) {
        const first = firstRow.get(code);
        if (first === undefined) firstRow.set(code, row);
        else errors.push({ row, column: 'creditCode', message: duplicateMessage(first) });
      }
      if (record !== null && yearEnd !== null && record.registeredOn && record.registeredOn > yearEnd) {
        errors.push({ row, column: 'registeredOn', message: registeredAfterYearMessage(record.registeredOn, year!) });
      }
      return errors.length > 0 ? { record: null, errors } : { record: record!, errors: null };
    },
    /** The row where a credit code (canonical) first appeared. */
    rowOf: (creditCode: string) => firstRow.get(creditCode),
  };
}

/**
 * The import's dry-run report: every bad cell of every row, rows numbered from 1 in the order of the list, `column`
 * the API field name; plus every repeat of a credit code already used in an earlier row of the same year. A row
 * that is not an object is reported once with column ''. Pass `year` to also check registration dates against the
 * year's end.
 */
export function recordRowErrors(records: readonly unknown[], options: { year?: number } = {}): RecordRowError[] {
  const checker = recordChecker(options.year);
  return records.flatMap((raw, index) => checker.check(raw, index + 1).errors ?? []);
}
