import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRecord, creditCodeFor } from '@pgs/domain/enterprise-records/record-builder.test-support';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { countAllRows } from '../test/table-counts.ts';
import { apiSender } from '../test/api-sender.ts';

/**
 * R3.2 公示 "5 个工作日" counted by the national holiday calendar (the calendar module's, as seeded for 2025 and 2026
 * and edited by the admin), which buildApp plugs in by default: the 国庆 week is skipped and its 调休 Saturday
 * counted; a period reaching a year not entered yet is refused (422) with nothing written, and counts once the
 * admin enters that year. Two published mu-evaluations (2024 and 2025 data), one notice each.
 */
let t: TestApp;
const cookies: Record<string, string> = {};
const runs: Record<number, number> = {};

const send = apiSender(() => t, cookies);
/** Moves the test clock to 10:00 in Shanghai on `day` and signs the users in again (sessions are idle-timed). */
async function today(day: string) {
  t.clock.set(new Date(`${day}T02:00:00Z`));
  for (const user of ['eitc', 'admin']) cookies[user] = await t.login(user);
}

beforeAll(async () => {
  t = await createTestApp();
  await today('2026-09-25');
  for (const year of [2024, 2025]) {
    const records = Array.from({ length: 4 }, (_, i) =>
      buildRecord({ creditCode: creditCodeFor(800 + i), name: `节假日公示企业${i}`, platformKey: 'zhenan' }),
    );
    expect((await send('eitc', 'POST', '/enterprise-records', { year, records })).statusCode).toBe(201);
    const run = await send('eitc', 'POST', '/evaluations', { year });
    expect(run.statusCode, run.body).toBe(201);
    runs[year] = run.json().id;
    expect((await send('eitc', 'POST', `/evaluations/${runs[year]}/publish`)).statusCode).toBe(200);
  }
});
afterAll(() => t?.close());

describe('R3.2 the notice period by the national holiday calendar', () => {
  it('started Monday 2026-09-28: 28, 29, 30 September, (1–7 October 国庆), 8 and 9 October → ends 10-09, not 10-02', async () => {
    const response = await send('eitc', 'POST', '/notices', {
      kind: 'mu_evaluation',
      subjectId: runs[2025],
      startDay: '2026-09-28',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ startDay: '2026-09-28', endDay: '2026-10-09', workingDays: 5 });
  });

  it('four working days from Wednesday 09-30 (30 September, 8 and 9 October) end on Saturday 10-10, the 调休 working day', async () => {
    // The same evaluation may be on notice only once: the period is checked through the 2024 one, then dropped.
    const response = await send('eitc', 'POST', '/notices', {
      kind: 'mu_evaluation',
      subjectId: runs[2024],
      startDay: '2026-09-30',
      workingDays: 4,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().endDay).toBe('2026-10-10');
    await t.database.db.execute(`DELETE FROM notices WHERE id = ${response.json().id}`);
  });

  it('a period reaching 2027 before its calendar is entered: 422 in Chinese, nothing written; entered, it counts', async () => {
    await today('2026-12-01');
    const before = await countAllRows(t.database.db);
    const body = { kind: 'mu_evaluation', subjectId: runs[2024], startDay: '2026-12-28' };
    const refused = await send('eitc', 'POST', '/notices', body);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'NO_HOLIDAY_CALENDAR',
      message: expect.stringContaining('2027 年的法定节假日安排尚未录入'),
    });
    expect(await countAllRows(t.database.db)).toEqual(before);
    const entered = await send('admin', 'PUT', '/calendar/2027', {
      source: '国务院办公厅关于2027年部分节假日安排的通知',
      festivals: [{ name: '元旦', offFrom: '2027-01-01', offTo: '2027-01-03', makeUpDays: [] }],
    });
    expect(entered.statusCode, entered.body).toBe(200);
    const accepted = await send('eitc', 'POST', '/notices', body);
    expect(accepted.statusCode, accepted.body).toBe(201);
    // 28, 29, 30, 31 December, (1–3 January 元旦), Monday 4 January.
    expect(accepted.json().endDay).toBe('2027-01-04');
  });
});
