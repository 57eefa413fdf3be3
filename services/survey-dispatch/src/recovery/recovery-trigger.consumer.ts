import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { type CaseResolved, type CaseSkipped, Topics } from '@nps/contracts';
import { EventContext } from '@nps/messaging';
import { SurveyDispatchEnv } from '../survey-dispatch.env';
import { recoveryRequestOf } from './recovery-request';
import { RecoverySurveyRepository } from './recovery-survey.repository';

/** A resolved case (followed up) or a held-out detractor (holdout) → one pending recovery re-survey. */
@Controller()
export class RecoveryTriggerConsumer {
  constructor(
    private readonly recoveries: RecoverySurveyRepository,
    private readonly env: SurveyDispatchEnv,
  ) {}

  @EventPattern(Topics.CaseResolved.name)
  async resolved(@Payload() event: CaseResolved, @Ctx() context: EventContext): Promise<void> {
    await this.request(
      recoveryRequestOf({ kind: 'resolved', event }, this.env.RECOVERY_SURVEY_DELAY_MS, new Date()),
      context,
    );
  }

  @EventPattern(Topics.CaseSkipped.name)
  async skipped(@Payload() event: CaseSkipped, @Ctx() context: EventContext): Promise<void> {
    await this.request(
      recoveryRequestOf({ kind: 'skipped', event }, this.env.RECOVERY_SURVEY_DELAY_MS, new Date()),
      context,
    );
  }

  private async request(request: ReturnType<typeof recoveryRequestOf>, context: EventContext): Promise<void> {
    if (request) await this.recoveries.request(context.unitOfWork.manager, request);
  }
}
