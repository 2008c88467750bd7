import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '@pgs/domain';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { countAllRows } from '../test/table-counts.ts';
import { expectEveryAuditActionNamed } from '../test/audit-names.ts';
import { addWorkingDays, workingDaysBetween, workingDaysInMonth } from '../calendar/calendar.service.ts';
import { apiSender } from '../test/api-sender.ts';

/** Issue #13 (R2.8, D24, D10): rosters, time declarations, trips with attachments, compliance, the holiday calendar. */

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ['zn', 'gxq', 'ojk', 'bureau', 'leader', 'admin', 'drc']) cookies[user] = await t.login(user);
});
afterAll(() => t?.close());

const send = apiSender(() => t, cookies);

let serial = 0;
async function addPerson(user: string, platformKey: string, over: Record<string, unknown> = {}) {
  const response = await send(user, 'POST', `/platforms/${platformKey}/staff`, {
    name: `测试人员${++serial}`,
    position: '招商科科员',
    mainLeader: false,
    takesPartInInvestment: false,
    fromMonth: '2025-01',
    ...over,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: number; version: number; name: string }>();
}

const tripBody = (over: Record<string, unknown> = {}) => ({
  platformKey: 'zhenan',
  travellerIds: [] as number[],
  startOn: '2026-10-12',
  endOn: '2026-10-14',
  province: '广东省',
  city: '深圳市',
  met: [{ name: '深圳某新能源科技有限公司', creditCode: '91330300MA285G5X4Q' }],
  outcome: '洽谈新能源电池项目落户意向',
  ...over,
});

function multipart(file: Buffer, fileName: string) {
  const boundary = '----pgs-trips-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 1)]);

describe('the holiday calendar (issue #13): seeded 2025 and 2026, service functions for other modules', () => {
  it('working days by the official notices, with 调休', async () => {
    const db = t.database.db;
    expect(await workingDaysInMonth(db, '2026-02')).toBe(16);
    expect(await workingDaysInMonth(db, '2026-10')).toBe(18);
    // 28, 29, 30 September, 8 and 9 October, and Saturday 10 October (调休上班)
    expect(await workingDaysBetween(db, '2026-09-28', '2026-10-11')).toBe(6);
    expect(await addWorkingDays(db, '2026-09-25', 5)).toBe('2026-10-09');
    expect(await workingDaysInMonth(db, '2027-01')).toBeUndefined();
    const calendar = await send('leader', 'GET', '/calendar/2025');
    expect(calendar.json()).toMatchObject({ year: 2025, source: expect.stringContaining('国务院办公厅') });
  });

  it('the admin enters next year; a wrong calendar is refused with a Chinese message; a stale save is 409', async () => {
    const body = {
      source: '国务院办公厅关于2027年部分节假日安排的通知',
      festivals: [{ name: '元旦', offFrom: '2027-01-01', offTo: '2027-01-03', makeUpDays: [] }],
    };
    const bad = await send('admin', 'PUT', '/calendar/2027', {
      ...body,
      festivals: [{ name: '春节', offFrom: '2027-02-10', offTo: '2027-02-16', makeUpDays: ['2027-02-09'] }],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toContain('不是周六或周日');
    expect((await send('admin', 'GET', '/calendar/2027')).statusCode).toBe(404);
    const created = await send('admin', 'PUT', '/calendar/2027', body);
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json().workingDaysByMonth[0]).toBe(20);
    const again = await send('bureau', 'PUT', '/calendar/2027', body);
    expect(again.statusCode).toBe(409);
    const fixed = await send('bureau', 'PUT', '/calendar/2027', { ...body, version: 1 });
    expect(fixed.statusCode).toBe(200);
    expect((await send('admin', 'PUT', '/calendar/2027', { ...body, version: 1 })).json().error.code).toBe(
      'STALE_VERSION',
    );
    expect((await send('zn', 'PUT', '/calendar/2027', { ...body, version: 2 })).statusCode).toBe(403);
  });
});

describe('rosters and time declarations (R2.8), platform scope (D10)', () => {
  it('a platform keeps its own roster; another platform gets 404; the bureau and leader see it', async () => {
    const person = await addPerson('zn', 'zhenan', { mainLeader: true });
    expect(
      (
        await send('gxq', 'POST', '/platforms/zhenan/staff', {
          name: 'x',
          position: 'y',
          mainLeader: false,
          takesPartInInvestment: false,
        })
      ).statusCode,
    ).toBe(404);
    expect((await send('gxq', 'GET', '/platforms/zhenan/staff')).statusCode).toBe(404);
    expect((await send('gxq', 'PUT', `/staff/${person.id}/time/2026-10`, { investmentDays: 5 })).statusCode).toBe(404);
    for (const user of ['bureau', 'leader']) {
      const list = await send(user, 'GET', '/platforms/zhenan/staff');
      expect(list.json().items.map((s: { id: number }) => s.id)).toContain(person.id);
    }
    expect(
      (
        await send('bureau', 'POST', '/platforms/zhenan/staff', {
          name: 'x',
          position: 'y',
          mainLeader: false,
          takesPartInInvestment: false,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('bad input is a 400 naming the field, nothing written', async () => {
    const before = await countAllRows(t.database.db);
    for (const payload of [
      {},
      { name: '', position: '科员', mainLeader: false, takesPartInInvestment: false },
      { name: '张三', position: '科员', mainLeader: 'yes', takesPartInInvestment: false },
      { name: '张三', position: '科员', mainLeader: false, takesPartInInvestment: false, fromMonth: '2026-13' },
      {
        name: '张三',
        position: '科员',
        mainLeader: false,
        takesPartInInvestment: false,
        fromMonth: '2026-05',
        untilMonth: '2026-04',
      },
      { name: 'x'.repeat(51), position: '科员', mainLeader: false, takesPartInInvestment: false },
    ]) {
      const response = await send('zn', 'POST', '/platforms/zhenan/staff', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const person = await addPerson('zn', 'zhenan');
    const after = await countAllRows(t.database.db);
    expect(after.staff).toBe(before.staff! + 1);
    for (const days of [-1, 32, '7.25', 'abc', null]) {
      const response = await send('zn', 'PUT', `/staff/${person.id}/time/2026-10`, { investmentDays: days });
      expect(response.statusCode, String(days)).toBe(400);
    }
    // More days than the month's working days (2026-10 has 18).
    const tooMany = await send('zn', 'PUT', `/staff/${person.id}/time/2026-10`, { investmentDays: 19 });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().error.message).toContain('18');
    expect((await countAllRows(t.database.db)).time_declarations).toBe(after.time_declarations);
    expect((await send('zn', 'PUT', `/staff/${person.id}/time/2024-12`, { investmentDays: 3 })).json().error.code).toBe(
      'NOT_ON_ROSTER',
    );
  });

  it('a declaration: first without a version, a correction with it; a stale one is 409 and one of two wins', async () => {
    const person = await addPerson('zn', 'zhenan');
    const url = `/staff/${person.id}/time/2026-09`;
    const first = await send('zn', 'PUT', url, { investmentDays: '7.5' });
    expect(first.json()).toMatchObject({ investmentDays: '7.5', workingDays: 22, version: 1 });
    expect((await send('zn', 'PUT', url, { investmentDays: 8 })).statusCode).toBe(409);
    const [a, b] = await Promise.all([
      send('zn', 'PUT', url, { investmentDays: 9, version: 1 }),
      send('zn', 'PUT', url, { investmentDays: 10, version: 1 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const staleStaff = await send('zn', 'PUT', `/staff/${person.id}`, {
      name: person.name,
      position: '副主任',
      mainLeader: false,
      takesPartInInvestment: true,
      fromMonth: '2025-01',
      untilMonth: null,
      version: person.version + 5,
    });
    expect(staleStaff.json().error.code).toBe('STALE_VERSION');
  });
});

describe('trips (R2.8): travellers from the roster, late flag at the day boundary, attachments by content', () => {
  it('reported on the third day after return is timely; the fourth is late (Shanghai days)', async () => {
    const leader = await addPerson('zn', 'zhenan', { mainLeader: true });
    // The test clock: 2026-11-28 10:00 Shanghai. Back on 25 November → due 28 November: timely.
    const timely = await send(
      'zn',
      'POST',
      '/trips',
      tripBody({ travellerIds: [leader.id], startOn: '2026-11-23', endOn: '2026-11-25' }),
    );
    expect(timely.statusCode, timely.body).toBe(201);
    expect(timely.json()).toMatchObject({ late: false, dueOn: '2026-11-28', reportedOn: '2026-11-28' });
    const late = await send(
      'zn',
      'POST',
      '/trips',
      tripBody({ travellerIds: [leader.id], startOn: '2026-11-23', endOn: '2026-11-24' }),
    );
    expect(late.json()).toMatchObject({ late: true, dueOn: '2026-11-27' });
    // 23:59:59 Shanghai on the due day is still timely (15:59:59 UTC).
    t.clock.set(new Date('2026-11-28T15:59:59Z'));
    cookies.zn = await t.login('zn');
    const lastSecond = await send(
      'zn',
      'POST',
      '/trips',
      tripBody({ travellerIds: [leader.id], startOn: '2026-11-24', endOn: '2026-11-25' }),
    );
    expect(lastSecond.json().late).toBe(false);
    t.clock.set(new Date('2026-11-28T16:00:00Z'));
    const nextDay = await send(
      'zn',
      'POST',
      '/trips',
      tripBody({ travellerIds: [leader.id], startOn: '2026-11-24', endOn: '2026-11-25' }),
    );
    expect(nextDay.json()).toMatchObject({ late: true, reportedOn: '2026-11-29' });
    t.clock.set(new Date('2026-11-28T02:00:00Z'));
    for (const user of Object.keys(cookies)) cookies[user] = await t.login(user);
    const lateOnly = await send('bureau', 'GET', '/trips?platformKey=zhenan&month=2026-11&late=true&pageSize=100');
    expect(
      lateOnly
        .json()
        .items.map((trip: { id: number }) => trip.id)
        .sort(),
    ).toEqual([late.json().id, nextDay.json().id].sort());
  });

  it('bad trips are refused with a Chinese message and nothing written', async () => {
    const mine = await addPerson('zn', 'zhenan');
    const theirs = await addPerson('gxq', 'hitech');
    const before = await countAllRows(t.database.db);
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ travellerIds: [] }, 400, '外出人员'],
      [{ travellerIds: [mine.id], endOn: '2026-10-10' }, 400, '返回日期'],
      [{ travellerIds: [mine.id], city: '温州' }, 400, '目的地'],
      [{ travellerIds: [mine.id], province: '广东省', city: '杭州市' }, 400, '目的地'],
      [{ travellerIds: [mine.id], startOn: '2026-02-30' }, 400, '不存在'],
      [{ travellerIds: [mine.id], outcome: '' }, 400, '成效'],
      [{ travellerIds: [mine.id], met: [{ name: '某公司', creditCode: '91330300MA285G5X4A' }] }, 400, '信用代码'],
      [{ travellerIds: [theirs.id] }, 422, '名册'],
      [{ travellerIds: [999999] }, 422, '名册'],
      [{ travellerIds: [mine.id], projectIds: [999999] }, 422, '项目'],
      [{ travellerIds: [mine.id], startOn: '2026-12-01', endOn: '2026-12-02' }, 422, '还没到'],
    ];
    for (const [over, status, words] of cases) {
      const response = await send('zn', 'POST', '/trips', tripBody(over));
      expect(response.statusCode, JSON.stringify(over)).toBe(status);
      expect(response.json().error.message).toContain(words);
    }
    expect((await send('gxq', 'POST', '/trips', tripBody({ travellerIds: [mine.id] }))).statusCode).toBe(404);
    expect(await countAllRows(t.database.db)).toEqual(before);
  });

  it("linked projects are checked through the projects service: the platform's own only", async () => {
    const person = await addPerson('zn', 'zhenan');
    const own = (await send('bureau', 'GET', '/projects?platformKey=zhenan&pageSize=1')).json().items[0];
    const other = (await send('bureau', 'GET', '/projects?platformKey=hitech&pageSize=1')).json().items[0];
    if (own) {
      const linked = await send('zn', 'POST', '/trips', tripBody({ travellerIds: [person.id], projectIds: [own.id] }));
      expect(linked.json().projects).toEqual([{ id: own.id, name: own.name }]);
    }
    if (other) {
      const refused = await send(
        'zn',
        'POST',
        '/trips',
        tripBody({ travellerIds: [person.id], projectIds: [other.id] }),
      );
      expect(refused.json().error.code).toBe('UNKNOWN_PROJECT');
    }
  });

  it('attachments: typed by content; wrong type or too large → 4xx and nothing stored; download; scope', async () => {
    const person = await addPerson('zn', 'zhenan');
    const trip = (await send('zn', 'POST', '/trips', tripBody({ travellerIds: [person.id] }))).json();
    const before = await countAllRows(t.database.db);
    const exe = multipart(Buffer.from('MZ\x90\x00 this is a program'), 'photo.jpg');
    const wrong = await send(
      'zn',
      'POST',
      `/trips/${trip.id}/attachments?version=${trip.version}`,
      exe.payload,
      exe.headers,
    );
    expect(wrong.statusCode).toBe(415);
    expect(wrong.json().error.message).toContain('照片');
    const zip = multipart(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'minutes.docx');
    expect(
      (await send('zn', 'POST', `/trips/${trip.id}/attachments?version=${trip.version}`, zip.payload, zip.headers))
        .statusCode,
    ).toBe(415);
    const big = multipart(Buffer.concat([JPEG, Buffer.alloc(ATTACHMENT_MAX_BYTES)]), 'big.jpg');
    const tooBig = await send(
      'zn',
      'POST',
      `/trips/${trip.id}/attachments?version=${trip.version}`,
      big.payload,
      big.headers,
    );
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.message).toContain('5 MB');
    expect(await countAllRows(t.database.db)).toEqual(before);

    // A JPEG named .pdf is stored as the JPEG it is.
    const photo = multipart(JPEG, '会议纪要.pdf');
    const added = await send(
      'zn',
      'POST',
      `/trips/${trip.id}/attachments?version=${trip.version}`,
      photo.payload,
      photo.headers,
    );
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().attachments).toEqual([
      expect.objectContaining({ fileName: '会议纪要.pdf', kind: 'jpeg', sizeBytes: JPEG.length }),
    ]);
    const stale = await send(
      'zn',
      'POST',
      `/trips/${trip.id}/attachments?version=${trip.version}`,
      photo.payload,
      photo.headers,
    );
    expect(stale.json().error.code).toBe('STALE_VERSION');
    const attachmentId = added.json().attachments[0].id;
    const download = await send('bureau', 'GET', `/trips/${trip.id}/attachments/${attachmentId}`);
    expect(download.headers['content-type']).toBe('image/jpeg');
    expect(download.rawPayload.equals(JPEG)).toBe(true);
    expect((await send('gxq', 'GET', `/trips/${trip.id}/attachments/${attachmentId}`)).statusCode).toBe(404);
    expect((await send('gxq', 'GET', `/trips/${trip.id}`)).statusCode).toBe(404);
    const gxqList = await send('gxq', 'GET', '/trips?platformKey=zhenan&pageSize=500');
    expect(gxqList.json().items.every((t: { platformKey: string }) => t.platformKey === 'hitech')).toBe(true);
  });

  it("the reporting deadline is the bureau's setting (409 on stale)", async () => {
    const current = (await send('bureau', 'GET', '/trip-settings')).json();
    expect(current.reportWithinDays).toBe(3);
    expect(
      (await send('bureau', 'PUT', '/trip-settings', { reportWithinDays: 0, version: current.version })).statusCode,
    ).toBe(400);
    const saved = await send('bureau', 'PUT', '/trip-settings', { reportWithinDays: 5, version: current.version });
    expect(saved.json()).toMatchObject({ reportWithinDays: 5 });
    expect(
      (await send('bureau', 'PUT', '/trip-settings', { reportWithinDays: 4, version: current.version })).statusCode,
    ).toBe(409);
    const person = await addPerson('zn', 'zhenan');
    const trip = await send(
      'zn',
      'POST',
      '/trips',
      tripBody({ travellerIds: [person.id], startOn: '2026-11-20', endOn: '2026-11-23' }),
    );
    expect(trip.json()).toMatchObject({ late: false, dueOn: '2026-11-28' });
    await send('bureau', 'PUT', '/trip-settings', { reportWithinDays: 3, version: saved.json().version });
  });
});

describe('staffing compliance (R2.8, D24) per platform and month, with the rows behind each figure', () => {
  it('an 瓯江口 month built by hand: 1 trip vs 0, 6/18 exactly 1/3 vs 5.5/18, staff share 2 of 6', async () => {
    const a = await addPerson('ojk', 'oujiangkou', {
      mainLeader: true,
      takesPartInInvestment: true,
      fromMonth: '2026-10',
    });
    const b = await addPerson('ojk', 'oujiangkou', {
      mainLeader: true,
      takesPartInInvestment: true,
      fromMonth: '2026-10',
    });
    for (let i = 0; i < 4; i++) await addPerson('ojk', 'oujiangkou', { fromMonth: '2026-10' });
    // started 31 October → October; started 30 September, back in October → September (D24: the start date).
    await send(
      'ojk',
      'POST',
      '/trips',
      tripBody({ platformKey: 'oujiangkou', travellerIds: [a.id], startOn: '2026-10-31', endOn: '2026-11-02' }),
    );
    await send(
      'ojk',
      'POST',
      '/trips',
      tripBody({ platformKey: 'oujiangkou', travellerIds: [b.id], startOn: '2026-09-30', endOn: '2026-10-02' }),
    );
    await send('ojk', 'PUT', `/staff/${a.id}/time/2026-10`, { investmentDays: 6 });
    await send('ojk', 'PUT', `/staff/${b.id}/time/2026-10`, { investmentDays: 5.5 });
    const response = await send('bureau', 'GET', '/platforms/oujiangkou/staffing-compliance?month=2026-10');
    expect(response.statusCode, response.body).toBe(200);
    const month = response.json();
    const leaders = Object.fromEntries(month.leaders.map((l: { staffId: number }) => [l.staffId, l]));
    expect(leaders[a.id]).toMatchObject({ trips: 1, tripsOk: true, timeShare: '6/18', timeOk: true });
    expect(leaders[b.id]).toMatchObject({ trips: 0, tripsOk: false, timeShare: '5.5/18', timeOk: false });
    expect(month).toMatchObject({ staffShare: '2/6', staffOk: true, missing: [], allOk: false });
    expect(month.staffTakingPartIds.sort()).toEqual([a.id, b.id].sort());
    expect(leaders[a.id].tripIds).toHaveLength(1);

    // November: no declarations yet → marked missing.
    const november = (await send('ojk', 'GET', '/platforms/oujiangkou/staffing-compliance?month=2026-11')).json();
    expect(november.missing).toContain('declaration');
    expect((await send('zn', 'GET', '/platforms/oujiangkou/staffing-compliance?month=2026-10')).statusCode).toBe(404);
  });

  it('the bureau sees every platform side by side for a quarter; a platform only its own', async () => {
    const bureau = (await send('bureau', 'GET', '/staffing-compliance?period=2026Q4')).json();
    expect(bureau.platforms.map((p: { platformKey: string }) => p.platformKey)).toEqual([
      'oujiangkou',
      'zhenan',
      'hitech',
    ]);
    // The test clock is in November: December has not begun and is not shown.
    expect(bureau.months).toEqual(['2026-10', '2026-11']);
    const own = (await send('zn', 'GET', '/staffing-compliance?period=2026')).json();
    expect(own.platforms.map((p: { platformKey: string }) => p.platformKey)).toEqual(['zhenan']);
    expect((await send('bureau', 'GET', '/staffing-compliance?period=2026Q5')).statusCode).toBe(400);
    const exported = await send('bureau', 'GET', '/staffing-compliance/export.xlsx?period=2026Q4');
    expect(exported.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('audit', () => {
  it('every action and object this module wrote has a Chinese name', async () => {
    await expectEveryAuditActionNamed(t.database.db);
  });
});
