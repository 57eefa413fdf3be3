import { ROOT_CAUSE_TAXONOMY_ID, Topics } from '@nps/contracts';
import { serviceBed } from '@nps/testing';

// The taxonomy travels as nps.taxonomy.published.v1 (docs/adr/0012): each version once per
// change, and the current one again, with the same id, whenever an instance starts.
describe('root-cause-tagging publishes its taxonomy versions', () => {
  const bed = serviceBed({ service: 'root-cause-tagging', autoStart: false });
  const probe = bed.probe(Topics.TaxonomyPublished);
  const startInstance = async () => (await bed.start()).url;

  it('publishes version 1 at first start, each new version through the admin API, and the current one again at the next start', async () => {
    const url = await startInstance();
    await probe.ready();
    const [first] = await probe.eventually(Topics.TaxonomyPublished, (event) => event.version === 1, 1, 30000);
    expect(first.key).toBe(ROOT_CAUSE_TAXONOMY_ID);
    expect(first.message).toMatchObject({
      taxonomyId: ROOT_CAUSE_TAXONOMY_ID,
      versionLabel: 'taxonomy-1',
      change: 'initial taxonomy',
    });
    expect(first.message.tags.map((tag) => tag.tagId)).toEqual(
      expect.arrayContaining(['price', 'delivery', 'availability']),
    );
    expect(first.message.tags).toHaveLength(11);

    const headers = {
      'content-type': 'application/json',
      authorization: `Bearer ${await bed.clientToken('taxonomy-admin')}`,
    };
    const added = await fetch(`${url}/taxonomy/tags`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        id: 'loyalty-program',
        name: 'Loyalty program',
        terms: { en: [{ text: 'loyalty points' }] },
      }),
    });
    expect(added.status).toBe(201);
    const [second] = await probe.eventually(Topics.TaxonomyPublished, (event) => event.version === 2, 1, 30000);
    expect(second.message).toMatchObject({ versionLabel: 'taxonomy-2', change: 'added tag loyalty-program' });
    expect(second.message.tags).toContainEqual(
      expect.objectContaining({ tagId: 'loyalty-program', name: 'Loyalty program' }),
    );

    const refused = await fetch(`${url}/taxonomy/tags`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ id: 'loyalty-program', name: 'Again' }),
    });
    expect(refused.status).toBe(409);

    await startInstance();
    const republished = await probe.eventually(Topics.TaxonomyPublished, (event) => event.version === 2, 2, 60000);
    expect(republished[1].id).toBe(republished[0].id);
    expect(probe.events(Topics.TaxonomyPublished).map((seen) => seen.message.version)).toEqual([1, 2, 2]);
  });
});
