import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { countAllRows } from '../test/table-counts.ts';
import { SYSTEM_ACTOR } from '../platform/actor.ts';
import { idleStatuses } from './parcels.service.ts';
import { apiSender } from '../test/api-sender.ts';

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ['zn', 'gxq', 'eitc', 'drc', 'bureau', 'leader']) cookies[user] = await t.login(user);
});
afterAll(() => t?.close());

const send = apiSender(() => t, cookies);

let serial = 0;
const parcel = (over: Record<string, unknown> = {}) => ({
  code: `ZN-T-${++serial}`,
  platformKey: 'zhenan',
  area: '30',
  plannedUse: '工业用地',
  approvedOn: '2024-01-05',
  approvalDocument: '浙土字〔2024〕12号',
  responsiblePerson: '浙南平台用户',
  district: '龙湾区',
  address: '滨海园区纬五路',
  ...over,
});
const supply = (version: number, over: Record<string, unknown> = {}) => ({
  way: 'transfer',
  contractNo: 'HT-1',
  contractDate: '2024-02-01',
  landPrice: '1234.5678',
  holderName: '温州测试用地有限公司',
  agreedStartOn: '2024-03-01',
  agreedCompletionOn: '2026-03-01',
  version,
  ...over,
});
async function created(over: Record<string, unknown> = {}, user = 'zn') {
  const response = await send(user, 'POST', '/parcels', parcel(over));
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: number; version: number }>();
}
async function supplied() {
  const p = await created();
  const response = await send('zn', 'POST', `/parcels/${p.id}/supply`, supply(p.version));
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ id: number; version: number }>();
}

