import { ApiProperty } from '@nestjs/swagger';
import { ISO_TIME, NULLABLE_ISO_TIME, NULLABLE_STRING } from '@nps/runtime';
import { CaseRecoveryDto } from '../recovery/case-recovery.dto';
import { CASE_ACTIVITY_KINDS, type CaseActivityKind } from './case-activity.kinds';
import { CaseDto } from './case.dto';
import { CustomerStoryDto } from './customer-story.dto';

/** One entry of a case's activity log, oldest first. */
export class CaseActivityDto {
  @ApiProperty(ISO_TIME) at!: string;
  @ApiProperty({ description: 'member id of who did it; empty when the service did (intake, escalation)' })
  actorId!: string;

  @ApiProperty({ enum: CASE_ACTIVITY_KINDS, example: 'customer_contacted' })
  kind!: CaseActivityKind;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'what the step carried (the request, or the routing), by kind',
  })
  detail!: object;
}

/** A notification about the case, one per channel and target. */
export class CaseNotificationDto {
  @ApiProperty() id!: number;
  @ApiProperty({ description: 'member id of the recipient; empty for an escalation email of no member' })
  recipientId!: string;

  @ApiProperty({ enum: ['email', 'webhook'] }) channel!: string;
  @ApiProperty({ description: 'the email address; of a webhook only its origin' }) target!: string;
  @ApiProperty({ enum: ['assigned', 'escalated', 'account_at_risk'] }) kind!: string;
  @ApiProperty({ enum: ['pending', 'sent', 'failed'] }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty(NULLABLE_STRING) lastError!: string | null;
  @ApiProperty(ISO_TIME) createdAt!: string;
  @ApiProperty(NULLABLE_ISO_TIME) sentAt!: string | null;
  @ApiProperty({ ...NULLABLE_ISO_TIME, description: 'the next try while pending; else null' })
  nextAttemptAt!: string | null;
}

/** `GET /cases/{caseId}`: the case with what happened to it and the customer story. */
export class CaseDetailDto {
  @ApiProperty({ type: CaseDto }) case!: CaseDto;
  @ApiProperty({ type: [CaseActivityDto] }) activity!: CaseActivityDto[];
  @ApiProperty({ type: [CaseNotificationDto] }) notifications!: CaseNotificationDto[];
  @ApiProperty({ type: CustomerStoryDto }) customerStory!: CustomerStoryDto;
  @ApiProperty({
    type: CaseRecoveryDto,
    nullable: true,
    description: "the recovery re-survey's measurement; null until the customer answered it",
  })
  recovery!: CaseRecoveryDto | null;
}
