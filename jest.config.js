// Three test sizes, one runner. Unit tests do no I/O; integration and e2e tests share one
// global setup that picks real Kafka and Postgres (docs/adr/0003-test-infrastructure.md).
const fs = require('node:fs');

const swcrc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
// The build excludes specs; the test transform must not.
const transform = { '^.+\\.ts$': ['@swc/jest', { ...swcrc, exclude: [], swcrc: false, sourceMaps: 'inline' }] };
const infrastructure = {
  globalSetup: '<rootDir>/libs/testing/src/infrastructure/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/infrastructure/global-teardown.ts',
};

module.exports = {
  // Integration and e2e tests start brokers and processes; unit tests finish far below this.
  testTimeout: 120000,
  reporters: ['default', '<rootDir>/libs/testing/src/summary.reporter.js'],
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      transform,
      testMatch: ['<rootDir>/{libs,services,tests}/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    },
    {
      displayName: 'integration',
      rootDir: __dirname,
      transform,
      ...infrastructure,
      testMatch: [
        '<rootDir>/{libs,services}/**/*.int-spec.ts',
        '<rootDir>/tests/messaging/**/*.int-spec.ts',
        '<rootDir>/tests/persistence/**/*.int-spec.ts',
        '<rootDir>/tests/contracts/**/*.int-spec.ts',
      ],
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    },
    {
      displayName: 'e2e',
      rootDir: __dirname,
      transform,
      ...infrastructure,
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e-spec.ts'],
    },
  ],
};
