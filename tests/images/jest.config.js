// `npm run test:images` (docs/deploy.md, Images): the built image, run once per service; `npm test` runs it last
// (docs/adr/0076-image-tested-by-npm-test.md). Same transform and infrastructure (real Kafka and Postgres) as the
// integration tests.
const path = require('node:path');
const root = require('../../jest.config.js');

const integration = root.projects.find((project) => project.displayName === 'integration');

module.exports = {
  testTimeout: 180000,
  // The root config's reporters, its <rootDir> being the repository's: the summary line `npm test` adds up.
  reporters: root.reporters.map((reporter) => reporter.replace('<rootDir>', path.resolve(__dirname, '../..'))),
  projects: [{ ...integration, displayName: 'images', testMatch: ['<rootDir>/tests/images/**/*.int-spec.ts'] }],
};
