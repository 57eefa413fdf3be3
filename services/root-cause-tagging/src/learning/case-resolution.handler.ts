import { timestampDate } from '@bufbuild/protobuf/wkt';
import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { type CaseResolved, Topics } from '@nps/contracts';
import type { EventContext } from '@nps/messaging';
import { ConfirmedExampleRepository } from './confirmed-example.repository';

/**
 * Keeps the root cause a case owner confirmed, by response: joined with the tagged comment at
 * retrain time, it becomes a labelled example. The comment may arrive after the case (other topic).
 */
@Controller()
export class CaseResolutionHandler {
  private readonly logger = new Logger(CaseResolutionHandler.name);

  constructor(private readonly examples: ConfirmedExampleRepository) {}

  @EventPattern(Topics.CaseResolved.name)
  async resolved(@Payload() event: CaseResolved, @Ctx() context: EventContext): Promise<void> {
    if (!event.rootCauseTagId || !event.responseId) {
      this.logger.debug(`case ${event.caseId} resolved without a root cause or response: nothing to learn`);
      return;
    }
    await this.examples.confirm(context.unitOfWork.manager, {
      responseId: event.responseId,
      caseId: event.caseId,
      tagId: event.rootCauseTagId,
      confirmedAt: event.occurredAt ? timestampDate(event.occurredAt) : new Date(),
    });
  }
}
