import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { pipeline } from 'node:stream/promises';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { from as copyFrom } from 'pg-copy-streams';
import {
  creditCodeProblem,
  ENTERPRISE_RECORD_FIELD_LABELS,
  recordChecker,
  type EnterpriseRecordField,
} from '@pgs/domain';
import { buildApp } from '../packages/server/src/app.ts';
import { prepareDatabase } from '../packages/server/src/startup.ts';
import { DEMO_PASSWORD } from '../packages/server/src/demo/demo-users.ts';
import { readEnterpriseSheet, type SheetRecord } from '../packages/server/src/enterprises/enterprise-sheet-reader.ts';
import { freshPostgres } from './classify.bench.ts';
import { useThrowawayAuditKey } from '../packages/server/src/audit/audit-settings.ts';
import { rawPool } from './raw-pool.ts';

/**
 * Issue #4, bench (b): importing a 100 000-row .xlsx through `POST /api/v1/enterprise-records/import` end to end
 * (upload, streaming read, validation of every cell, rows COPYed in one transaction as they are read, audit) on a fresh PostgreSQL database,
 * against PostgreSQL `COPY … FROM STDIN (FORMAT csv)` of the same rows into an empty copy of the table (same primary
 * key and index), in the same process. Aims: import ≤ 3 × COPY, peak RSS during the import < 500 MB.
 */
const ROWS = Number(process.env.BENCH_ENTERPRISES ?? 100_000);
const YEAR = 2025;
const FIELDS = Object.keys(ENTERPRISE_RECORD_FIELD_LABELS) as EnterpriseRecordField[];
const PLATFORMS = [
  ['oujiangkou', '瓯江口产业集聚区'],
  ['zhenan', '浙南产业集聚区'],
  ['hitech', '温州高新区(浙南科技城)'],
  [null, '平台外'],
] as const;
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Row n of the data set, as the API fields (keys, canonical decimals); the same for the workbook and the CSV. */
function row(n: number) {
  const body = `91330300${String(n).padStart(9, '0')}`;
  const creditCode = Array.from(CODE_CHARS)
    .map((c) => body + c)
    .find((code) => creditCodeProblem(code) === null)!;
  const [platformKey, platformName] = PLATFORMS[n % 4]!;
  const tenant = n % 8 === 3;
  return {
    creditCode,
    name: `温州基准测试${n}电气有限公司`,
    platformKey,
    platformName,
    kind: n % 5 === 4 ? 'service' : 'industrial',
    scale: n % 3 === 0 ? 'below' : 'above',
    landOwned: tenant ? null : String(5 + (n % 120)),
    landLeased: tenant ? String(3 + (n % 20)) + '.5' : null,
    tax: String((n % 9973) / 4),
    valueAdded: String(200 + (n % 7000)),
    revenue: String(1000 + n),
    rdExpense: n % 6 === 0 ? null : '35.25',
    employees: String(10 + (n % 600)),
    energyTce: String(50 + (n % 900)),
    emissionsTons: n % 5 === 4 ? null : '1.75',
    electricityKwh: String(200_000 + n * 3),
    waterTons: String(1000 + (n % 5000)),
    producing: n % 17 !== 0,
    registeredOn: `20${String(10 + (n % 14)).padStart(2, '0')}-0${1 + (n % 9)}-1${n % 10}`,
    industryCode: ['3823', '3443', '3670', '3491', '5431'][n % 5]!,
    backward: n % 997 === 0,
    backwardBasis: n % 997 === 0 ? '列入年度淘汰落后产能计划' : null,
    zombie: false,
    zombieBasis: null,
    utility: false,
  };
}
type Row = ReturnType<typeof row>;

/** The workbook as a user fills the template: Chinese choices and 是/否, numbers as numbers, written with ExcelJS's streaming writer. */
async function writeWorkbook(file: string) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('企业年度数据');
  sheet.columns = FIELDS.map((field) => ({ header: ENTERPRISE_RECORD_FIELD_LABELS[field], key: field }));
  const number = (value: string | null) => (value === null ? null : Number(value));
  const yesNo = (value: boolean) => (value ? '是' : '否');
  for (let n = 1; n <= ROWS; n++) {
    const r = row(n);
    sheet
      .addRow({
        ...r,
        platformKey: r.platformName,
        kind: r.kind === 'industrial' ? '工业企业' : '服务业企业',
        scale: r.scale === 'above' ? '规上' : '规下',
        landOwned: number(r.landOwned),
        landLeased: number(r.landLeased),
        tax: number(r.tax),
        valueAdded: number(r.valueAdded),
        revenue: number(r.revenue),
        rdExpense: number(r.rdExpense),
        employees: number(r.employees),
        energyTce: number(r.energyTce),
        emissionsTons: number(r.emissionsTons),
        electricityKwh: number(r.electricityKwh),
        waterTons: number(r.waterTons),
        producing: yesNo(r.producing),
        backward: yesNo(r.backward),
        zombie: yesNo(r.zombie),
        utility: yesNo(r.utility),
      })
      .commit();
  }
  sheet.commit();
  await workbook.commit();
}

