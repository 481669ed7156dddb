import { describe, expect, it } from 'vitest';
import { createHttpClient, createMemoryTokenStore } from '@mes/web-core';
import { createFakeFetch, jsonResponse } from '@mes/web-core/testing';
import { createSchedulingApi } from './scheduling.api';

const session = {
  accessToken: 'a',
  refreshToken: 'r',
  user: { id: 'u', email: 'admin@demo.test', name: 'A' },
  tenant: { id: 't', slug: 'demo', name: '演示工厂' },
  tenants: [],
};

const clientWith = (fetchImpl: typeof fetch) =>
  createHttpClient({ tokens: createMemoryTokenStore(session), fetch: fetchImpl });

describe('scheduling api client', () => {
  it('calls the run, version, Gantt, move, lock, publish, what-if, dispatch and changeover endpoints', async () => {
    const fake = createFakeFetch(() => jsonResponse(200, { items: [], total: 0, version: null }));
    const api = createSchedulingApi(clientWith(fake.fetch));
    await api.submitRun({ strategy: 'backward', rule: 'EDD', timeLimitSeconds: 2 });
    await api.runs({ page: 2, pageSize: 20 });
    await api.run('r1');
    await api.cancelRun('r1');
    await api.job('j1');
    await api.versions({ page: 1, pageSize: 20 });
    expect(await api.currentVersion()).toBeNull();
    await api.compare(['v1', 'v2']);
    await api.gantt('v1');
    await api.move('v1', 'o 1', { start: '2026-11-23T08:00:00.000Z', resourceCode: 'CNC#2' });
    await api.lock('v1', 'o1', true);
    await api.publish('v1');
    await api.whatIf('v1', { itemCode: 'FG-1', qty: '5', dueDate: '2026-11-30' });
    await api.dispatchList(' CNC/1 ');
    await api.changeovers();
    await api.saveChangeovers({ families: [{ itemCode: 'FG-1', family: 'A' }], changeovers: [] });
    await api.workCenters();
    await api.searchItems(' FG ');
    expect(fake.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/v1/scheduling/runs',
      'GET /api/v1/scheduling/runs?page=2&pageSize=20',
      'GET /api/v1/scheduling/runs/r1',
      'POST /api/v1/scheduling/runs/r1/cancel',
      'GET /api/v1/jobs/j1',
      'GET /api/v1/scheduling/versions?page=1&pageSize=20',
      'GET /api/v1/scheduling/versions/current',
      'GET /api/v1/scheduling/versions/compare?ids=v1%2Cv2',
      'GET /api/v1/scheduling/versions/v1/gantt',
      'POST /api/v1/scheduling/versions/v1/operations/o%201/move',
      'POST /api/v1/scheduling/versions/v1/operations/o1/lock',
      'POST /api/v1/scheduling/versions/v1/publish',
      'POST /api/v1/scheduling/versions/v1/what-if',
      'GET /api/v1/scheduling/dispatch-lists/CNC%2F1',
      'GET /api/v1/scheduling/changeovers',
      'PUT /api/v1/scheduling/changeovers',
      'GET /api/v1/master-data/work-centers',
      'GET /api/v1/master-data/items?q=FG&pageSize=20&status=active',
    ]);
    expect(fake.calls[0]?.body).toEqual({ strategy: 'backward', rule: 'EDD', timeLimitSeconds: 2 });
    expect(fake.calls[9]?.body).toEqual({ start: '2026-11-23T08:00:00.000Z', resourceCode: 'CNC#2' });
    expect(fake.calls[10]?.body).toEqual({ locked: true });
  });

  it('puts the token in the job stream URL', async () => {
    const api = createSchedulingApi(clientWith(createFakeFetch(() => jsonResponse(200, {})).fetch));
    const url = await api.jobEventsUrl('j 1');
    expect(url).toContain('/api/v1/jobs/j%201/events');
    expect(url).toContain('access_token=a');
  });
});
