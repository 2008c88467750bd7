import { eq, sql } from 'drizzle-orm';
import type { EnterpriseRecord, PlatformKey } from '@pgs/domain';
import type { Tx } from '../platform/db.ts';
import { copyCsv, copyTarget, csvText, type CsvCopy } from '../platform/copy-rows.ts';
import { ADVISORY_LOCKS, lockUntilCommit } from '../platform/advisory-locks.ts';
import { enterpriseRecords } from './enterprises.table.ts';

/**
 * SQL only (STYLE.md): writing one year's records by (credit code, year), inside the import's transaction, with
 * COPY. The first import of a year (the bulk case: a whole year's file) copies straight into the table; a year
 * that already has records is copied into a temporary table first, then upserted from it in one statement, so the
 * checks that need the stored rows (who holds a code, how many exist) are joins, not 100 000 look-ups.
 */

const STAGING = 'enterprise_records_import';

/** Written columns (the table's property names) in the order of the COPY, each as its CSV field. */
const WRITTEN: ReadonlyArray<
  readonly [column: keyof typeof enterpriseRecords.$inferSelect, field: (record: EnterpriseRecord) => string]
> = [
  ['creditCode', (r) => csvText(r.creditCode)],
  ['name', (r) => csvText(r.name)],
  ['platformKey', (r) => csvText(r.platformKey)],
  ['kind', (r) => r.kind],
  ['scale', (r) => r.scale],
  ['landOwned', (r) => r.landOwned ?? ''],
  ['landLeased', (r) => r.landLeased ?? ''],
  ['tax', (r) => r.tax ?? ''],
  ['valueAdded', (r) => r.valueAdded ?? ''],
  ['revenue', (r) => r.revenue ?? ''],
  ['rdExpense', (r) => r.rdExpense ?? ''],
  ['employees', (r) => r.employees ?? ''],
  ['energyTce', (r) => r.energyTce ?? ''],
  ['emissionsTons', (r) => r.emissionsTons ?? ''],
  ['electricityKwh', (r) => r.electricityKwh ?? ''],
  ['waterTons', (r) => r.waterTons ?? ''],
  ['producing', (r) => (r.producing ? 't' : 'f')],
  ['registeredOn', (r) => r.registeredOn ?? ''],
  ['industryCode', (r) => csvText(r.industryCode)],
  ['backward', (r) => (r.backward === true ? 't' : 'f')],
  ['backwardBasis', (r) => csvText(r.backwardBasis || null)],
  ['zombie', (r) => (r.zombie === true ? 't' : 'f')],
  ['zombieBasis', (r) => csvText(r.zombieBasis || null)],
  ['utility', (r) => (r.utility === true ? 't' : 'f')],
];
/** The COPY's target, taken from the Drizzle table: the written columns, then the year and who imported when. */
const TARGET = copyTarget(enterpriseRecords, [...WRITTEN.map(([key]) => key), 'year', 'importedAt', 'importedBy']);
const COLUMNS = TARGET.columns;
const DATA = COLUMNS.slice(0, WRITTEN.length).filter((column) => column !== enterpriseRecords.creditCode.name);
const SET = [...DATA, enterpriseRecords.importedAt.name, enterpriseRecords.importedBy.name]
  .map((column) => `${column} = excluded.${column}`)
  .join(', ');
// A row whose figures are all the same is left alone (imported_at too), so importing the same file twice changes
// nothing.
const STORED_FIGURES = DATA.map((c) => `enterprise_records.${c}`).join(', ');
const CHANGED = `(${STORED_FIGURES}) IS DISTINCT FROM (${DATA.map((c) => `excluded.${c}`).join(', ')})`;

export type YearImport = {
  /** Queues records for the table; call in order, then `finish`. */
  write(records: readonly EnterpriseRecord[]): Promise<void>;
  /** Ends the COPY. Before it returns nothing is in the table; after it, `heldElsewhere`, `existing` and `apply`. */
  finish(): Promise<void>;
  /** Credit codes of the import whose stored record of the year is another platform's, or none's. */
  heldElsewhere(platformKey: PlatformKey): Promise<string[]>;
  /** How many of the imported codes already had a record of the year (they are updated, the rest inserted). */
  existing(): Promise<number>;
  /** Writes the upsert (a year that had records); a first import is already in place. */
  apply(): Promise<void>;
};

export async function beginYearImport(tx: Tx, year: number, importedAt: Date, importedBy: string): Promise<YearImport> {
  await lockUntilCommit(tx, ADVISORY_LOCKS.enterpriseYearImport, year);
  const staged =
    (
      await tx
        .select({ one: sql`1` })
        .from(enterpriseRecords)
        .where(eq(enterpriseRecords.year, year))
        .limit(1)
    ).length > 0;
  if (staged) {
    await tx.execute(
      sql.raw(
        `CREATE TEMPORARY TABLE ${STAGING} ON COMMIT DROP AS ` +
          `SELECT ${COLUMNS.join(', ')} FROM enterprise_records WITH NO DATA`,
      ),
    );
  }
  const copy: CsvCopy = copyCsv(tx, staged ? { ...TARGET, table: STAGING } : TARGET);
  const tail = `,${year},${importedAt.toISOString()},${csvText(importedBy)}\n`;
  const stagedAndStored = sql`FROM ${sql.raw(STAGING)} s
    JOIN enterprise_records e ON e.credit_code = s.credit_code AND e.year = ${year}`;
  return {
    async write(records) {
      let csv = '';
      for (const record of records) {
        for (let i = 0; i < WRITTEN.length; i++) csv += (i === 0 ? '' : ',') + WRITTEN[i]![1](record);
        csv += tail;
      }
      if (csv !== '') await copy.write(csv);
    },
    finish: () => copy.end(),
    async heldElsewhere(platformKey) {
      if (!staged) return [];
      const { rows } = (await tx.execute(
        sql`SELECT s.credit_code AS code ${stagedAndStored} WHERE e.platform_key IS DISTINCT FROM ${platformKey}`,
      )) as { rows: Array<{ code: string }> };
      return rows.map((row) => row.code);
    },
    async existing() {
      if (!staged) return 0;
      const { rows } = (await tx.execute(sql`SELECT count(*)::integer AS n ${stagedAndStored}`)) as {
        rows: Array<{ n: number }>;
      };
      const [row] = rows;
      return row?.n ?? 0;
    },
    async apply() {
      if (!staged) return;
      await tx.execute(
        sql.raw(`INSERT INTO enterprise_records (${COLUMNS.join(', ')}) SELECT ${COLUMNS.join(', ')} FROM ${STAGING}
          ON CONFLICT (credit_code, year) DO UPDATE SET ${SET} WHERE ${CHANGED}`),
      );
    },
  };
}
