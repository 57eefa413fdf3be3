import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLATFORM_SERVICES, serviceBed } from '@nps/testing';

const DOCUMENTS = join(__dirname, '../../docs/openapi');

// docs/openapi/ is for clients that do not run the stack, and the ops console's types are generated from it.
describe('docs/openapi/', () => {
  it('holds one document per service with an HTTP API', () => {
    expect(readdirSync(DOCUMENTS).sort()).toEqual(PLATFORM_SERVICES.map((service) => `${service}.json`).sort());
  });

  describe.each(PLATFORM_SERVICES)('%s', (service) => {
    const bed = serviceBed({ service });

    it(`docs/openapi/${service}.json is what ${service} serves at /docs-json (else run npm run openapi:export)`, async () => {
      const answer = await fetch(`${bed.url}/docs-json`);
      expect(answer.status).toBe(200);
      const committed = JSON.parse(readFileSync(join(DOCUMENTS, `${service}.json`), 'utf8')) as unknown;
      // As text, so that the diff shows the lines that changed ("+": served now, not committed) and key order counts.
      expect(JSON.stringify(await answer.json(), null, 2)).toBe(JSON.stringify(committed, null, 2));
    });
  });
});
