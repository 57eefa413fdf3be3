import { timestampNow } from '@bufbuild/protobuf/wkt';
import { ROOT_CAUSE_TAXONOMY_ID, Topics } from '@nps/contracts';
import { expectEventually } from '../expect-eventually';
import type { StartedBed } from './started-bed';

/** The root causes case-management starts with in tests, as root-cause-tagging would publish them (ADR 0012). */
export const TEST_ROOT_CAUSES = ['price', 'delivery', 'support', 'billing'];

/**
 * Publishes version 1 of the taxonomy (TEST_ROOT_CAUSES) into the bed's namespace and waits until
 * case-management holds those tags, so a test may resolve cases from its first line on.
 */
export async function seedRootCauses(bed: StartedBed): Promise<void> {
  const tags = TEST_ROOT_CAUSES.map((tagId) => ({ tagId, name: tagId }));
  await bed.publish(Topics.TaxonomyPublished, {
    eventId: '00000000-0000-4000-8000-000000000001',
    occurredAt: timestampNow(),
    taxonomyId: ROOT_CAUSE_TAXONOMY_ID,
    version: 1,
    versionLabel: 'taxonomy-1',
    tags,
  });
  // A root-cause-tagging in the same namespace (the e2e tests) publishes its own version 1, which
  // may arrive first and win: its tags include these, which is all a test relies on.
  const held = async () =>
    (await bed.rows<{ tag_id: string }>('SELECT tag_id FROM $schema.root_causes')).map((row) => row.tag_id);
  await expectEventually(async () => expect(await held()).toEqual(expect.arrayContaining(TEST_ROOT_CAUSES)), {
    timeoutMs: 30000,
  });
}
