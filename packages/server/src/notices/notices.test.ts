import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEEKEND_CALENDAR, type EnterpriseRecord, type WorkingDayCalendar } from '@pgs/domain';
import { buildRecord, creditCodeFor } from '@pgs/domain/enterprise-records/record-builder.test-support';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { countAllRows } from '../test/table-counts.ts';
import { apiSender } from '../test/api-sender.ts';

/**
 * R3.2 公示 on PGlite and PostgreSQL: the eitc puts a published mu-evaluation on notice for 5 working days of the
 * plugged-in calendar; the public routes need no sign-in and show name and class only; objections are checked,
 * rate-limited and answered; the result is final when the period has ended and every objection is answered.
 * The test clock starts on Saturday 2026-11-28.
 */

/** A fake national calendar: Wednesday 2026-12-02 a holiday, Saturday 2026-12-05 a 调休 working day. */
const calendar: WorkingDayCalendar = {
  isWorkingDay: (day) => day === '2026-12-05' || (day !== '2026-12-02' && WEEKEND_CALENDAR.isWorkingDay(day)),
};
const LIMIT = 3;
let address = 0;

let t: TestApp;
const cookies: Record<string, string> = {};
let runId: number;
let noticeId: number;

const send = apiSender(() => t, cookies);
const counts = () => countAllRows(t.database.db);

const records = (): EnterpriseRecord[] =>
  Array.from({ length: 8 }, (_, i) =>
    buildRecord({
      creditCode: creditCodeFor(700 + i),
      name: `公示测试企业${i}`,
      platformKey: i % 2 ? 'zhenan' : null,
      tax: String(20 * (i + 1)),
    }),
  );

beforeAll(async () => {
  t = await createTestApp({
    notices: { calendar: () => Promise.resolve(calendar), objectionRateLimit: { max: LIMIT, windowSeconds: 3600 } },
  });
  for (const user of ['eitc', 'drc', 'leader', 'zn', 'auditor']) cookies[user] = await t.login(user);
  expect((await send('eitc', 'POST', '/enterprise-records', { year: 2025, records: records() })).statusCode).toBe(201);
  const run = await send('eitc', 'POST', '/evaluations', { year: 2025 });
  expect(run.statusCode, run.body).toBe(201);
  runId = run.json().id;
});
afterAll(() => t?.close());

const objection = (over: object = {}) => ({
  creditCode: creditCodeFor(701),
  contact: '张先生 13800000000',
  reason: '本企业 2025 年税收数据有误',
  ...over,
});

describe('R3.2 putting a published result on notice', () => {
  it('R3.2 a draft evaluation cannot be put on notice: 422, nothing written', async () => {
    const before = await counts();
    const response = await send('eitc', 'POST', '/notices', { kind: 'mu_evaluation', subjectId: runId });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'NOT_PUBLISHED' });
    expect(await counts()).toEqual(before);
  });

  it.each(['drc', 'leader', 'zn'])('R3.2 %s may not put a result on notice: 403', async (user) => {
    expect((await send('eitc', 'POST', `/evaluations/${runId}/publish`)).statusCode).toBeLessThan(500);
    const response = await send(user, 'POST', '/notices', { kind: 'mu_evaluation', subjectId: runId });
    expect(response.statusCode).toBe(403);
  });

  it.each([
    ['a start before today', { startDay: '2026-11-27' }, '早于今天'],
    ['no working day', { workingDays: 0 }, '至少 1 个工作日'],
    ['an unknown kind', { kind: 'assessment' }, '公示类型'],
    ['a text subject', { subjectId: 'x' }, '请选择要公示的评价'],
  ])('R3.2 bad input (%s) → 400, nothing written', async (_title, change, message) => {
    const before = await counts();
    const response = await send('eitc', 'POST', '/notices', { kind: 'mu_evaluation', subjectId: runId, ...change });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.body).toContain(message);
    expect(await counts()).toEqual(before);
  });

  it('R3.2 the eitc puts it on notice: 5 working days by the plugged-in calendar (a holiday skipped, a 调休 Saturday counted)', async () => {
    const response = await send('eitc', 'POST', '/notices', { kind: 'mu_evaluation', subjectId: runId });
    expect(response.statusCode, response.body).toBe(201);
    // Sat 11-28 rest; Mon 11-30, Tue 12-01, (Wed 12-02 holiday), Thu 12-03, Fri 12-04, Sat 12-05 (调休) = 5.
    expect(response.json()).toMatchObject({
      startDay: '2026-11-28',
      endDay: '2026-12-05',
      workingDays: 5,
      status: 'open',
      objections: 0,
    });
    noticeId = response.json().id;
    const again = await send('eitc', 'POST', '/notices', { kind: 'mu_evaluation', subjectId: runId });
    expect(again.statusCode).toBe(409);
  });
});

