import { isWorkingDay, type WorkingDayCalendar } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { loadCalendarBook } from './calendar.service.ts';

/**
 * The national holiday calendar (法定节假日 and 调休 working Saturdays, as entered by the admin or the bureau) as the
 * `WorkingDayCalendar` other modules count periods with — the public notice's 5 working days (R3.2 公示) first.
 * Read from the database when asked, so a corrected year counts from the next notice on. A day in a year not
 * entered yet is refused with a Chinese message (422) rather than guessed from the weekdays.
 */
export async function nationalWorkingDayCalendar(db: Db): Promise<WorkingDayCalendar> {
  const book = await loadCalendarBook(db);
  return {
    isWorkingDay(day) {
      const working = isWorkingDay(day, book);
      if (working === undefined)
        throw new AppError(
          422,
          'NO_HOLIDAY_CALENDAR',
          `${day.slice(0, 4)} 年的法定节假日安排尚未录入，无法按工作日计算期限，请先在“法定节假日与工作日”中录入该年度`,
        );
      return working;
    },
  };
}
