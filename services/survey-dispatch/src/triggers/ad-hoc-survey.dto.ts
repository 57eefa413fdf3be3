import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Matches } from 'class-validator';
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

export class TriggerOutcomeDto {
  @ApiProperty({ enum: ['scheduled', 'deferred', 'suppressed'] })
  outcome!: string;

  @ApiPropertyOptional()
  surveyRequestId?: string;

  @ApiPropertyOptional({ enum: DELIVERY_CHANNEL_NAMES })
  channel?: string;

  @ApiPropertyOptional({ description: 'When the survey goes out' })
  dueAt?: string;

  @ApiPropertyOptional({ description: 'Why it was deferred or suppressed, e.g. FREQUENCY_CAP' })
  reason?: string;

  @ApiPropertyOptional()
  detail?: string;
}
