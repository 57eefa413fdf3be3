import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { ISO_TIME, NULLABLE_ISO_TIME, NULLABLE_STRING } from '@nps/runtime';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { IMPROVEMENT_ACTION_STATUSES, type ImprovementActionStatus } from './improvement-action.record';

/** The shape of a root-cause id; whether the taxonomy knows it is checked against its projection (RootCauseCheck). */
const ROOT_CAUSE_SHAPE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*(\.[a-z0-9-]+)*$/;
const ROOT_CAUSE_MESSAGE =
  'rootCauseTagId must be a root-cause tag id such as "delivery" (GET /root-causes lists them)';

export class CreateImprovementActionDto {
  @ApiProperty({ example: 'Second delivery slot for rural addresses' })
  @IsString({ message: 'title must be a text' })
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: 'delivery', description: 'the root cause it fixes: a tag id of the current taxonomy' })
  @Matches(ROOT_CAUSE_SHAPE, { message: ROOT_CAUSE_MESSAGE })
  rootCauseTagId: string;

  @ApiPropertyOptional({ example: 'order-delivered', description: 'the affected touchpoint type; absent for all' })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'touchpointType must not be empty (leave it out for all touchpoint types)' })
  @MaxLength(100)
  touchpointType?: string;

  @ApiPropertyOptional({ example: 'consumer', description: 'the affected customer segment; absent for all' })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'segment must not be empty (leave it out for all segments)' })
  @MaxLength(100)
  segment?: string;

  @ApiPropertyOptional({ description: 'member id of who owns the fix; the caller by default' })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'ownerId must not be empty' })
  @MaxLength(200)
  ownerId?: string;
}

export class ImprovementActionListQuery {
  @ApiPropertyOptional({ enum: IMPROVEMENT_ACTION_STATUSES })
  @IsOptional()
  @IsIn(IMPROVEMENT_ACTION_STATUSES, { message: `status must be one of ${IMPROVEMENT_ACTION_STATUSES.join(', ')}` })
  status?: ImprovementActionStatus;

  @ApiPropertyOptional({ example: 'delivery' })
  @IsOptional()
  @Matches(ROOT_CAUSE_SHAPE, { message: ROOT_CAUSE_MESSAGE })
  rootCauseTagId?: string;
}

export class LinkCasesDto {
  @ApiProperty({ type: [String], description: 'ids of cases that show the root cause; linking one twice is a no-op' })
  @IsArray({ message: 'caseIds must be a list of case ids' })
  @ArrayNotEmpty({ message: 'caseIds must name at least one case' })
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'caseIds must hold case ids (UUIDs)' })
  caseIds: string[];
}

export class ReleaseImprovementActionDto {
  @ApiPropertyOptional({
    example: '2026-03-01T08:00:00Z',
    description: 'when the fix went live (not in the future); now by default',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'releasedAt must be an ISO 8601 date-time' })
  releasedAt?: string;
}

export class CloseImprovementActionDto {
  @ApiProperty({ description: 'what became of it: the effect seen, or why it was abandoned' })
  @IsString({ message: 'note must be a text' })
  @IsNotEmpty({ message: 'note must not be empty' })
  @MaxLength(5000)
  note: string;
}

/** An improvement action as stored (OpenAPI schema of the list's items). */
export class ImprovementActionDto extends PickType(CreateImprovementActionDto, ['title', 'rootCauseTagId'] as const) {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ ...NULLABLE_STRING, description: 'the affected touchpoint type; null for all' })
  touchpointType!: string | null;

  @ApiProperty({ ...NULLABLE_STRING, description: 'the affected customer segment; null for all' })
  segment!: string | null;

  @ApiProperty({ description: 'member id of who owns the fix' }) ownerId!: string;
  @ApiProperty({ enum: IMPROVEMENT_ACTION_STATUSES }) status!: ImprovementActionStatus;
  @ApiProperty(NULLABLE_ISO_TIME) releasedAt!: string | null;
  @ApiProperty(NULLABLE_ISO_TIME) closedAt!: string | null;
  @ApiProperty(NULLABLE_STRING) closeNote!: string | null;
  @ApiProperty({ description: 'member id of who opened it' }) openedBy!: string;
  @ApiProperty(ISO_TIME) createdAt!: string;
  @ApiProperty(ISO_TIME) updatedAt!: string;
}

/** An improvement action with the cases linked to it (OpenAPI schema of the other answers). */
export class ImprovementActionViewDto extends ImprovementActionDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'in the order they were linked' }) caseIds!: string[];
}
