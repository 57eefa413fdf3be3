import { Topics } from '@nps/contracts';
import {
  anEvent,
  callJson,
  declaredSchema,
  expectEventually,
  type JsonAnswer,
  type OpenApiDocument,
  ResponseSchemas,
  serviceBed,
} from '@nps/testing';

/** Routes of libs/runtime, the same on every service: the health probes and the access request (DSAR). */
const LIBRARY_ROUTES = new Set(['GET /health/live', 'GET /health/ready', 'GET /customers/{customerId}/export']);

type RouteAnswer = JsonAnswer & { route: string };

interface Request {
  params?: Record<string, string>;
  body?: unknown;
}

// Every route that answers JSON, called for real; each answer must match the schema /docs-json declares for its status.
describe('answers of the tagging API against their OpenAPI schemas', () => {
  const bed = serviceBed({ service: 'root-cause-tagging' });
  let document: OpenApiDocument;
  let schemas: ResponseSchemas;
  let admin: string;
  let lead: string;
  const validated = new Set<string>();

  /** Calls `route` ("METHOD /path/{param}" as /docs-json names it) and checks the answer against its schema. */
  async function answered(token: string, route: string, request: Request = {}): Promise<RouteAnswer> {
    const [method, template] = route.split(' ');
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(request.params?.[name] ?? ''));
    const answer = { route, ...(await callJson(bed.url, method, path, token, request.body)) };
    const schema = declaredSchema(document, method, template, answer.status);
    const problems =
      answer.status < 200 || answer.status > 299
        ? [`answered ${answer.status}: ${JSON.stringify(answer.body)}`]
        : !schema
          ? [`declares no JSON schema for ${answer.status}`]
          : schemas.validator(schema)(answer.body);
    expect({ route, problems }).toEqual({ route, problems: [] });
    validated.add(route);
    return answer;
  }

  /** Every operation of the document but those of libs/runtime: [route, method, path, operation]. */
  function operations() {
    return Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .map(([method, operation]) => [`${method.toUpperCase()} ${path}`, method, path, operation] as const)
        .filter(([route]) => !LIBRARY_ROUTES.has(route)),
    );
  }

  beforeAll(async () => {
    admin = await bed.tokenFor('adam');
    lead = await bed.tokenFor('lena');
    const docs = await callJson(bed.url, 'GET', '/docs-json');
    expect(docs.status).toBe(200);
    document = docs.body;
    schemas = new ResponseSchemas(document);
  });

  it('declares a JSON schema for every 2xx answer with a body, and every schema resolves', () => {
    const missing: string[] = [];
    for (const [route, method, path, operation] of operations()) {
      const success = Object.keys(operation.responses ?? {}).filter((status) => /^2\d\d$/.test(status));
      if (success.length === 0) missing.push(`${route}: no 2xx answer`);
      for (const status of success.filter((code) => code !== '204')) {
        const schema = declaredSchema(document, method, path, status);
        if (!schema) missing.push(`${route}: no JSON schema for ${status}`);
        else schemas.validator(schema); // throws on a $ref that names no schema
      }
    }
    expect(missing).toEqual([]);
  });

  // Before the taxonomy changes: the retrain then runs on the shipped taxonomy, as it does in production.
  it('the model: a retrain, then the model in use with its versions and runs', async () => {
    const retrained = await answered(admin, 'POST /model/retrain');
    const model = await answered(admin, 'GET /model');
    // A run is listed, so the schema of a run is checked, not skipped over an empty list.
    expect(model.body).toMatchObject({
      inUse: { version: retrained.body.modelVersion },
      runs: [{ inUseVersion: 1, promotedVersion: retrained.body.promoted ? retrained.body.modelVersion : null }],
    });
    expect(model.body.versions.map((version: { trigger: string }) => version.trigger)).toContain('initial');
  }, 120000);

  it('the taxonomy: its versions, a new tag, new terms, a tagged response and re-tagging', async () => {
    const response = anEvent(Topics.ResponseReceived, {
      score: 3,
      comment: 'De levering was twee weken te laat',
      language: 'nl',
    });
    await bed.publish(Topics.ResponseReceived, response);
    const responseId = response.responseId as string;
    await expectEventually(
      async () =>
        expect(
          await bed.rows('SELECT 1 FROM $schema.tagged_comments WHERE response_id = $1', [responseId]),
        ).toHaveLength(1),
      { timeoutMs: 60000 },
    );
    const tagged = await answered(lead, 'GET /tagging/responses/{responseId}', { params: { responseId } });
    // A found tag with its span, so the nested schemas are checked.
    expect(tagged.body).toMatchObject({ score: 3, language: 'nl', result: { tags: [{ tagId: 'delivery' }] } });

    await answered(admin, 'GET /taxonomy');
    const added = await answered(admin, 'POST /taxonomy/tags', {
      body: {
        id: 'loyalty-program',
        name: 'Loyalty program',
        terms: { nl: [{ text: 'spaarpunten' }], en: [{ text: 'loyalty points' }] },
      },
    });
    expect(added.status).toBe(201);
    const extended = await answered(admin, 'POST /taxonomy/tags/{tagId}/terms', {
      params: { tagId: 'loyalty-program' },
      body: { language: 'de', terms: [{ text: 'Treuepunkte' }, { text: 'Bonusprogramm', polarity: 'negative' }] },
    });
    expect(extended.status).toBe(201);
    expect(extended.body.tags).toContainEqual(
      expect.objectContaining({
        id: 'loyalty-program',
        terms: expect.objectContaining({
          de: expect.arrayContaining([{ text: 'Bonusprogramm', polarity: 'negative' }]),
        }),
      }),
    );
    expect((await answered(admin, 'GET /taxonomy/versions')).body).toHaveLength(3);
    await answered(admin, 'GET /taxonomy/versions/{version}', { params: { version: '1' } });
    expect((await answered(admin, 'POST /tagging/retag')).body.retagged).toBeGreaterThan(0);
  }, 120000);

  it('called every route that answers JSON', () => {
    const routes = operations()
      .filter(([, method, path, operation]) =>
        Object.keys(operation.responses ?? {}).some((status) => declaredSchema(document, method, path, status)),
      )
      .map(([route]) => route);
    expect(routes.filter((route) => !validated.has(route))).toEqual([]);
  });
});