describe('R3.2 the public side: no sign-in, name and class only', () => {
  it('R3.2 lists notices and lines without a session, with nothing else from inside the system', async () => {
    const list = await send(null, 'GET', '/public/notices');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      {
        id: noticeId,
        kind: 'mu_evaluation',
        title: '2025年度亩均效益综合评价结果公示',
        startDay: '2026-11-28',
        endDay: '2026-12-05',
        status: 'open',
        entries: expect.any(Number),
      },
    ]);
    const lines = await send(null, 'GET', `/public/notices/${noticeId}/entries?pageSize=100`);
    expect(lines.statusCode).toBe(200);
    const items = lines.json().items as Record<string, unknown>[];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual(['name', 'result']);
      expect(['A', 'B', 'C', 'D']).toContain(item.result);
    }
    expect(lines.body).not.toContain(creditCodeFor(701));
    // The search matches names, never credit codes (it cannot be asked whether a code is on the list).
    const byCode = await send(null, 'GET', `/public/notices/${noticeId}/entries?q=${creditCodeFor(701)}`);
    expect(byCode.json().total).toBe(0);
    const byName = await send(null, 'GET', `/public/notices/${noticeId}/entries?q=${encodeURIComponent('企业3')}`);
    expect(byName.json().items).toEqual([{ name: '公示测试企业3', result: expect.any(String) }]);
  });

  it('R3.2 the signed-in routes stay closed without a session; an unknown notice is 404', async () => {
    expect((await send(null, 'GET', '/notices')).statusCode).toBe(401);
    expect((await send(null, 'GET', `/notices/${noticeId}`)).statusCode).toBe(401);
    expect((await send(null, 'GET', `/evaluations/${runId}`)).statusCode).toBe(401);
    expect((await send(null, 'GET', '/public/notices/999999/entries')).statusCode).toBe(404);
    expect((await send(null, 'GET', '/public/notices/abc')).statusCode).toBe(400);
  });

  it.each([
    [
      'a wrong check digit',
      { creditCode: creditCodeFor(701).slice(0, 17) + (creditCodeFor(701).endsWith('0') ? '1' : '0') },
      '校验位',
    ],
    ['a short code', { creditCode: '91330300' }, '18 位'],
    ['no contact', { contact: '  ' }, '联系人及电话不能为空'],
    ['no reason', { reason: '' }, '异议理由不能为空'],
    ['a lone surrogate in the reason', { reason: 'a\ud800b' }, '异议理由'],
  ])(
    'R3.2 an objection with bad input (%s) → 400 naming the field, nothing written',
    async (_title, change, message) => {
      const before = await counts();
      const response = await send(
        null,
        'POST',
        `/public/notices/${noticeId}/objections`,
        objection(change),
        {},
        `10.0.1.${++address}`,
      );
      expect(response.statusCode, response.body).toBe(400);
      expect(response.body).toContain(message);
      expect(await counts()).toEqual(before);
    },
  );

  it('R3.2 an objection gets 201 with its reference number; the credit code typed in lower case and full width is accepted', async () => {
    const code = creditCodeFor(702);
    const typed = code.toLowerCase().replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const response = await send(
      null,
      'POST',
      `/public/notices/${noticeId}/objections`,
      objection({ creditCode: typed }),
      {},
      '10.0.0.2',
    );
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toEqual({ reference: `GS-${noticeId}-0001`, submittedAt: expect.any(String) });
    const second = await send(null, 'POST', `/public/notices/${noticeId}/objections`, objection(), {}, '10.0.0.2');
    expect(second.json().reference).toBe(`GS-${noticeId}-0002`);
    const detail = await send('leader', 'GET', `/notices/${noticeId}`);
    expect(detail.json()).toMatchObject({ objections: 2, unanswered: 2 });
    expect(detail.json().objectionList[0].creditCode).toBe(code);
  });

  it(`R3.2 more than ${LIMIT} objections from one address in the window → 429, nothing written; another address still gets in`, async () => {
    for (let i = 0; i < LIMIT; i += 1)
      expect(
        (await send(null, 'POST', `/public/notices/${noticeId}/objections`, { bad: true }, {}, '10.0.0.3')).statusCode,
      ).toBe(400);
    const before = await counts();
    const refused = await send(null, 'POST', `/public/notices/${noticeId}/objections`, objection(), {}, '10.0.0.3');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('过于频繁') });
    expect(await counts()).toEqual(before);
  });
});

