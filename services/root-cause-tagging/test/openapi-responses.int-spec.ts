import { Topics } from '@nps/contracts';
import { anEvent, expectEventually, OpenApiAnswers, serviceBed } from '@nps/testing';

// Every route that answers JSON, called for real; each answer must match the schema /docs-json declares for its status.
describe('answers of the tagging API against their OpenAPI schemas', () => {
  const bed = serviceBed({ service: 'root-cause-tagging' });
  let api: OpenApiAnswers;
  let admin: string;
  let lead: string;

  beforeAll(async () => {
    admin = await bed.tokenFor('adam');
    lead = await bed.tokenFor('lena');
    api = await OpenApiAnswers.of(bed.url);
  });

  it('the model: a retrain, then the model in use with its versions and runs', async () => {
    const retrained = await api.call(admin, 'POST /model/retrain');
    const model = await api.call(admin, 'GET /model');
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
    const tagged = await api.call(lead, 'GET /tagging/responses/{responseId}', { params: { responseId } });
    // A found tag with its span, so the nested schemas are checked.
    expect(tagged.body).toMatchObject({ score: 3, language: 'nl', result: { tags: [{ tagId: 'delivery' }] } });

    await api.call(admin, 'GET /taxonomy');
    const added = await api.call(admin, 'POST /taxonomy/tags', {
      body: {
        id: 'loyalty-program',
        name: 'Loyalty program',
        terms: { nl: [{ text: 'spaarpunten' }], en: [{ text: 'loyalty points' }] },
      },
    });
    expect(added.status).toBe(201);
    const extended = await api.call(admin, 'POST /taxonomy/tags/{tagId}/terms', {
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
    expect((await api.call(admin, 'GET /taxonomy/versions')).body).toHaveLength(3);
    await api.call(admin, 'GET /taxonomy/versions/{version}', { params: { version: '1' } });
    expect((await api.call(admin, 'POST /tagging/retag')).body.retagged).toBeGreaterThan(0);
  }, 120000);

  it('called every route that answers JSON', () => {
    expect(api.uncalled()).toEqual([]);
  });
});
