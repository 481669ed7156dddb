import type { CalendarDefinition, CalendarInput, CalendarView, WorkingTimeView } from '@mes/shared';
import { http, type HttpClient } from '@mes/web-core';
import { createOptions, oneOf } from './request-options';

export type { CalendarDefinition, CalendarInput, CalendarView, WorkingTimeView };

const BASE = '/master-data/calendars';

/** Typed client of `/api/v1/master-data/calendars` (工作日历). */
export function createCalendarApi(client: HttpClient = http) {
  const one = oneOf(BASE);
  return {
    /** Every calendar (a tenant has a handful): not paged. */
    list: () => client.get<{ items: CalendarView[] }>(BASE),
    get: (id: string) => client.get<CalendarView>(one(id)),
    /** 400 with details on `definition.<path>` (e.g. `definition.weekly.mon[1].end`) for a bad definition. */
    create: (input: CalendarInput, idempotencyKey?: string) =>
      client.post<CalendarView>(BASE, input, createOptions(idempotencyKey)),
    update: (id: string, patch: Partial<CalendarInput>) =>
      client.patch<CalendarView>(one(id), patch, { silent: true }),
    /** 409 `IN_USE` while a work center uses it. */
    remove: (id: string) => client.delete(one(id), { silent: true }),
    /** Working minutes and windows in [from, to) (ISO instants, at most 400 days apart). */
    workingTime: (id: string, from: Date | string, to: Date | string) =>
      client.get<WorkingTimeView>(
        `${one(id)}/working-time`,
        {
          from: typeof from === 'string' ? from : from.toISOString(),
          to: typeof to === 'string' ? to : to.toISOString(),
        },
        { silent: true },
      ),
  };
}

export type CalendarApi = ReturnType<typeof createCalendarApi>;
export const calendarApi: CalendarApi = createCalendarApi();
