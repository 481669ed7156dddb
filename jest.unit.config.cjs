// eslint-disable-next-line @typescript-eslint/no-require-imports -- Jest configs are CommonJS
const preset = require('./jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'unit',
  testMatch: ['<rootDir>/{apps/api,libs/platform,libs/shared,modules}/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/web/'],
};
