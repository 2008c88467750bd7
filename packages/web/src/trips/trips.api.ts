import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  calendarInputSchema,
  calendarSchema,
  calendarYearsSchema,
  metTargetInputSchema,
  MonthComplianceView,
  periodComplianceSchema,
  staffInputSchema,
  StaffView,
  staffUpdateSchema,
  timeDeclarationInputSchema,
  timeDeclarationSchema,
  timeSheetSchema,
  tripSettingsInputSchema,
  tripInputSchema,
  TripView,
  tripUpdateSchema,
  tripWithdrawSchema,
} from '@pgs/domain';
import { api, download, upload } from '../api/client.ts';
import type { In, Page } from '../api/contract.ts';

type Out<S extends { _output: unknown }> = S['_output'];
export type TimeSheet = Out<typeof timeSheetSchema>;
export type TimeDeclaration = Out<typeof timeDeclarationSchema>;
export type PeriodCompliance = Out<typeof periodComplianceSchema>;
export type HolidayCalendar = Out<typeof calendarSchema>;
export type CalendarYears = Out<typeof calendarYearsSchema>;
export type { MonthComplianceView, StaffView, TripView };

export type TripFilters = { platformKey?: string; month?: string; late?: 'true' | 'false' };

export const tripKeys = {
  all: ['trips'] as const,
  staff: (platformKey: string) => ['trips', 'staff', platformKey] as const,
  time: (platformKey: string, month: string) => ['trips', 'time', platformKey, month] as const,
  list: (filters: TripFilters, page: number, pageSize: number) => ['trips', 'list', filters, page, pageSize] as const,
  compliance: (platformKey: string, month: string) => ['trips', 'compliance', platformKey, month] as const,
  period: (period: string) => ['trips', 'period', period] as const,
  settings: ['trips', 'settings'] as const,
  calendars: ['calendar'] as const,
  calendar: (year: number) => ['calendar', year] as const,
};

export function useStaff(platformKey: string | undefined) {
  return useQuery({
    queryKey: tripKeys.staff(platformKey ?? ''),
    queryFn: () => api<Page<StaffView>>(`/platforms/${platformKey}/staff`, { query: { pageSize: 500 } }),
    enabled: Boolean(platformKey),
  });
}

export const addStaff = (platformKey: string, body: In<typeof staffInputSchema>) =>
  api<StaffView>(`/platforms/${platformKey}/staff`, { method: 'POST', body });
export const updateStaff = (id: number, body: In<typeof staffUpdateSchema>) =>
  api<StaffView>(`/staff/${id}`, { method: 'PUT', body });
export const exportRoster = (platformKey: string) =>
  download(`/platforms/${platformKey}/staff/export.xlsx`, { fallbackName: '招商人员名册.xlsx' });

export function useTimeSheet(platformKey: string | undefined, month: string) {
  return useQuery({
    queryKey: tripKeys.time(platformKey ?? '', month),
    queryFn: () => api<TimeSheet>(`/platforms/${platformKey}/time`, { query: { month } }),
    enabled: Boolean(platformKey),
  });
}

export const declareTime = (staffId: number, month: string, body: In<typeof timeDeclarationInputSchema>) =>
  api<TimeDeclaration>(`/staff/${staffId}/time/${month}`, { method: 'PUT', body });

export function useTrips(filters: TripFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: tripKeys.list(filters, page, pageSize),
    queryFn: () => api<Page<TripView>>('/trips', { query: { ...filters, page, pageSize } }),
    placeholderData: keepPreviousData,
  });
}

export const reportTrip = (body: In<typeof tripInputSchema>) => api<TripView>('/trips', { method: 'POST', body });
export const updateTrip = (id: number, body: In<typeof tripUpdateSchema>) =>
  api<TripView>(`/trips/${id}`, { method: 'PUT', body });
export const withdrawTrip = (id: number, body: In<typeof tripWithdrawSchema>) =>
  api<TripView>(`/trips/${id}/withdraw`, { method: 'POST', body });
export const metEnterpriseToTarget = (tripId: number, seq: number, body: In<typeof metTargetInputSchema>) =>
  api<TripView>(`/trips/${tripId}/met/${seq}/target`, { method: 'POST', body });
export function useTrip(id: number | undefined) {
  return useQuery({
    queryKey: ['trips', 'one', id],
    queryFn: () => api<TripView>(`/trips/${id}`),
    enabled: Boolean(id),
  });
}
export const exportTrips = (filters: TripFilters) =>
  download('/trips/export.xlsx', { query: filters, fallbackName: '外出招商报备.xlsx' });
export const uploadAttachment = (trip: Pick<TripView, 'id' | 'version'>, file: File) =>
  upload<TripView>(`/trips/${trip.id}/attachments?version=${trip.version}`, file);
export const attachmentUrl = (tripId: number, attachmentId: number) =>
  `/api/v1/trips/${tripId}/attachments/${attachmentId}`;

export function useTripSettings() {
  return useQuery({
    queryKey: tripKeys.settings,
    queryFn: () => api<{ reportWithinDays: number; version: number }>('/trip-settings'),
  });
}
export const saveTripSettings = (body: In<typeof tripSettingsInputSchema>) =>
  api<{ reportWithinDays: number; version: number }>('/trip-settings', { method: 'PUT', body });

export function useMonthCompliance(platformKey: string | undefined, month: string) {
  return useQuery({
    queryKey: tripKeys.compliance(platformKey ?? '', month),
    queryFn: () => api<MonthComplianceView>(`/platforms/${platformKey}/staffing-compliance`, { query: { month } }),
    enabled: Boolean(platformKey),
  });
}

export function usePeriodCompliance(period: string) {
  return useQuery({
    queryKey: tripKeys.period(period),
    queryFn: () => api<PeriodCompliance>('/staffing-compliance', { query: { period } }),
    placeholderData: keepPreviousData,
  });
}
export const exportCompliance = (period: string) =>
  download('/staffing-compliance/export.xlsx', { query: { period }, fallbackName: '招商力量达标.xlsx' });

export function useCalendarYears() {
  return useQuery({ queryKey: tripKeys.calendars, queryFn: () => api<CalendarYears>('/calendar') });
}
export function useCalendar(year: number) {
  return useQuery({
    queryKey: tripKeys.calendar(year),
    queryFn: () => api<HolidayCalendar>(`/calendar/${year}`),
    retry: false,
    meta: { silent: true },
  });
}
export const saveCalendar = (year: number, body: In<typeof calendarInputSchema>) =>
  api<HolidayCalendar>(`/calendar/${year}`, { method: 'PUT', body });
