import type { LoginResponse } from '@mes/shared';
import { ApiError, ClientErrorCode, toApiError } from './api-error';
import { jwtExpiry, type TokenStore } from './token-store';

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue | readonly (string | number)[]>;
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Send the bearer token (default true). */
  auth?: boolean;
  /** On a 401, refresh the tokens once and retry (default: same as `auth`). */
  refreshOn401?: boolean;
  /** Do not tell the `onError` listeners about a failure of this call. */
  silent?: boolean;
}

export interface HttpClient {
  readonly baseUrl: string;
  request<T>(method: HttpMethod, path: string, options?: RequestOptions): Promise<T>;
  get<T>(path: string, query?: Query, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  put<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  patch<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  delete<T = void>(path: string, options?: RequestOptions): Promise<T>;
  /**
   * Exchange the refresh token for a new pair. Concurrent callers share one request (the refresh
   * token rotates: a second request with the same token would fail). Resolves false when the
   * session is over (tokens cleared, `onSessionExpired` listeners told).
   */
  refresh(): Promise<boolean>;
  /** The access token, refreshed first when it expires within `minValiditySeconds`. */
  freshAccessToken(minValiditySeconds?: number): Promise<string | null>;
  /** Full URL for an EventSource, which cannot send headers: the token goes in `access_token`. */
  eventSourceUrl(path: string, query?: Query): Promise<string>;
  onSessionExpired(listener: () => void): () => void;
  onTokensRefreshed(listener: (response: LoginResponse) => void): () => void;
  onError(listener: (error: ApiError) => void): () => void;
}

export interface HttpClientOptions {
  tokens: TokenStore;
  baseUrl?: string;
  fetch?: typeof fetch;
}

export function buildQuery(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      for (const v of value as readonly (string | number)[]) params.append(key, String(v));
    } else {
      params.append(key, String(value));
    }
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function isLoginResponse(value: unknown): value is LoginResponse {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['accessToken'] === 'string' && typeof v['refreshToken'] === 'string';
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const baseUrl = (options.baseUrl ?? '/api/v1').replace(/\/$/, '');
  const tokens = options.tokens;
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const expiredListeners = new Set<() => void>();
  const refreshedListeners = new Set<(r: LoginResponse) => void>();
  const errorListeners = new Set<(e: ApiError) => void>();
  let inflight: Promise<boolean> | null = null;

  const url = (path: string, query?: Query) =>
    `${baseUrl}${path.startsWith('/') ? path : `/${path}`}${buildQuery(query)}`;

  function expire() {
    tokens.clear();
    for (const l of expiredListeners) l();
  }

  async function doRefresh(): Promise<boolean> {
    const current = tokens.get();
    if (!current) return false;
    let res: Response;
    try {
      res = await doFetch(url('/auth/refresh'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ refreshToken: current.refreshToken }),
      });
    } catch (e) {
      throw new ApiError(0, ClientErrorCode.NETWORK_ERROR, e instanceof Error ? e.message : String(e));
    }
    const body = await readBody(res);
    if (res.ok && isLoginResponse(body)) {
      tokens.set({ accessToken: body.accessToken, refreshToken: body.refreshToken });
      for (const l of refreshedListeners) l(body);
      return true;
    }
    if (res.status >= 400 && res.status < 500) {
      // Another tab may have rotated the pair meanwhile: its tokens are as good as ours would be.
      const now = tokens.get();
      if (now && now.refreshToken !== current.refreshToken) return true;
      expire();
      return false;
    }
    throw toApiError(res.status, res.statusText, body);
  }

  function refresh(): Promise<boolean> {
    inflight ??= doRefresh().finally(() => {
      inflight = null;
    });
    return inflight;
  }

  function fail(error: ApiError, silent: boolean | undefined): never {
    if (!silent) for (const l of errorListeners) l(error);
    throw error;
  }

  async function send(method: HttpMethod, path: string, o: RequestOptions, token: string | null) {
    const headers: Record<string, string> = { Accept: 'application/json', ...o.headers };
    if (o.body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers['Authorization'] = `Bearer ${token}`;
    const init: RequestInit = { method, headers };
    if (o.body !== undefined) init.body = JSON.stringify(o.body);
    if (o.signal) init.signal = o.signal;
    try {
      return await doFetch(url(path, o.query), init);
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      return fail(
        new ApiError(0, ClientErrorCode.NETWORK_ERROR, e instanceof Error ? e.message : String(e)),
        o.silent,
      );
    }
  }

  async function request<T>(method: HttpMethod, path: string, o: RequestOptions = {}): Promise<T> {
    const auth = o.auth ?? true;
    const refreshOn401 = o.refreshOn401 ?? auth;
    let token = auth ? (tokens.get()?.accessToken ?? null) : null;
    // A refresh under way will replace the token: wait for it rather than send a stale one.
    if (auth && inflight) {
      await inflight.catch(() => false);
      token = tokens.get()?.accessToken ?? null;
    }
    let res = await send(method, path, o, token);
    if (res.status === 401 && refreshOn401 && tokens.get()) {
      const now = tokens.get()?.accessToken ?? null;
      let ok = now !== null && now !== token; // someone refreshed while we were waiting
      if (!ok) {
        try {
          ok = await refresh();
        } catch (e) {
          return fail(e instanceof ApiError ? e : toApiError(0, String(e), undefined), o.silent);
        }
      }
      if (ok) res = await send(method, path, o, tokens.get()?.accessToken ?? null);
    }
    const body = await readBody(res);
    if (!res.ok) return fail(toApiError(res.status, res.statusText, body), o.silent);
    if (res.status !== 204 && body !== undefined && typeof body === 'string') {
      return fail(new ApiError(res.status, ClientErrorCode.BAD_RESPONSE, 'Response is not JSON'), o.silent);
    }
    return body as T;
  }

  async function freshAccessToken(minValiditySeconds = 30): Promise<string | null> {
    const current = tokens.get();
    if (!current) return null;
    const exp = jwtExpiry(current.accessToken);
    if (exp !== null && exp - Date.now() / 1000 < minValiditySeconds) {
      if (!(await refresh())) return null;
    }
    return tokens.get()?.accessToken ?? null;
  }

  const listen =
    <L>(set: Set<L>) =>
    (listener: L) => {
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    };

  return {
    baseUrl,
    request,
    get: (path, query, opts) => request('GET', path, { ...opts, ...(query ? { query } : {}) }),
    post: (path, body, opts) => request('POST', path, { ...opts, body }),
    put: (path, body, opts) => request('PUT', path, { ...opts, body }),
    patch: (path, body, opts) => request('PATCH', path, { ...opts, body }),
    delete: (path, opts) => request('DELETE', path, opts),
    refresh,
    freshAccessToken,
    async eventSourceUrl(path, query) {
      const token = await freshAccessToken();
      return url(path, { ...query, access_token: token });
    },
    onSessionExpired: listen(expiredListeners),
    onTokensRefreshed: listen(refreshedListeners),
    onError: listen(errorListeners),
  };
}
