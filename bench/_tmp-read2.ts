import { readFileSync } from 'node:fs';
import { openWorkbook } from '../packages/server/src/platform/xlsx-reader.ts';
const file = readFileSync('/tmp/xl/enterprises.xlsx');
for (let k = 0; k < 4; k++) {
  let t0 = performance.now();
  const wb = openWorkbook(file);
  const t1 = performance.now();
  let n = 0;
  for await (const rows of wb.rows(wb.sheetNames[0]!)) n += rows.length;
  console.log('open', (t1-t0).toFixed(0), 'rows', (performance.now() - t1).toFixed(0));
}
