/**
 * A small fetch client of the tablet (no Element Plus, no shell): the session's tokens in localStorage
 * under the same key as the web shell (`mes.session`, so opening 车间报工 from the shell needs no second
 * sign-in), bearer auth, one refresh on 401.
 */
import type { LoginResponse } from '@mes/shared';
import type { OutboxEntry, SendOutcome } from './outbox';

const BASE = '/api/v1';
const SESSION_KEY = 'mes.session';

interface Tokens {
  accessToken: string;
  refreshToken: string;
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { field: string; message: string; [key: string]: unknown }[] = [],
  ) {
    super(message);
  }
}

export function tokens(): Tokens | null {
  try {
    const raw = localStorage.getItem(SESSION_KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<Tokens>) : null;
    return parsed?.accessToken && parsed.refreshToken
      ? { accessToken: parsed.accessToken, refreshToken: parsed.refreshToken }
      : null;
  } catch {
    return null;
  }
}

function setTokens(t: Tokens | null): void {
  if (t) localStorage.setItem(SESSION_KEY, JSON.stringify(t));
  else localStorage.removeItem(SESSION_KEY);
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

function failure(status: number, body: unknown): ApiFailure {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const details = Array.isArray(b['details']) ? (b['details'] as ApiFailure['details']) : [];
  return new ApiFailure(
    status,
    typeof b['code'] === 'string' ? b['code'] : `HTTP_${status}`,
    typeof b['message'] === 'string' ? b['message'] : `HTTP ${status}`,
    details,
  );
}

let refreshing: Promise<boolean> | null = null;

/** Exchanges the refresh token (shared by concurrent callers); false when the session is over. */
function refresh(): Promise<boolean> {
  refreshing ??= (async () => {
    const current = tokens();
    if (!current) return false;
    const res = await fetch(`${BASE}/auth/refresh`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken: current.refreshToken }),
    });
    const body = (await readBody(res)) as Partial<LoginResponse> | undefined;
    if (res.ok && body?.accessToken && body.refreshToken) {
      setTokens({ accessToken: body.accessToken, refreshToken: body.refreshToken });
      return true;
    }
    if (res.status >= 400 && res.status < 500) {
      // Another tab may have rotated the pair meanwhile.
      if (tokens()?.refreshToken !== current.refreshToken) return true;
      setTokens(null);
      return false;
    }
    throw failure(res.status, body);
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** The raw response of a call with the session's token, refreshed once on a 401 UNAUTHENTICATED. Throws when offline. */
async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const send = () => {
    const h: Record<string, string> = { Accept: 'application/json', ...headers };
    const token = tokens()?.accessToken;
    if (token) h['Authorization'] = `Bearer ${token}`;
    if (body !== undefined) h['Content-Type'] = 'application/json';
    return fetch(`${BASE}${path}`, {
      method,
      headers: h,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  };
  let res = await send();
  if (res.status === 401 && tokens()) {
    const answer = (await readBody(res.clone())) as { code?: string } | undefined;
    // A wrong PIN is a 401 too, but about the operator, not the session.
    if (answer?.code !== 'INVALID_PIN' && (await refresh())) res = await send();
  }
  return res;
}

export async function api<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await call(method, path, body);
  } catch (e) {
    throw new ApiFailure(0, 'NETWORK_ERROR', e instanceof Error ? e.message : String(e));
  }
  const answer = await readBody(res);
  if (!res.ok) throw failure(res.status, answer);
  return answer as T;
}

export async function login(email: string, password: string): Promise<LoginResponse> {
  const res = await fetch(`${BASE}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = await readBody(res);
  if (!res.ok) throw failure(res.status, body);
  const r = body as LoginResponse;
  setTokens({ accessToken: r.accessToken, refreshToken: r.refreshToken });
  return r;
}

export function logout(): void {
  const current = tokens();
  setTokens(null);
  if (current)
    void fetch(`${BASE}/auth/logout`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken: current.refreshToken }),
    }).catch(() => undefined);
}

/** Sends one outbox entry with its Idempotency-Key (the outbox's `Sender`). */
export async function sendEntry(entry: OutboxEntry): Promise<SendOutcome> {
  if (typeof navigator !== 'undefined' && !navigator.onLine) return { kind: 'offline' };
  let res: Response;
  try {
    res = await call(entry.method, entry.path, entry.body, { 'Idempotency-Key': entry.idempotencyKey });
  } catch {
    return { kind: 'offline' };
  }
  const body = await readBody(res);
  if (res.ok) return { kind: 'ok', body };
  if (res.status === 401) return { kind: 'unauthenticated' };
  const f = failure(res.status, body);
  return { kind: 'error', error: { status: f.status, code: f.code, message: f.message, details: f.details } };
}
