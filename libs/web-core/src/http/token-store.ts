/** The pair of tokens of a session. The access token lasts 15 min; the refresh token rotates. */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
}

export interface TokenStore {
  get(): SessionTokens | null;
  set(tokens: SessionTokens): void;
  clear(): void;
}

function isTokens(value: unknown): value is SessionTokens {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['accessToken'] === 'string' && typeof v['refreshToken'] === 'string';
}

/** Tokens in memory only (tests, or a browser that refuses localStorage). */
export function createMemoryTokenStore(initial: SessionTokens | null = null): TokenStore {
  let current = initial;
  return {
    get: () => current,
    set: (tokens) => {
      current = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
    },
    clear: () => {
      current = null;
    },
  };
}

/**
 * Tokens in localStorage under `key`, read on every call so that a refresh made by another tab
 * (which rotates the refresh token) is seen here too.
 */
export function createLocalTokenStore(key = 'mes.session', storage?: Storage): TokenStore {
  let store: Storage | undefined = storage;
  if (!store) {
    try {
      store = globalThis.localStorage;
    } catch {
      store = undefined;
    }
  }
  if (!store) return createMemoryTokenStore();
  const s = store;
  return {
    get() {
      const raw = s.getItem(key);
      if (!raw) return null;
      try {
        const parsed: unknown = JSON.parse(raw);
        return isTokens(parsed) ? parsed : null;
      } catch {
        return null;
      }
    },
    set(tokens) {
      s.setItem(key, JSON.stringify({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken }));
    },
    clear() {
      s.removeItem(key);
    },
  };
}

/** Seconds since the epoch at which a JWT expires, or null when it cannot be read. */
export function jwtExpiry(token: string): number | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json = atob(
      part
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(part.length / 4) * 4, '='),
    );
    const payload: unknown = JSON.parse(json);
    if (typeof payload === 'object' && payload !== null) {
      const exp = (payload as Record<string, unknown>)['exp'];
      return typeof exp === 'number' ? exp : null;
    }
    return null;
  } catch {
    return null;
  }
}
