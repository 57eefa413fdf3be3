import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { ROOT_CAUSE_TAXONOMY_ID, Topics } from '@nps/contracts';
import { eventIdFor } from '@nps/messaging';
import type { TaxonomyVersionEntity } from './taxonomy-version.entity';
import { taxonomyVersionLabel } from './taxonomy.types';

export type TaxonomyPublishedInit = MessageInitShape<typeof Topics.TaxonomyPublished.schema>;

/**
 * `taxonomy published` of one version. Its id and content follow from the version alone, so the
 * republication at every start is the same event and subscribers' inboxes drop the copy.
 */
export function taxonomyPublishedEvent(
  version: Pick<TaxonomyVersionEntity, 'version' | 'change' | 'tags' | 'createdAt'>,
): TaxonomyPublishedInit {
  return {
    eventId: eventIdFor(`${ROOT_CAUSE_TAXONOMY_ID}:${version.version}`, Topics.TaxonomyPublished.name, 0),
    occurredAt: timestampFromDate(version.createdAt),
    taxonomyId: ROOT_CAUSE_TAXONOMY_ID,
    version: version.version,
    versionLabel: taxonomyVersionLabel(version.version),
    change: version.change,
    tags: version.tags.map((tag) => ({ tagId: tag.id, name: tag.name })),
  };
}
