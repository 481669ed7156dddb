// eslint-disable-next-line @typescript-eslint/no-require-imports -- Jest configs are CommonJS
const preset = require('./jest.preset.cjs');

// e2e: a fresh database per run, migrated by the owner; the app connects as its own RLS-bound role.
module.exports = {
  ...preset,
  displayName: 'e2e',
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/tests/e2e/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/e2e/support/global-teardown.ts',
  setupFiles: ['<rootDir>/tests/e2e/support/env.ts'],
  testTimeout: 30000,
};
