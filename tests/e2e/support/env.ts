import { existsSync, readFileSync } from 'node:fs';

// Test files run with the environment global-setup chose (its database and Redis prefix).
const file = process.env.MES_E2E_ENV_FILE;
if (file && existsSync(file))
  Object.assign(process.env, JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>);
