import type { PassThrough } from 'node:stream';
import { MISSING_FIGURE_LABELS, type MonthComplianceView, type StaffView, type TripView } from '@pgs/domain';
import { streamWorkbook } from '../platform/xlsx-stream.ts';
import { excelDay, excelTime, type SheetColumn } from '../platform/xlsx-format.ts';
import { platformLabel } from './trips-scope.ts';

/** The trips list (外出招商报备台账) as the bureau keeps it in Excel, one row per trip. */
export function streamTripsWorkbook(rows: AsyncIterable<TripView>): PassThrough {
  return streamWorkbook('外出招商报备', TRIP_COLUMNS, rows, (trip) => ({
    id: trip.id,
    platform: platformLabel(trip.platformKey),
    travellers: trip.travellers.map((t) => (t.mainLeader ? `${t.name}（主要负责人）` : t.name)).join('、'),
    startOn: excelDay(trip.startOn),
    endOn: excelDay(trip.endOn),
    destination: `${trip.province} ${trip.city}`,
    met: trip.met.map((m) => (m.creditCode ? `${m.name}（${m.creditCode}）` : m.name)).join('；'),
    outcome: trip.outcome,
    projects: trip.projects.map((p) => `#${p.id} ${p.name}`).join('；'),
    dueOn: excelDay(trip.dueOn),
    reportedAt: excelTime(trip.reportedAt),
    late: trip.late ? '逾期报备' : '及时',
    attachments: trip.attachments.length,
  }));
}

const TRIP_COLUMNS: SheetColumn[] = [
  { header: '编号', key: 'id', kind: 'integer' },
  { header: '平台', key: 'platform' },
  { header: '外出人员', key: 'travellers', width: 24 },
  { header: '出发日期', key: 'startOn', kind: 'day' },
  { header: '返回日期', key: 'endOn', kind: 'day' },
  { header: '目的地', key: 'destination' },
  { header: '会见企业', key: 'met', width: 30 },
  { header: '成效', key: 'outcome', width: 40 },
  { header: '关联项目', key: 'projects', width: 24 },
  { header: '报备期限', key: 'dueOn', kind: 'day' },
  { header: '报备时间（北京时间）', key: 'reportedAt', kind: 'time' },
  { header: '是否及时', key: 'late' },
  { header: '附件数', key: 'attachments', kind: 'integer' },
];

/** A platform's roster (名册). */
export function streamRosterWorkbook(rows: AsyncIterable<StaffView>): PassThrough {
  return streamWorkbook('招商人员名册', ROSTER_COLUMNS, rows, (person) => ({
    ...person,
    platform: platformLabel(person.platformKey),
    mainLeader: person.mainLeader ? '是' : '否',
    takesPart: person.takesPartInInvestment ? '是' : '否',
    untilMonth: person.untilMonth ?? '在岗',
  }));
}

const ROSTER_COLUMNS: SheetColumn[] = [
  { header: '编号', key: 'id', kind: 'integer' },
  { header: '平台', key: 'platform' },
  { header: '姓名', key: 'name' },
  { header: '职务', key: 'position', width: 16 },
  { header: '主要负责人', key: 'mainLeader' },
  { header: '参与招商和项目服务', key: 'takesPart' },
  { header: '加入月份', key: 'fromMonth' },
  { header: '离开月份', key: 'untilMonth' },
];

/** The compliance board: one row per platform, month and main leader, plus the staff share of the month. */
export function streamComplianceWorkbook(rows: AsyncIterable<MonthComplianceView>): PassThrough {
  async function* lines() {
    for await (const month of rows) {
      const common = {
        platform: platformLabel(month.platformKey),
        month: month.month,
        staffShare: month.staffShare ?? '缺数',
        staffOk: month.staffOk === null ? '缺数' : month.staffOk ? '达标' : '未达标',
        missing: month.missing.map((m) => MISSING_FIGURE_LABELS[m]).join('；'),
      };
      if (month.leaders.length === 0) yield { ...common, leader: '（无主要负责人）' };
      for (const leader of month.leaders)
        yield {
          ...common,
          leader: leader.name,
          trips: leader.trips,
          tripsOk: leader.tripsOk ? '达标' : '未达标',
          timeShare: leader.timeShare ?? '缺数',
          timeOk: leader.timeOk === null ? '缺数' : leader.timeOk ? '达标' : '未达标',
        };
    }
  }
  return streamWorkbook('招商力量达标', COMPLIANCE_COLUMNS, lines(), (row) => row);
}

const COMPLIANCE_COLUMNS: SheetColumn[] = [
  { header: '平台', key: 'platform' },
  { header: '月份', key: 'month' },
  { header: '主要负责人', key: 'leader' },
  { header: '外出招商次数（按出发日期）', key: 'trips', kind: 'integer' },
  { header: '每月不少于1次', key: 'tripsOk' },
  { header: '招商天数/工作日数', key: 'timeShare' },
  { header: '时间1/3以上', key: 'timeOk' },
  { header: '参与招商人数/总人数', key: 'staffShare' },
  { header: '人员1/3以上', key: 'staffOk' },
  { header: '缺数说明', key: 'missing', width: 30 },
];
