import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Scopes } from '@nps/auth';
import { EventTransactions } from '@nps/messaging';
import { randomUUID } from 'node:crypto';
import { CustomerRepository } from '../customers/customer.repository';
import { DELIVERY_CHANNELS, deliveryChannelName } from '../delivery/delivery.channels';
import { DispatchError, DispatchErrorCode } from '../errors/dispatch.error';
import {
  AdHocSurveyDto,
  DeferredSurveyDto,
  ScheduledSurveyDto,
  SuppressedSurveyDto,
  type TriggerOutcomeDto,
} from './ad-hoc-survey.dto';
import { SurveyTriggerHandler } from './survey-trigger.handler';

const OUTCOMES = [ScheduledSurveyDto, DeferredSurveyDto, SuppressedSurveyDto];

@ApiTags('surveys')
@ApiExtraModels(...OUTCOMES)
@Controller('surveys')
export class AdHocSurveyController {
  constructor(
    private readonly transactions: EventTransactions,
    private readonly triggers: SurveyTriggerHandler,
    private readonly customers: CustomerRepository,
  ) {}

  @Post()
  @Scopes('surveys:send')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask a customer now (ad hoc), through the same contact policy as touchpoint events' })
  @ApiOkResponse({
    description: 'What the contact policy decided: scheduled, deferred (quiet hours) or suppressed',
    schema: {
      type: 'object',
      oneOf: OUTCOMES.map((dto) => ({ $ref: getSchemaPath(dto) })),
      discriminator: { propertyName: 'outcome' },
    },
  })
  @ApiBadRequestResponse({
    description:
      'VALIDATION_FAILED: `fields` names each missing or invalid field; UNKNOWN_CUSTOMER: import the customer first',
  })
  async send(@Body() body: AdHocSurveyDto): Promise<TriggerOutcomeDto> {
    const outcome = await this.transactions.run(async (unitOfWork) => {
      if (!(await this.customers.find(unitOfWork.manager, body.customerId))) return undefined;
      return this.triggers.handle(unitOfWork.manager, {
        customerId: body.customerId,
        touchpointId: body.touchpointId ?? `ad-hoc-${randomUUID()}`,
        touchpointType: body.touchpointType,
        attributes: body.attributes ?? {},
        origin: 'api',
        channelOverride: body.channel ? DELIVERY_CHANNELS[body.channel] : undefined,
      });
    });
    if (!outcome)
      throw new DispatchError(
        DispatchErrorCode.UnknownCustomer,
        `customerId ${body.customerId} is not known: import the customer first`,
        [{ field: 'customerId', reason: 'is not known' }],
      );
    if (outcome.outcome === 'suppressed') return outcome;
    return { ...outcome, channel: deliveryChannelName(outcome.channel), dueAt: outcome.dueAt.toISOString() };
  }
}
