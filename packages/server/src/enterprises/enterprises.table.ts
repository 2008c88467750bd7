import { boolean, date, index, integer, numeric, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { EnterpriseKind, EnterpriseScale, PlatformKey } from '@pgs/domain';

const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
/** 万元, 亩, tce, 当量吨, kWh, 吨: exact decimals (D1); null = missing, judged by the method's missing-value rule (D14). */
const quantity = (name: string) => numeric(name, { precision: 22, scale: 6 });

/**
 * The base database (R3.1): one row per enterprise and year, keyed by 统一社会信用代码. Re-importing a year replaces
 * that year's row (idempotent); the name is the one given in the latest import of that year.
 */
export const enterpriseRecords = pgTable(
  'enterprise_records',
  {
    creditCode: text('credit_code').notNull(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    /**
     * null: elsewhere in the city (counts for the city-wide D share only, R3.2). A key of `platforms`, kept so by
     * statement triggers, not a foreign key (migration 0024, issue #15): the key checked each of an import's 100 000
     * rows alone at the end of its COPY (≈ 0.3–0.5 s); the triggers check the keys one statement wrote as one set, and
     * refuse to delete or rename a platform that records still name, as the key did.
     */
    platformKey: text('platform_key').$type<PlatformKey>(),
    kind: text('kind').$type<EnterpriseKind>().notNull(),
    scale: text('scale').$type<EnterpriseScale>().notNull(),
    landOwned: quantity('land_owned'),
    landLeased: quantity('land_leased'),
    tax: quantity('tax'),
    valueAdded: quantity('value_added'),
    revenue: quantity('revenue'),
    rdExpense: quantity('rd_expense'),
    employees: quantity('employees'),
    energyTce: quantity('energy_tce'),
    emissionsTons: quantity('emissions_tons'),
    electricityKwh: quantity('electricity_kwh'),
    waterTons: quantity('water_tons'),
    producing: boolean('producing').notNull(),
    registeredOn: date('registered_on', { mode: 'string' }),
    industryCode: text('industry_code'),
    backward: boolean('backward').notNull().default(false),
    backwardBasis: text('backward_basis'),
    zombie: boolean('zombie').notNull().default(false),
    zombieBasis: text('zombie_basis'),
    utility: boolean('utility').notNull().default(false),
    importedAt: instant('imported_at').notNull(),
    importedBy: text('imported_by').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.creditCode, table.year] }),
    index('enterprise_records_year_platform_idx').on(table.year, table.platformKey, table.creditCode),
  ],
);
