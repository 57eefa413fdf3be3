// `npm run test:images` (docs/deploy.md, Images): the built image, run once per service. Not part of
// `npm test`: building the image takes minutes and needs podman. Same transform and infrastructure
// (real Kafka and Postgres) as the integration tests.
const root = require('../../jest.config.js');

const integration = root.projects.find((project) => project.displayName === 'integration');

module.exports = {
  testTimeout: 180000,
  reporters: ['default'],
  projects: [{ ...integration, displayName: 'images', testMatch: ['<rootDir>/tests/images/**/*.int-spec.ts'] }],
};
