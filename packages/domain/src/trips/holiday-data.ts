import type { YearCalendar } from './holiday-calendar.ts';

/**
 * The official holiday arrangements as published by 国务院办公厅, entered as data (R2.8's working days). The admin or
 * the bureau enters next year's when the notice comes out (usually in November); these two are seeded.
 */
export const HOLIDAY_CALENDARS_SEED: readonly YearCalendar[] = [
  {
    year: 2025,
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）',
    festivals: [
      { name: '元旦', offFrom: '2025-01-01', offTo: '2025-01-01', makeUpDays: [] },
      { name: '春节', offFrom: '2025-01-28', offTo: '2025-02-04', makeUpDays: ['2025-01-26', '2025-02-08'] },
      { name: '清明节', offFrom: '2025-04-04', offTo: '2025-04-06', makeUpDays: [] },
      { name: '劳动节', offFrom: '2025-05-01', offTo: '2025-05-05', makeUpDays: ['2025-04-27'] },
      { name: '端午节', offFrom: '2025-05-31', offTo: '2025-06-02', makeUpDays: [] },
      { name: '国庆节、中秋节', offFrom: '2025-10-01', offTo: '2025-10-08', makeUpDays: ['2025-09-28', '2025-10-11'] },
    ],
  },
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日，新华社发布）',
    festivals: [
      { name: '元旦', offFrom: '2026-01-01', offTo: '2026-01-03', makeUpDays: ['2026-01-04'] },
      { name: '春节', offFrom: '2026-02-15', offTo: '2026-02-23', makeUpDays: ['2026-02-14', '2026-02-28'] },
      { name: '清明节', offFrom: '2026-04-04', offTo: '2026-04-06', makeUpDays: [] },
      { name: '劳动节', offFrom: '2026-05-01', offTo: '2026-05-05', makeUpDays: ['2026-05-09'] },
      { name: '端午节', offFrom: '2026-06-19', offTo: '2026-06-21', makeUpDays: [] },
      { name: '中秋节', offFrom: '2026-09-25', offTo: '2026-09-27', makeUpDays: [] },
      { name: '国庆节', offFrom: '2026-10-01', offTo: '2026-10-07', makeUpDays: ['2026-09-20', '2026-10-10'] },
    ],
  },
];