describe('R3.6 parcel life by role', () => {
  it('a platform registers its own parcel as 批而未供, m² converted exactly to 亩 (D5)', async () => {
    const response = await send('zn', 'POST', '/parcels', parcel({ area: undefined, areaM2: '20000' }));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ state: 'approved', area: '30.000000', version: 1 });
    expect(response.json().history).toEqual([expect.objectContaining({ kind: 'create', toState: 'approved' })]);
  });

  it('the drc may not register a parcel (403); a platform may not register for another platform (403)', async () => {
    expect((await send('drc', 'POST', '/parcels', parcel())).statusCode).toBe(403);
    expect((await send('zn', 'POST', '/parcels', parcel({ platformKey: 'hitech' }))).statusCode).toBe(403);
  });

  it('supply → start → complete, each audited with a new version; a second code is refused 409', async () => {
    const p = await created();
    const s = (await send('zn', 'POST', `/parcels/${p.id}/supply`, supply(1))).json();
    expect(s).toMatchObject({ state: 'supplied', version: 2 });
    const started = await send('zn', 'POST', `/parcels/${p.id}/start`, { startedOn: '2024-05-01', version: 2 });
    expect(started.json()).toMatchObject({ state: 'started', version: 3 });
    const done = await send('zn', 'POST', `/parcels/${p.id}/complete`, { completedOn: '2025-05-01', version: 3 });
    expect(done.json()).toMatchObject({ state: 'completed', version: 4 });
    const audit = await t.database.db.execute(
      `SELECT action FROM audit_events WHERE entity_type = 'parcel' AND entity_id = '${p.id}' ORDER BY seq`,
    );
    expect((audit as { rows: Array<{ action: string }> }).rows.map((r) => r.action)).toEqual([
      'parcels.create',
      'parcels.supply',
      'parcels.start',
      'parcels.complete',
    ]);
    const again = await send('zn', 'POST', '/parcels', parcel({ code: (s as { code: string }).code }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PARCEL_CODE_TAKEN');
  });

  it('a stale version is 409 STALE_VERSION; an illegal move 422; order 403 → 404 → 409 → 422', async () => {
    const p = await created();
    const stale = await send('zn', 'POST', `/parcels/${p.id}/supply`, supply(7));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    const illegal = await send('zn', 'POST', `/parcels/${p.id}/start`, { startedOn: '2024-05-01', version: 1 });
    expect(illegal.statusCode).toBe(422);
    expect(illegal.json().error.message).toMatch(/批而未供.*不能开工/);
    expect(
      (await send('leader', 'POST', `/parcels/${p.id}/start`, { startedOn: '2024-05-01', version: 1 })).statusCode,
    ).toBe(403);
  });

  it('of two simultaneous moves with the same version exactly one wins', async () => {
    const p = await created();
    const [a, b] = await Promise.all([
      send('zn', 'POST', `/parcels/${p.id}/supply`, supply(1)),
      send('eitc', 'POST', `/parcels/${p.id}/supply`, supply(1)),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });

  it('D10: another platform reads 404 for the parcel and does not see it in its ledger', async () => {
    const p = await created();
    expect((await send('gxq', 'GET', `/parcels/${p.id}`)).statusCode).toBe(404);
    const list = (await send('gxq', 'GET', '/parcels?pageSize=500')).json();
    expect(list.items.every((i: { platformKey: string }) => i.platformKey === 'hitech')).toBe(true);
  });

  it('vacated → reused by one of the four ways; only then publishable again by the drc', async () => {
    let p = await supplied();
    p = (await send('zn', 'POST', `/parcels/${p.id}/start`, { startedOn: '2024-04-01', version: p.version })).json();
    p = (
      await send('zn', 'POST', `/parcels/${p.id}/vacate`, {
        vacatedOn: '2025-01-01',
        fromEnterpriseName: '温州僵尸企业有限公司',
        reason: 'zombie_exit',
        version: p.version,
      })
    ).json();
    const published = await send('drc', 'POST', `/parcels/${p.id}/publish`, {
      public: true,
      contact: '0577-1',
      version: p.version,
    });
    expect(published.statusCode, published.body).toBe(200);
    const reused = await send('zn', 'POST', `/parcels/${p.id}/reuse`, {
      way: 'government_buyback',
      reusedOn: '2025-03-01',
      newHolderName: '温州新材料有限公司',
      version: published.json().version,
    });
    expect(reused.json()).toMatchObject({ state: 'reused', reuseWay: 'government_buyback', isPublic: false });
  });
});

describe('D22/D23 the clock as of any day', () => {
  it('agreed start 2024-03-01: normal on 2025-03-01, idle on 2025-03-02 with 20 % of the price, recovery on 2026-03-02', async () => {
    const p = await supplied();
    const at = async (day: string) => (await send('zn', 'GET', `/parcels/${p.id}/clock?asOf=${day}`)).json();
    expect(await at('2025-03-01')).toMatchObject({ status: 'normal', idleFrom: '2025-03-02' });
    expect(await at('2025-03-02')).toMatchObject({
      status: 'idle',
      idleFee: '246.913560',
      settings: { idleFeeRate: '0.2' },
    });
    expect(await at('2026-03-02')).toMatchObject({ status: 'recovery' });
  });

  it('a government delay moves the clock by its days; a second delay is refused; one over a year is refused', async () => {
    const p = await supplied();
    const long = await send('zn', 'POST', `/parcels/${p.id}/delays`, {
      cause: 'government',
      reason: '规划调整',
      fromOn: '2024-06-01',
      toOn: '2025-06-01',
      version: p.version,
    });
    expect(long.statusCode).toBe(422);
    expect(long.json().error.message).toMatch(/超过最长 1 年/);
    const ok = await send('zn', 'POST', `/parcels/${p.id}/delays`, {
      cause: 'force_majeure',
      reason: '台风',
      evidence: '气象局证明',
      fromOn: '2024-06-01',
      toOn: '2024-06-10',
      version: p.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const clock = (await send('zn', 'GET', `/parcels/${p.id}/clock?asOf=2025-03-11`)).json();
    expect(clock).toMatchObject({ status: 'normal', idleFrom: '2025-03-12', delayDays: 10 });
    const second = await send('zn', 'POST', `/parcels/${p.id}/delays`, {
      cause: 'government',
      reason: '再延',
      fromOn: '2024-08-01',
      toOn: '2024-08-02',
      version: ok.json().version,
    });
    expect(second.json().error.code).toBe('EXTENSION_USED');
  });

  it('the due list shows the thresholds within N days and those past, for the platform only', async () => {
    const p = await supplied();
    const due = (await send('zn', 'GET', '/parcels/due?asOf=2025-02-20&withinDays=30&pageSize=500')).json();
    expect(due.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ parcelId: p.id, kind: 'idle', dueOn: '2025-03-02', daysLeft: 10 }),
      ]),
    );
    const other = (await send('gxq', 'GET', '/parcels/due?asOf=2025-02-20&pageSize=500')).json();
    expect(other.items.some((i: { parcelId: number }) => i.parcelId === p.id)).toBe(false);
    const past = (await send('zn', 'GET', '/parcels/due?asOf=2026-01-01&which=past&pageSize=500')).json();
    expect(past.items.some((i: { parcelId: number; kind: string }) => i.parcelId === p.id && i.kind === 'idle')).toBe(
      true,
    );
  });
});

