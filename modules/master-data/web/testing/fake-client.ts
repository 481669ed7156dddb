// For specs only: an http client over a scripted fetch that records the calls.
import { createHttpClient, createMemoryTokenStore } from '@mes/web-core';
import { createFakeFetch, jsonResponse, type FakeCall } from '@mes/web-core/testing';

export function fakeClient(answer: (call: FakeCall) => unknown = () => ({ items: [], total: 0 })) {
  const fake = createFakeFetch((call) =>
    call.method === 'DELETE' ? new Response(null, { status: 204 }) : jsonResponse(200, answer(call)),
  );
  const client = createHttpClient({ tokens: createMemoryTokenStore(), fetch: fake.fetch });
  const sent = () => fake.calls.map((c) => `${c.method} ${c.url}`);
  return { client, calls: fake.calls, sent };
}
