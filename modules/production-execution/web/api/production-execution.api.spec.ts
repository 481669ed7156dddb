import { describe, expect, it } from 'vitest';
import { createHttpClient, createMemoryTokenStore } from '@mes/web-core';
import { createFakeFetch, jsonResponse } from '@mes/web-core/testing';
import { createProductionExecutionApi } from './production-execution.api';

const session = {
  accessToken: 'a',
  refreshToken: 'r',
  user: { id: 'u', email: 'admin@demo.test', name: 'A' },
  tenant: { id: 't', slug: 'demo', name: '演示工厂' },
  tenants: [],
};

describe('production-execution api', () => {
  it('sends a report with its Idempotency-Key and reads the output of a day', async () => {
    const fake = createFakeFetch((call) =>
      call.url.includes('/output')
        ? jsonResponse(200, { date: '2026-11-21', timeZone: 'Asia/Shanghai', rows: [] })
        : jsonResponse(201, { id: 'r1' }),
    );
    const client = createHttpClient({ tokens: createMemoryTokenStore(session), fetch: fake.fetch });
    const api = createProductionExecutionApi(client);
    await api.report('wo-1', { operationSeq: 10, goodQty: '5' }, 'key-1');
    await api.output('2026-11-21');
    await api.list({ status: '', q: ' GD ', itemCode: '' });
    const [report, output, list] = fake.calls;
    expect(report!.method).toBe('POST');
    expect(report!.url).toContain('/production-execution/work-orders/wo-1/reports');
    expect(report!.headers['idempotency-key']).toBe('key-1');
    expect(output!.url).toContain('/production-execution/output?date=2026-11-21');
    expect(list!.url).toMatch(/\/production-execution\/work-orders\?q=GD$/);
  });
});
