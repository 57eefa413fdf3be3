import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Matches } from 'class-validator';
import { POLICY_REASONS } from '../contact-policy/contact-policy.decision';
import { DELIVERY_CHANNEL_NAMES, type DeliveryChannelName } from '../delivery/delivery.channels';

export class AdHocSurveyDto {
  @ApiProperty({ example: 'c-42' })
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{1,64}$/, { message: 'customerId must be 1-64 letters, digits, ".", "_", ":" or "-"' })
  customerId!: string;

  @ApiProperty({ example: 'account-review', description: 'Kind of touchpoint, lower-kebab-case' })
  @IsString()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'touchpointType must be lower-kebab-case, e.g. account-review' })
  touchpointType!: string;

  @ApiPropertyOptional({
    description: 'Id of the touchpoint; a new one is made when absent. A touchpoint is surveyed once.',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{1,128}$/, { message: 'touchpointId must be 1-128 letters, digits, ".", "_", ":" or "-"' })
  touchpointId?: string;

  @ApiPropertyOptional({
    enum: DELIVERY_CHANNEL_NAMES,
    description: "Send through this channel instead of the customer's preferred one",
  })
  @IsOptional()
  @IsIn(DELIVERY_CHANNEL_NAMES, { message: `channel must be one of ${DELIVERY_CHANNEL_NAMES.join(', ')}` })
  channel?: DeliveryChannelName;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Touchpoint attributes, for attribute rules',
  })
  @IsOptional()
  @IsObject()
  attributes?: Record<string, string>;
}

const SUPPRESSION_REASONS = POLICY_REASONS.filter((reason) => reason !== 'QUIET_HOURS');

/** A survey request was made: it goes out at `dueAt`. */
abstract class SurveyRequestedDto {
  @ApiProperty()
  surveyRequestId!: string;

  @ApiProperty({ enum: DELIVERY_CHANNEL_NAMES })
  channel!: DeliveryChannelName;

  @ApiProperty({ description: 'When the survey goes out', format: 'date-time' })
  dueAt!: string;
}

/** The survey is scheduled as asked. */
export class ScheduledSurveyDto extends SurveyRequestedDto {
  @ApiProperty({ enum: ['scheduled'] })
  outcome!: 'scheduled';
}

/** The survey goes out later than asked: after the customer's quiet hours. */
export class DeferredSurveyDto extends SurveyRequestedDto {
  @ApiProperty({ enum: ['deferred'] })
  outcome!: 'deferred';

  @ApiProperty({ enum: ['QUIET_HOURS'], description: 'Why it was deferred' })
  reason!: string;

  @ApiProperty()
  detail!: string;
}

/** No survey: the contact policy said no. */
export class SuppressedSurveyDto {
  @ApiProperty({ enum: ['suppressed'] })
  outcome!: 'suppressed';

  @ApiProperty({ enum: SUPPRESSION_REASONS, description: 'Why it was suppressed' })
  reason!: string;

  @ApiProperty()
  detail!: string;
}

export type TriggerOutcomeDto = ScheduledSurveyDto | DeferredSurveyDto | SuppressedSurveyDto;
