import { readFileSync } from 'node:fs';
import { openWorkbook } from '../packages/server/src/platform/xlsx-reader.ts';
import { readEnterpriseSheet } from '../packages/server/src/enterprises/enterprise-sheet-reader.ts';
import { recordChecker } from '@pgs/domain';
const file = readFileSync('/tmp/xl/enterprises.xlsx');
for (let k = 0; k < 3; k++) {
  let t0 = performance.now();
  const wb = openWorkbook(file);
  let n = 0;
  for await (const rows of wb.rows(wb.sheetNames[0]!)) n += rows.length;
  const a = performance.now() - t0; t0 = performance.now();
  let m = 0; const c = recordChecker(2025); let bad = 0;
  for await (const recs of readEnterpriseSheet(file)) { m += recs.length; }
  const b = performance.now() - t0; t0 = performance.now();
  for await (const recs of readEnterpriseSheet(file)) { for (const r of recs) if (c.check(r.raw, r.row).errors) bad++; }
  const d = performance.now() - t0;
  console.log('xlsx rows', n, a.toFixed(0), 'sheet records', m, b.toFixed(0), 'sheet+check', d.toFixed(0), bad);
}