describe('bad input: 4xx with a Chinese message naming the field, nothing written', () => {
  const cases: Array<[string, Record<string, unknown>, number, RegExp]> = [
    ['zero area', { area: '0' }, 400, /面积/],
    ['negative area', { area: '-3' }, 400, /面积/],
    ['both units', { areaM2: '100' }, 400, /只填一种单位/],
    ['area as text', { area: '三十' }, 400, /面积.*数字/],
    ['a day that does not exist', { approvedOn: '2024-02-30' }, 400, /不存在/],
    ['deadline before approval', { deadline: '2023-01-01' }, 400, /供地期限/],
    ['a point as boundary', { boundary: { type: 'Point', coordinates: [120.7, 28] } }, 422, /多边形/],
    [
      'a boundary far from the declared area',
      {
        boundary: {
          type: 'Polygon',
          coordinates: [
            [
              [120.7, 28],
              [120.71, 28],
              [120.71, 28.01],
              [120.7, 28.01],
              [120.7, 28],
            ],
          ],
        },
      },
      422,
      /相差超过/,
    ],
  ];
  it.each(cases)('%s', async (_name, over, status, message) => {
    const before = await countAllRows(t.database.db);
    const response = await send('zn', 'POST', '/parcels', parcel(over));
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json().error.message).toMatch(message);
    expect(await countAllRows(t.database.db)).toEqual(before);
  });

  it('completion before start, and an unknown holder, are refused and nothing is written', async () => {
    const p = await created();
    const before = await countAllRows(t.database.db);
    const early = await send('zn', 'POST', `/parcels/${p.id}/supply`, supply(1, { agreedCompletionOn: '2024-02-15' }));
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toMatch(/约定竣工日期/);
    const unknown = await send(
      'zn',
      'POST',
      `/parcels/${p.id}/supply`,
      supply(1, { holderCreditCode: '91330300MA285G5X4Q' }),
    );
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe('UNKNOWN_HOLDER');
    expect(await countAllRows(t.database.db)).toEqual(before);
  });
});

describe('R3.6 public page', () => {
  it('without login: only published parcels, only public fields', async () => {
    const hidden = await created({ code: 'ZN-HIDDEN-1', contact: '0577-2' });
    const shown = await created({ code: 'ZN-SHOWN-1' });
    const published = await send('bureau', 'POST', `/parcels/${shown.id}/publish`, {
      public: true,
      contact: '0577-86000000',
      version: 1,
    });
    expect(published.statusCode, published.body).toBe(200);
    const response = await send(null, 'GET', '/public/parcels');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toMatch(/max-age=60/);
    const codes = response.json().items.map((i: { code: string }) => i.code);
    expect(codes).toContain('ZN-SHOWN-1');
    expect(codes).not.toContain('ZN-HIDDEN-1');
    const item = response.json().items.find((i: { code: string }) => i.code === 'ZN-SHOWN-1');
    expect(Object.keys(item).sort()).toEqual(
      [
        'address',
        'area',
        'code',
        'contact',
        'district',
        'encouragedIndustries',
        'kind',
        'location',
        'plannedUse',
        'platformKey',
        'platformName',
      ].sort(),
    );
    expect(JSON.stringify(response.json())).not.toMatch(/responsiblePerson|浙南平台用户|approvalDocument/);
    expect(hidden.id).toBeGreaterThan(0);
  });

  it('a supplied parcel cannot be published (422)', async () => {
    const p = await supplied();
    const response = await send('drc', 'POST', `/parcels/${p.id}/publish`, {
      public: true,
      contact: 'x',
      version: p.version,
    });
    expect(response.statusCode).toBe(422);
  });
});

