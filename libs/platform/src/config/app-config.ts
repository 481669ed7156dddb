/**
 * The validated environment. Read once at startup; a bad value stops the process with a message
 * naming the variable (docs/decisions/0004-config.md).
 */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  /**
   * HTTP processes serving PORT (API_WORKERS, default 1): more than one forks a node:cluster of that
   * many, sharing the port — one per core is the usual choice on a machine of its own.
   */
  apiWorkers: number;
  /** Owner connection: creates the database and role, runs migrations. */
  databaseUrl: string;
  /** The app's own non-superuser role, without BYPASSRLS. */
  appDatabaseUrl: string;
  appDbUser: string;
  appDbPassword: string;
  redisUrl: string;
  /** Key prefix for BullMQ and caches; a hash tag keeps one tenant's keys on one Redis Cluster slot. */
  redisPrefix: string;
  mqttUrl: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  loginMaxFailures: number;
  loginWindowSeconds: number;
  logLevel: string;
  webDistDir: string | null;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