describe('R3.2 answers and the end of the notice', () => {
  it('R3.2 only the eitc answers; a stale answer is 409; the platforms do not read objections', async () => {
    const detail = (await send('eitc', 'GET', `/notices/${noticeId}`)).json();
    const first = detail.objectionList[0];
    expect((await send('zn', 'GET', `/notices/${noticeId}`)).statusCode).toBe(403);
    expect(
      (
        await send('drc', 'POST', `/notices/${noticeId}/objections/${first.id}/answer`, {
          answer: '经核实…',
          version: 1,
        })
      ).statusCode,
    ).toBe(403);
    const empty = await send('eitc', 'POST', `/notices/${noticeId}/objections/${first.id}/answer`, {
      answer: ' ',
      version: 1,
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('答复内容不能为空');
    const ok = await send('eitc', 'POST', `/notices/${noticeId}/objections/${first.id}/answer`, {
      answer: '经核实，税收数据以税务部门提供为准，维持原评价等级。',
      version: 1,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ unanswered: 1 });
    const stale = await send('eitc', 'POST', `/notices/${noticeId}/objections/${first.id}/answer`, {
      answer: '再答',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
  });

  it('R3.2 on the last day (the 调休 Saturday) still open; the day after: closed to objections, final only when all answered', async () => {
    t.clock.set(new Date('2026-12-05T15:00:00Z')); // 23:00 in Shanghai, the last day
    expect((await send(null, 'GET', `/public/notices/${noticeId}`)).json().status).toBe('open');
    t.clock.set(new Date('2026-12-05T16:00:00Z')); // 00:00 on 12-06 in Shanghai
    expect((await send(null, 'GET', `/public/notices/${noticeId}`)).json().status).toBe('awaiting_answers');
    // A week later the sessions have gone idle: sign in again.
    for (const user of ['eitc', 'leader', 'auditor']) cookies[user] = await t.login(user);
    const before = await counts();
    const late = await send(null, 'POST', `/public/notices/${noticeId}/objections`, objection(), {}, '10.0.0.4');
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'NOTICE_CLOSED', message: expect.stringContaining('不再受理') });
    expect(await counts()).toEqual(before);
    const detail = (await send('eitc', 'GET', `/notices/${noticeId}`)).json();
    const open = detail.objectionList.find((o: { answer: string | null }) => o.answer === null);
    const answered = await send('eitc', 'POST', `/notices/${noticeId}/objections/${open.id}/answer`, {
      answer: '已复核，等级不变。',
      version: open.version,
    });
    expect(answered.json().status).toBe('final');
    expect((await send(null, 'GET', '/public/notices')).json().items[0].status).toBe('final');
  });

  it('R3.2 every write is audited with its Chinese action', async () => {
    const audit = await send('auditor', 'GET', '/audit?entityType=notice_objection&pageSize=50');
    const actions = audit
      .json()
      .items.map((i: { action: string }) => i.action)
      .sort();
    expect(actions).toEqual(['notices.answer', 'notices.answer', 'notices.objection', 'notices.objection']);
  });

  it('R3.2 the objections export as Excel', async () => {
    const response = await send('leader', 'GET', `/notices/${noticeId}/objections.xlsx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
  });
});
