import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ROOT_CAUSE_TAXONOMY_ID, type TaxonomyPublished, Topics } from '@nps/contracts';
import { EventContext } from '@nps/messaging';
import { RootCauseRepository } from './root-cause.repository';

/** Keeps the root causes a resolution may confirm in step with root-cause-tagging's taxonomy. */
@Controller()
export class TaxonomyPublishedHandler {
  private readonly logger = new Logger(TaxonomyPublishedHandler.name);

  constructor(private readonly rootCauses: RootCauseRepository) {}

  @EventPattern(Topics.TaxonomyPublished.name)
  async published(@Payload() event: TaxonomyPublished, @Ctx() context: EventContext): Promise<void> {
    if (event.taxonomyId !== ROOT_CAUSE_TAXONOMY_ID) return;
    const tags = event.tags.map((tag) => ({ tagId: tag.tagId, name: tag.name }));
    if (await this.rootCauses.replace(context.unitOfWork.manager, event.version, tags)) {
      this.logger.log(`root causes from taxonomy version ${event.version}: ${tags.length} tags`);
    }
  }
}
