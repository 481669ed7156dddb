// For specs only: an http client and the raw fetch the file transfers use, over one scripted fetch
// that records every call with its body as sent (a FormData stays a FormData).
import { createHttpClient, createMemoryTokenStore } from '@mes/web-core';

export interface RawCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

export function fakeFiles(
  answer: (call: RawCall, n: number) => Response | Promise<Response>,
  tokens = { accessToken: 'access-1', refreshToken: 'refresh-1' },
) {
  const calls: RawCall[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries((init?.headers ?? {}) as Record<string, string>))
      headers[k.toLowerCase()] = v;
    const body =
      typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : (init?.body ?? undefined);
    const call = { url, method: init?.method ?? 'GET', headers, body };
    calls.push(call);
    return answer(call, calls.length - 1);
  };
  const store = createMemoryTokenStore(tokens);
  const client = createHttpClient({ tokens: store, fetch: fetchImpl });
  return { client, fetch: fetchImpl, calls, tokens: store };
}

export function fileResponse(body: string, type: string, filename?: string): Response {
  const headers: Record<string, string> = { 'Content-Type': type };
  if (filename)
    headers['Content-Disposition'] =
      `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
  return new Response(body, { status: 200, headers });
}
