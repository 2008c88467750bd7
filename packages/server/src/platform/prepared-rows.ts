import { Column, is, SQL, type Query } from 'drizzle-orm';
import type { Db } from './db.ts';
import { objectOfValues } from './object-literal.ts';

/**
 * What a select builder over a flat selection offers: its statement, its fields (each a column or an SQL expression
 * with its decoder, `mapWith`) and, for the types, its row.
 */
type FlatSelect<TRow> = { toSQL(): Query; _: { selectedFields: object; result: TRow[] } };

type Decoder = { mapFromDriverValue(value: unknown): unknown };

/**
 * A select prepared once per database handle (issue #15: hot lists), whose rows are decoded by a function made for its
 * columns. Drizzle's own row mapping checks every column's kind and walks its path again for every row (≈ 9 % of a
 * ledger request); this applies the same decoders in the same order, so the rows are the same values, and null stays
 * null as Drizzle leaves it. On PostgreSQL `name` is a named statement, parsed and planned once per connection.
 * `values` fill the builder's `sql.placeholder`s.
 */
export function preparedRows<TRow>(
  db: Db,
  builder: FlatSelect<TRow>,
  name: string,
): (values: Record<string, unknown>) => Promise<TRow[]> {
  const fields = Object.entries(builder._.selectedFields) as Array<[string, Column | SQL | SQL.Aliased]>;
  const toRow = rowBuilder(
    fields.map(([key]) => key),
    fields.map(([, field]) => decoderOf(field)),
  );
  const prepared = db._.session.prepareQuery<{ execute: TRow[]; all: unknown; values: unknown }>(
    builder.toSQL(),
    undefined,
    name,
    true,
    (rows) => rows.map((raw) => toRow(raw) as TRow),
  );
  return (values) => prepared.execute(values);
}

/**
 * A row of the driver's values decoded in place, in the select's order, then made one object of the select's keys
 * (object-literal.ts: one fixed shape per row, not one built key by key).
 */
function rowBuilder(keys: readonly string[], decoders: readonly Decoder[]): (raw: unknown[]) => object {
  const build = objectOfValues(keys);
  const width = keys.length;
  return (raw) => {
    for (let i = 0; i < width; i += 1) if (raw[i] !== null) raw[i] = decoders[i]!.mapFromDriverValue(raw[i]);
    return build(raw);
  };
}

/** The decoder Drizzle's own mapping would use (an SQL expression's `decoder` is internal to Drizzle's types). */
function decoderOf(field: Column | SQL | SQL.Aliased): Decoder {
  if (is(field, Column)) return field;
  const expression = is(field, SQL) ? field : field.sql;
  return (expression as unknown as { decoder: Decoder }).decoder;
}
