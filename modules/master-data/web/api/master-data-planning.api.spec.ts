import { describe, expect, it } from 'vitest';
import { fakeClient } from '../testing/fake-client';
import { createCalendarApi } from './calendar.api';
import { createRoutingApi } from './routing.api';
import { createWorkCenterApi } from './work-center.api';

describe('calendar api', () => {
  it('lists, creates with a key, patches, deletes and asks the working time as ISO instants', async () => {
    const { client, calls, sent } = fakeClient(() => ({ id: 'c1', items: [] }));
    const api = createCalendarApi(client);
    const definition = { timeZone: 'Asia/Shanghai', weekly: { mon: [{ start: '08:00', end: '12:00' }] } };
    await api.list();
    await api.get('c 1');
    await api.create({ code: 'TWO-SHIFT', name: '两班制', definition }, 'key-1');
    await api.update('c1', { name: '两班' });
    await api.remove('c1');
    await api.workingTime('c1', new Date('2026-11-23T00:00:00+08:00'), '2026-12-07T00:00:00+08:00');
    expect(sent()).toEqual([
      'GET /api/v1/master-data/calendars',
      'GET /api/v1/master-data/calendars/c%201',
      'POST /api/v1/master-data/calendars',
      'PATCH /api/v1/master-data/calendars/c1',
      'DELETE /api/v1/master-data/calendars/c1',
      'GET /api/v1/master-data/calendars/c1/working-time?from=2026-11-22T16%3A00%3A00.000Z&to=2026-12-07T00%3A00%3A00%2B08%3A00',
    ]);
    expect(calls[2]?.headers['idempotency-key']).toBe('key-1');
    expect(calls[2]?.body).toEqual({ code: 'TWO-SHIFT', name: '两班制', definition });
    expect(calls[3]?.body).toEqual({ name: '两班' });
  });
});

describe('work-center api', () => {
  it('sends the work center as typed, efficiency as a decimal string', async () => {
    const { client, calls, sent } = fakeClient(() => ({ id: 'w1' }));
    const api = createWorkCenterApi(client);
    const input = {
      code: 'CNC-01',
      name: '数控车床1号',
      kind: 'machine' as const,
      parallelCapacity: 2,
      efficiency: '0.85',
      calendarCode: null,
      status: 'active' as const,
    };
    await api.list();
    await api.create(input, 'key-2');
    await api.update('w1', { calendarCode: 'TWO-SHIFT' });
    await api.remove('w1');
    expect(sent()).toEqual([
      'GET /api/v1/master-data/work-centers',
      'POST /api/v1/master-data/work-centers',
      'PATCH /api/v1/master-data/work-centers/w1',
      'DELETE /api/v1/master-data/work-centers/w1',
    ]);
    expect(calls[1]?.body).toEqual(input);
    expect(calls[1]?.headers['idempotency-key']).toBe('key-2');
    expect(calls[2]?.body).toEqual({ calendarCode: 'TWO-SHIFT' });
  });
});

describe('routing api', () => {
  it('lists by item, creates, replaces the operations with PUT, sets the default, deletes', async () => {
    const { client, calls, sent } = fakeClient(() => ({ id: 'r2' }));
    const api = createRoutingApi(client);
    const operations = [
      { seq: 10, name: '下料', workCenterCode: 'SAW', runMinutes: '1.5', alternatives: [] },
      {
        seq: 20,
        name: '车削',
        workCenterCode: 'CNC-01',
        setupMinutes: '30',
        runMinutes: '2',
        alternatives: [{ workCenterCode: 'CNC-02', runMinutes: '2.5' }],
      },
    ];
    await api.list({ page: 2, pageSize: 20, itemCode: ' SHAFT-X ' });
    await api.list({ itemCode: '' });
    await api.create({ itemCode: 'SHAFT-X', isDefault: true, operations }, 'key-3');
    await api.replace('r1', { version: 'V2', operations });
    await api.setDefault('r1');
    await api.remove('r1');
    expect(sent()).toEqual([
      'GET /api/v1/master-data/routings?page=2&pageSize=20&itemCode=SHAFT-X',
      'GET /api/v1/master-data/routings',
      'POST /api/v1/master-data/routings',
      'PUT /api/v1/master-data/routings/r1',
      'POST /api/v1/master-data/routings/r1/default',
      'DELETE /api/v1/master-data/routings/r1',
    ]);
    expect(calls[2]?.body).toEqual({ itemCode: 'SHAFT-X', isDefault: true, operations });
    expect(calls[2]?.headers['idempotency-key']).toBe('key-3');
    expect(calls[3]?.body).toEqual({ version: 'V2', operations });
    expect(calls[4]?.body).toBeUndefined();
  });
});
