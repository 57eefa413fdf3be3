import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ISO_TIME, NULLABLE_ISO_TIME } from '@nps/runtime';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CaseSkipReason } from '@nps/contracts';

/** The reasons as the API names them: CaseSkipReason without its prefix. */
export const SKIP_REASONS = Object.keys(CaseSkipReason).filter(
  (name) => Number.isNaN(Number(name)) && name !== 'UNSPECIFIED',
);

const MAX_PAGE_SIZE = 1000;

/** `since`/`until` of the summary and the listing: when the detractor was skipped. */
export class CaseSkipPeriodQuery {
  @ApiPropertyOptional({ description: 'skipped at or after (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'since must be an ISO 8601 date or date-time' })
  since?: string;

  @ApiPropertyOptional({ description: 'skipped before (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'until must be an ISO 8601 date or date-time' })
  until?: string;
}

export class CaseSkipListQuery extends CaseSkipPeriodQuery {
  @ApiPropertyOptional({ enum: SKIP_REASONS })
  @IsOptional()
  @IsIn(SKIP_REASONS, { message: `reason must be one of ${SKIP_REASONS.join(', ')}` })
  reason?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: "the previous page's nextCursor, with the same filters" })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  cursor?: string;
}

export class CaseSkipSummaryDto {
  @ApiProperty({ description: 'skips in the period' }) total!: number;
  @ApiProperty({
    description: 'skips per reason; every reason is present, 0 when none',
    example: { ANSWER_TOO_OLD: 3, SOURCE_EXCLUDED: 0, CHANNEL_EXCLUDED: 0, HOLDOUT: 1, RECOVERY_SURVEY: 0 },
  })
  byReason!: Record<string, number>;
  @ApiProperty({ nullable: true, type: String }) since!: string | null;
  @ApiProperty({ nullable: true, type: String }) until!: string | null;
}

export class CaseSkipItemDto {
  @ApiProperty() id!: string;
  @ApiProperty() responseId!: string;
  @ApiProperty() customerId!: string;
  @ApiProperty({ enum: SKIP_REASONS }) reason!: string;
  @ApiProperty({ example: 'answer older than 14 days' }) detail!: string;
  @ApiProperty() policyVersion!: number;
  @ApiProperty({ description: 'for the holdout: the team routing chose; else empty' }) teamId!: string;
  @ApiProperty({ minimum: 0, maximum: 6 }) score!: number;
  @ApiProperty(NULLABLE_ISO_TIME) answeredAt!: string | null;
  @ApiProperty() touchpointType!: string;
  @ApiProperty({ description: 'source name, empty when unspecified' }) source!: string;
  @ApiProperty({ description: 'channel name, empty when unspecified' }) channel!: string;
  @ApiProperty(ISO_TIME) skippedAt!: string;
}

/** One page of `GET /case-skips`, newest first (like `GET /cases`, ADR 0027). */
export class CaseSkipPageDto {
  @ApiProperty({ type: [CaseSkipItemDto] }) items!: CaseSkipItemDto[];
  @ApiProperty({ description: 'skips matching the filters among those recorded before the first page' })
  total!: number;
  @ApiProperty({ nullable: true, type: String, description: 'pass as `cursor` for the next page; null on the last' })
  nextCursor!: string | null;
}
