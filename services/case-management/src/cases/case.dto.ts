import { ApiProperty } from '@nestjs/swagger';
import { PRIORITIES, type Priority } from '../sla/priority';
import { CASE_STATUSES, type CaseStatus } from './case.lifecycle';
import { OUTCOMES, type Outcome } from './case.record';

const nullable = { nullable: true, type: String };
const nullableTime = { nullable: true, type: String, format: 'date-time' };
const time = { type: String, format: 'date-time' };

/** One case as stored (OpenAPI schema of the case actions' answers and of the case in `GET /cases/{caseId}`). */
export class CaseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() responseId!: string;
  @ApiProperty() customerId!: string;
  @ApiProperty() teamId!: string;
  @ApiProperty(nullable) ownerId!: string | null;
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
  @ApiProperty(nullable) ruleId!: string | null;
  @ApiProperty({ example: 'least_loaded' }) assignmentReason!: string;
  @ApiProperty({ example: 'least loaded: 3 open' }) assignmentDetail!: string;
  @ApiProperty(time) firstContactDueAt!: string;
  @ApiProperty(time) resolutionDueAt!: string;
  @ApiProperty(nullableTime) firstContactedAt!: string | null;
  @ApiProperty(nullableTime) resolvedAt!: string | null;
  @ApiProperty(nullableTime) closedAt!: string | null;
  @ApiProperty(nullable) rootCauseTagId!: string | null;
  @ApiProperty({ enum: OUTCOMES, nullable: true }) outcome!: Outcome | null;
  @ApiProperty() escalationLevel!: number;
  @ApiProperty(time) openedAt!: string;
  @ApiProperty(time) updatedAt!: string;
}