describe('settings of the eitc and the drc', () => {
  it('a stale version is 409; a change is recorded with later results', async () => {
    const current = (await send('eitc', 'GET', '/land-settings')).json();
    const { version, updatedAt: _a, updatedBy: _b, updatedByName: _n, ...values } = current;
    const stale = await send('drc', 'PUT', '/land-settings', { ...values, idleFeeRate: '0.1', version: version + 5 });
    expect(stale.statusCode).toBe(409);
    const saved = await send('drc', 'PUT', '/land-settings', { ...values, idleFeeRate: '0.1', version });
    expect(saved.statusCode, saved.body).toBe(200);
    // Who changed them reads as a person, not a login name.
    expect(saved.json()).toMatchObject({ updatedBy: 'drc', updatedByName: '市发改委 陈科长' });
    const p = await supplied();
    expect((await send('zn', 'GET', `/parcels/${p.id}/clock?asOf=2025-03-02`)).json()).toMatchObject({
      idleFee: '123.456780',
      settings: { idleFeeRate: '0.1' },
    });
    await send('drc', 'PUT', '/land-settings', { ...values, version: saved.json().version });
  });
});

describe('import from Excel: template, dry run, all or nothing', () => {
  const upload = async (user: string, rows: unknown[][], dryRun: boolean) => {
    const { default: ExcelJS } = await import('exceljs');
    const template = await send(user, 'GET', '/parcels/import/template.xlsx');
    expect(template.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('地块')!;
    const header = sheet.getRow(1).values as unknown[];
    sheet.spliceRows(2, 1);
    for (const row of rows) sheet.addRow(row);
    expect(header.length).toBeGreaterThan(10);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const boundary = '----land-import';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/parcels/import?dryRun=${dryRun}`,
      headers: { cookie: cookies[user]!, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
  };
  const good = (code: string) => [
    code,
    '浙南',
    20,
    '',
    '工业用地',
    '',
    '龙湾区',
    '纬五路',
    120.86,
    27.92,
    '2026-01-05',
    '浙土字〔2026〕1号',
    '黄主任',
    '',
    '',
    '',
  ];

  it('a file with one bad row writes nothing (422 with the row and the reason); corrected, every row is written', async () => {
    const before = await countAllRows(t.database.db);
    const bad = await upload(
      'zn',
      [good('IMP-1'), ['IMP-2', '浙南', 0, '', '工业用地', '', '', '', '', '', '2026-01-05', '文号', '黄主任']],
      false,
    );
    expect(bad.statusCode, bad.body).toBe(422);
    expect(bad.json().error.details.errors).toEqual([
      expect.objectContaining({ row: 3, message: expect.stringMatching(/面积/) }),
    ]);
    expect(await countAllRows(t.database.db)).toEqual(before);
    const dry = await upload('zn', [good('IMP-1'), good('IMP-2')], true);
    expect(dry.json()).toMatchObject({ dryRun: true, valid: true, rows: 2, inserted: 0 });
    expect(await countAllRows(t.database.db)).toEqual(before);
    const done = await upload('zn', [good('IMP-1'), good('IMP-2')], false);
    expect(done.json()).toMatchObject({ dryRun: false, valid: true, inserted: 2 });
    const again = await upload('zn', [good('IMP-1')], true);
    expect(again.json().errors[0].message).toMatch(/已在台账中/);
    const other = await upload('gxq', [good('IMP-9')], true);
    expect(other.json().errors[0].message).toMatch(/本平台/);
  });
});

describe('the idle status of a whole ledger (what the bench measures)', () => {
  it('agrees with each parcel’s own clock on several days, a platform user seeing only its platform', async () => {
    // An idle one, a delayed (extended) one and one started: every kind of clock in this file's ledger.
    const idle = await supplied();
    const delayed = await supplied();
    expect(
      (
        await send('zn', 'POST', `/parcels/${delayed.id}/delays`, {
          cause: 'government',
          reason: '规划调整',
          fromOn: '2024-04-01',
          toOn: '2024-06-30',
          version: delayed.version,
        })
      ).statusCode,
    ).toBe(200);
    for (const asOf of ['2025-03-01', '2025-03-02', '2025-05-31', '2025-06-01', '2026-03-02', '2026-11-28']) {
      const all = await idleStatuses(t.database.db, SYSTEM_ACTOR, asOf);
      expect(all.length).toBeGreaterThanOrEqual(2);
      for (const { id, status } of all) {
        const clock = (await send('eitc', 'GET', `/parcels/${id}/clock?asOf=${asOf}`)).json();
        expect(status, `parcel ${id} as of ${asOf}`).toBe(clock.status);
      }
      expect(all.find((p) => p.id === idle.id)?.status).toBe(
        asOf >= '2025-03-02' ? (asOf >= '2026-03-02' ? 'recovery' : 'idle') : 'normal',
      );
    }
    const gxq = await idleStatuses(
      t.database.db,
      { ...SYSTEM_ACTOR, role: 'platform', platformKey: 'hitech' },
      '2026-11-28',
    );
    const eitcView = (await send('eitc', 'GET', '/parcels?platformKey=hitech&pageSize=200')).json();
    expect(gxq.map((p) => p.id).sort()).toEqual(eitcView.items.map((p: { id: number }) => p.id).sort());
  });

  it('the SQL pre-selection leaves out no parcel the clock flags: leap-day start, extension, suspension, started late', async () => {
    // idleStatuses is decided in SQL (s13-landsql, idle-status.repository.ts), which skips every clock younger than
    // clockStartBounds: every parcel must still get the status its own clock gives, on the days around each
    // threshold (idle-status.test.ts covers every boundary on a ledger made for it).
    const ok = async (response: Awaited<ReturnType<typeof send>>) => {
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ id: number; version: number }>();
    };
    const leap = await created();
    await ok(
      await send('zn', 'POST', `/parcels/${leap.id}/supply`, supply(leap.version, { agreedStartOn: '2024-02-29' })),
    );
    let extended = await supplied();
    extended = await ok(
      await send('zn', 'POST', `/parcels/${extended.id}/delays`, {
        cause: 'force_majeure',
        reason: '台风',
        fromOn: '2024-03-01',
        toOn: '2025-02-28',
        version: extended.version,
      }),
    );
    let suspended = await supplied();
    suspended = await ok(
      await send('zn', 'POST', `/parcels/${suspended.id}/start`, {
        startedOn: '2024-04-01',
        version: suspended.version,
      }),
    );
    await ok(
      await send('zn', 'POST', `/parcels/${suspended.id}/progress`, {
        reportedOn: '2024-07-01',
        developedArea: '1',
        suspendedSince: '2024-06-30',
        version: suspended.version,
      }),
    );
    const late = await supplied();
    await ok(await send('zn', 'POST', `/parcels/${late.id}/start`, { startedOn: '2025-05-01', version: late.version }));
    const days = ['2025-02-27', '2025-02-28', '2025-03-01', '2025-03-02', '2025-04-30', '2025-06-30', '2025-07-01'];
    days.push('2025-07-02', '2026-02-28', '2026-03-01', '2026-03-02', '2026-03-03', '2026-07-01', '2026-07-02');
    const flagged = new Set<string>();
    for (const asOf of days) {
      const all = new Map((await idleStatuses(t.database.db, SYSTEM_ACTOR, asOf)).map((p) => [p.id, p.status]));
      for (const { id } of [leap, extended, suspended, late]) {
        const clock = (await send('eitc', 'GET', `/parcels/${id}/clock?asOf=${asOf}`)).json();
        expect(all.get(id), `parcel ${id} as of ${asOf}`).toBe(clock.status);
        if (clock.status !== 'normal') flagged.add(`${id}`);
      }
    }
    // Each of the four is flagged on some of these days (else the check above would prove nothing for it).
    expect(flagged).toEqual(new Set([leap, extended, suspended, late].map((p) => `${p.id}`)));
  });
});
