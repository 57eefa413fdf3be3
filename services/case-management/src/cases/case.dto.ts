import { ApiProperty } from '@nestjs/swagger';
import { ISO_TIME, NULLABLE_ISO_TIME, NULLABLE_STRING } from '@nps/runtime';
import { PRIORITIES, type Priority } from '../sla/priority';
import { CASE_STATUSES, type CaseStatus } from './case.lifecycle';
import { OUTCOMES, type Outcome } from './case.record';

/** One case as stored (OpenAPI schema of the case actions' answers and of the case in `GET /cases/{caseId}`). */
export class CaseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() responseId!: string;
  @ApiProperty() customerId!: string;
  @ApiProperty() teamId!: string;
  @ApiProperty(NULLABLE_STRING) ownerId!: string | null;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty({ enum: PRIORITIES }) priority!: Priority;
  @ApiProperty({ minimum: 0, maximum: 10 }) score!: number;
  @ApiProperty() comment!: string;
  @ApiProperty({ description: 'revision of the response the case reflects' }) revision!: number;
  @ApiProperty() touchpointId!: string;
  @ApiProperty() touchpointType!: string;
  @ApiProperty() channel!: string;
  @ApiProperty({ type: [String] }) tagIds!: string[];
  @ApiProperty() tagsRevision!: number;
  @ApiProperty() segment!: string;
  @ApiProperty() region!: string;
  @ApiProperty() tier!: string;
  @ApiProperty({ description: "the customer's language" }) language!: string;
  @ApiProperty(NULLABLE_STRING) ruleId!: string | null;
  @ApiProperty({ example: 'least_loaded' }) assignmentReason!: string;
  @ApiProperty({ example: 'least loaded: 3 open' }) assignmentDetail!: string;
  @ApiProperty(ISO_TIME) firstContactDueAt!: string;
  @ApiProperty(ISO_TIME) resolutionDueAt!: string;
  @ApiProperty(NULLABLE_ISO_TIME) firstContactedAt!: string | null;
  @ApiProperty(NULLABLE_ISO_TIME) resolvedAt!: string | null;
  @ApiProperty(NULLABLE_ISO_TIME) closedAt!: string | null;
  @ApiProperty(NULLABLE_STRING) rootCauseTagId!: string | null;
  @ApiProperty({ enum: OUTCOMES, nullable: true }) outcome!: Outcome | null;
  @ApiProperty() escalationLevel!: number;
  @ApiProperty(ISO_TIME) openedAt!: string;
  @ApiProperty(ISO_TIME) updatedAt!: string;
}
