import type { AppConfig } from './app-config';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const DEV_JWT_SECRET = 'dev-only-secret-change-me-in-production-0123456789';

function readInt(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  problems: string[],
  min = 1,
  max = 65535,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return Number(raw);
}

function readUrl(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: string,
  protocols: string[],
  problems: string[],
): string {
  const raw = env[name] && env[name] !== '' ? env[name] : fallback;
  try {
    const url = new URL(raw);
    if (!protocols.includes(url.protocol)) {
      problems.push(`${name} must use ${protocols.join(' or ')} (got "${raw}")`);
    }
  } catch {
    problems.push(`${name} is not a valid URL (got "${raw}")`);
  }
  return raw;
}

/** The app role's URL: same host and database as DATABASE_URL, the app's own user. */
export function appUrlFrom(databaseUrl: string, user: string, password: string): string {
  const url = new URL(databaseUrl);
  url.username = encodeURIComponent(user);
  url.password = encodeURIComponent(password);
  return url.toString();
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnvRaw = env.NODE_ENV ?? 'development';
  const nodeEnv = (
    ['development', 'production', 'test'].includes(nodeEnvRaw) ? nodeEnvRaw : 'development'
  ) as AppConfig['nodeEnv'];
  const databaseUrl = readUrl(
    env,
    'DATABASE_URL',
    'postgres://postgres@127.0.0.1:5432/mes',
    ['postgres:', 'postgresql:'],
    problems,
  );
  const appDbUser = env.APP_DB_USER ?? 'mes_app';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(appDbUser))
    problems.push(`APP_DB_USER must be a lower-case SQL identifier (got "${appDbUser}")`);
  const appDbPassword = env.APP_DB_PASSWORD ?? 'mes_app_dev_password';
  const jwtSecret = env.JWT_SECRET ?? (nodeEnv === 'production' ? '' : DEV_JWT_SECRET);
  if (jwtSecret.length < 32) problems.push('JWT_SECRET must be set to at least 32 characters');
  if (nodeEnv === 'production' && jwtSecret === DEV_JWT_SECRET)
    problems.push('JWT_SECRET must not be the development default in production');
  const config: AppConfig = {
    nodeEnv,
    port: readInt(env, 'PORT', 3000, problems),
    apiWorkers: readInt(env, 'API_WORKERS', 1, problems, 1, 64),
    databaseUrl,
    appDbUser,
    appDbPassword,
    appDatabaseUrl:
      env.APP_DATABASE_URL ??
      (problems.length ? databaseUrl : appUrlFrom(databaseUrl, appDbUser, appDbPassword)),
    redisUrl: readUrl(env, 'REDIS_URL', 'redis://127.0.0.1:6379/0', ['redis:', 'rediss:'], problems),
    redisPrefix: env.REDIS_PREFIX ?? '{mes}',
    mqttUrl: readUrl(env, 'MQTT_URL', 'mqtt://127.0.0.1:1883', ['mqtt:', 'mqtts:', 'ws:', 'wss:'], problems),
    jwtSecret,
    accessTokenTtlSeconds: readInt(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, problems, 30, 86400),
    refreshTokenTtlDays: readInt(env, 'REFRESH_TOKEN_TTL_DAYS', 30, problems, 1, 365),
    loginMaxFailures: readInt(env, 'LOGIN_MAX_FAILURES', 5, problems, 1, 1000),
    loginWindowSeconds: readInt(env, 'LOGIN_WINDOW_SECONDS', 900, problems, 1, 86400),
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info'),
    webDistDir: env.WEB_DIST_DIR ?? null,
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
