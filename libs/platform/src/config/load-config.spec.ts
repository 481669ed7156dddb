import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('has defaults that work on this machine', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      apiWorkers: 1,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/mes',
      redisUrl: 'redis://127.0.0.1:6379/0',
      mqttUrl: 'mqtt://127.0.0.1:1883',
      appDbUser: 'mes_app',
      accessTokenTtlSeconds: 900,
    });
    expect(config.appDatabaseUrl).toBe('postgres://mes_app:mes_app_dev_password@127.0.0.1:5432/mes');
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        API_WORKERS: '0',
        DATABASE_URL: 'mysql://x/y',
        REDIS_URL: '::',
        JWT_SECRET: 'short',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'API_WORKERS', 'DATABASE_URL', 'REDIS_URL', 'JWT_SECRET'])
      expect(problems).toContain(name);
  });

  it('refuses the development JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
  });
});
