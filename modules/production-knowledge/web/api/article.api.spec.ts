import { describe, expect, it } from 'vitest';
import { createHttpClient, createMemoryTokenStore } from '@mes/web-core';
import { createFakeFetch, jsonResponse } from '@mes/web-core/testing';
import { createArticleApi } from './article.api';

describe('article api', () => {
  const session = {
    accessToken: 'a',
    refreshToken: 'r',
    user: { id: 'u', email: 'admin@demo.test', name: 'A' },
    tenant: { id: 't', slug: 'demo', name: '演示工厂' },
    tenants: [],
  };

  it('sends the Idempotency-Key given for a create, and none when not given', async () => {
    const fake = createFakeFetch(() => jsonResponse(201, { id: '1' }));
    const api = createArticleApi(
      createHttpClient({ tokens: createMemoryTokenStore(session), fetch: fake.fetch }),
    );
    await api.create({ title: 'x', category: 'y', content: '' }, 'key-1');
    await api.create({ title: 'x', category: 'y', content: '' });
    expect(fake.calls.map((c) => [c.method, c.url, c.headers['idempotency-key']])).toEqual([
      ['POST', '/api/v1/production-knowledge/articles', 'key-1'],
      ['POST', '/api/v1/production-knowledge/articles', undefined],
    ]);
  });
});
