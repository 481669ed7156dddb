// Shared Jest settings: @swc/jest with decorator metadata (Nest DI needs it), @mes/* aliases.
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleNameMapper: {
    '^@mes/shared$': '<rootDir>/libs/shared/src/index.ts',
    '^@mes/platform$': '<rootDir>/libs/platform/src/index.ts',
    '^@mes/platform/testing$': '<rootDir>/libs/platform/src/testing/index.ts',
    '^@mes/([a-z0-9-]+)-(api|engine)$': '<rootDir>/modules/$1/$2/index.ts',
  },
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};
