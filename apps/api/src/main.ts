import 'reflect-metadata';
import { ConfigError, loadConfig } from '@mes/platform';
import { createHttpApp } from './http-app';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await createHttpApp();
  await app.listen(config.port, '0.0.0.0');
  console.log(`数智工厂 SaaS listening on http://127.0.0.1:${config.port} (web /, API /api, docs /api/docs)`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