const COPY_COLUMNS = [
  'credit_code',
  'year',
  'name',
  'platform_key',
  'kind',
  'scale',
  'land_owned',
  'land_leased',
  'tax',
  'value_added',
  'revenue',
  'rd_expense',
  'employees',
  'energy_tce',
  'emissions_tons',
  'electricity_kwh',
  'water_tons',
  'producing',
  'registered_on',
  'industry_code',
  'backward',
  'backward_basis',
  'zombie',
  'zombie_basis',
  'utility',
  'imported_at',
  'imported_by',
];

/** The same rows as CSV in the table's own form (keys, canonical decimals), written to disk so COPY streams it. */
async function writeCsv(file: string) {
  const out = createWriteStream(file);
  const cell = (value: string | number | boolean | null) =>
    value === null
      ? ''
      : typeof value === 'string' && /[",\n]/.test(value)
        ? `"${value.replaceAll('"', '""')}"`
        : String(value);
  const at = new Date().toISOString();
  for (let n = 1; n <= ROWS; n++) {
    const r: Row = row(n);
    const line = [
      r.creditCode,
      YEAR,
      r.name,
      r.platformKey,
      r.kind,
      r.scale,
      r.landOwned,
      r.landLeased,
      r.tax,
      r.valueAdded,
      r.revenue,
      r.rdExpense,
      r.employees,
      r.energyTce,
      r.emissionsTons,
      r.electricityKwh,
      r.waterTons,
      r.producing,
      r.registeredOn,
      r.industryCode,
      r.backward,
      r.backwardBasis,
      r.zombie,
      r.zombieBasis,
      r.utility,
      at,
      'eitc',
    ];
    if (!out.write(`${line.map(cell).join(',')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

export type EnterpriseImportBench = {
  rows: number;
  fileBytes: number;
  importMs: number;
  copyMs: number;
  ratio: number;
  /** Importing the same file again (upsert through the staging table), for the record: the aim is on the first import. */
  reimportMs: number;
  rssBeforeMb: number;
  peakRssMb: number;
  /** Where the import's time goes, measured separately after the run (same file, same process). */
  parseMs: number;
  validateMs: number;
};

export async function benchEnterpriseImport(postgresUrl: string): Promise<EnterpriseImportBench> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pgs-bench-import-'));
  const xlsxFile = path.join(dir, 'enterprises.xlsx');
  const csvFile = path.join(dir, 'enterprises.csv');
  const database = await freshPostgres(postgresUrl);
  try {
    // The files are made in a child process, so the import's memory is measured in a process that did not just
    // build 100 000 rows twice (their garbage would be counted as the import's).
    execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), GENERATE, dir], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    useThrowawayAuditKey(); // the audit chain's key: a random one for the benchmark
    await prepareDatabase(database.db, { adminPassword: null, demo: true }, new Date());
    const app = await buildApp({ database });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const appUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'eitc', password: DEMO_PASSWORD },
    });
    const cookie = login.headers['set-cookie']!.toString().split(';')[0]!;

    const upload = async (file: Buffer, year: number) => {
      const form = new FormData();
      form.append(
        'file',
        new Blob([new Uint8Array(file)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
        'enterprises.xlsx',
      );
      const response = await fetch(`${appUrl}/api/v1/enterprise-records/import?year=${year}&dryRun=false`, {
        method: 'POST',
        headers: { cookie },
        body: form,
      });
      const report = (await response.json()) as { inserted?: number; error?: unknown };
      if (response.status !== 200)
        throw new Error(`import answered ${response.status}: ${JSON.stringify(report).slice(0, 500)}`);
      return report;
    };
    const file = readFileSync(xlsxFile);

    // Warm-up on another year with a small file, so the timed run is not the first call of any code path.
    await upload(readFileSync(path.join(dir, 'small.xlsx')), YEAR - 1);

    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 50);
    const started = performance.now();
    const report = await upload(file, YEAR);
    const importMs = performance.now() - started;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (report.inserted !== ROWS) throw new Error(`import inserted ${report.inserted}, expected ${ROWS}`);
    // The same file again: the year now has records, so the rows go through the staging table and the upsert.
    const again = performance.now();
    const reimport = (await upload(file, YEAR)) as { updated?: number };
    const reimportMs = performance.now() - again;
    if (reimport.updated !== ROWS) throw new Error(`re-import updated ${reimport.updated}, expected ${ROWS}`);
    await app.close();

    const pool = rawPool(database.url, 1);
    const client = await pool.connect();
    try {
      // An empty copy of the table with the same primary key and index; three loads, the median counts (the
      // machine is shared, and one COPY is short enough for a hiccup to double it).
      await client.query('CREATE TABLE enterprise_records_copy (LIKE enterprise_records INCLUDING ALL)');
      const copies: number[] = [];
      for (let run = 0; run < 3; run++) {
        await client.query('TRUNCATE enterprise_records_copy');
        const copyStarted = performance.now();
        await pipeline(
          createReadStream(csvFile),
          client.query(copyFrom(`COPY enterprise_records_copy (${COPY_COLUMNS.join(', ')}) FROM STDIN (FORMAT csv)`)),
        );
        copies.push(performance.now() - copyStarted);
        const copied = Number(
          (await client.query<{ n: string }>('SELECT count(*) AS n FROM enterprise_records_copy')).rows[0]!.n,
        );
        if (copied !== ROWS) throw new Error(`COPY loaded ${copied} rows, expected ${ROWS}`);
      }
      const copyMs = copies.sort((a, b) => a - b)[1]!;

      // The breakdown: the streaming read alone, then the domain's validation of the records it yields.
      const parseStarted = performance.now();
      const sheet: SheetRecord[] = [];
      for await (const batch of readEnterpriseSheet(file)) for (const record of batch) sheet.push(record);
      const parseMs = performance.now() - parseStarted;
      const validateStarted = performance.now();
      const checker = recordChecker(YEAR);
      const valid = sheet.every(({ raw, row }) => checker.check(raw, row).errors === null);
      const validateMs = performance.now() - validateStarted;
      if (!valid) throw new Error('the bench workbook does not validate');

      return {
        rows: ROWS,
        fileBytes: statSync(xlsxFile).size,
        importMs,
        copyMs,
        ratio: importMs / copyMs,
        reimportMs,
        rssBeforeMb: rssBefore / 1024 / 1024,
        peakRssMb: peakRss / 1024 / 1024,
        parseMs,
        validateMs,
      };
    } finally {
      client.release();
      await pool.end();
    }
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 1 000 rows of the same shape, for the warm-up. */
async function writeSmall(file: string) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('企业年度数据');
  sheet.columns = FIELDS.map((field) => ({ header: ENTERPRISE_RECORD_FIELD_LABELS[field], key: field }));
  for (let n = ROWS + 1; n <= ROWS + 1000; n++) {
    const r = row(n);
    sheet
      .addRow({
        ...r,
        platformKey: r.platformName,
        producing: r.producing ? '是' : '否',
        backward: '否',
        zombie: '否',
        utility: '否',
        employees: Number(r.employees),
      })
      .commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** The lines `npm run bench` prints for this bench. */
export function enterpriseImportLines(result: EnterpriseImportBench): string[] {
  const format = (n: number) => Math.round(n).toLocaleString('en-US');
  return [
    `\nPOST /api/v1/enterprise-records/import of a ${format(result.rows)}-row .xlsx (${(result.fileBytes / 1024 / 1024).toFixed(1)} MB) on postgres (R3.1, issue #4):`,
    `  PostgreSQL COPY of the same rows as CSV : ${format(result.copyMs)} ms (median of 3)`,
    `  import through the API, end to end       : ${format(result.importMs)} ms (of which reading the workbook ≈ ${format(result.parseMs)} ms, validating ≈ ${format(result.validateMs)} ms)`,
    `  ratio import / COPY                      : ${result.ratio.toFixed(2)} (aim ≤ 3)`,
    `  the same file again (upsert, unchanged)  : ${format(result.reimportMs)} ms, ratio ${(result.reimportMs / result.copyMs).toFixed(2)}`,
    `  peak RSS during the import               : ${format(result.peakRssMb)} MB (the process held ${format(result.rssBeforeMb)} MB before it; aim < 500 MB)`,
  ];
}

/**
 * The bench in a process of its own (with --expose-gc), so the peak RSS is the import's, not what earlier benches
 * of `npm run bench` left in the heap.
 */
export function benchEnterpriseImportInChild(postgresUrl: string): EnterpriseImportBench {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), MEASURE, postgresUrl],
    { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 },
  );
  const line = out.toString('utf8').trim().split('\n').at(-1)!;
  return JSON.parse(line) as EnterpriseImportBench;
}

const GENERATE = '--generate-enterprise-import-files';
const MEASURE = '--measure-enterprise-import';
if (process.argv[2] === MEASURE && process.argv[3]) {
  console.log(JSON.stringify(await benchEnterpriseImport(process.argv[3])));
}
if (process.argv[2] === GENERATE && process.argv[3]) {
  const dir = process.argv[3];
  await writeWorkbook(path.join(dir, 'enterprises.xlsx'));
  await writeCsv(path.join(dir, 'enterprises.csv'));
  await writeSmall(path.join(dir, 'small.xlsx'));
}
