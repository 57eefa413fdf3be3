import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsTimeZone, Matches } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const RECOVERY_GROUPINGS = ['team', 'rootCause'] as const;
export type RecoveryGrouping = (typeof RECOVERY_GROUPINGS)[number];

/** `GET /nps/recovery`: which re-survey answers count, and how to split them. */
export class RecoveryQueryDto {
  @ApiPropertyOptional({ description: 're-surveys answered on or after this local day (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(DAY, { message: '$property must be a day as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '$property must be a real calendar day' })
  from?: string;

  @ApiPropertyOptional({ description: 're-surveys answered on or before this local day (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(DAY, { message: '$property must be a day as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '$property must be a real calendar day' })
  to?: string;

  @ApiPropertyOptional({ description: 'IANA time zone of from and to', default: 'UTC' })
  @IsOptional()
  @IsTimeZone({ message: '$property must be an IANA time zone such as Europe/Amsterdam' })
  timeZone: string = 'UTC';

  @ApiPropertyOptional({
    enum: RECOVERY_GROUPINGS,
    description:
      'team: the team that followed up (for the holdout, the team routing chose); rootCause: the root-cause tags of ' +
      'the original detractor answer, a response counting under each of its tags (null: untagged)',
  })
  @IsOptional()
  @IsIn(RECOVERY_GROUPINGS, { message: `$property must be one of ${RECOVERY_GROUPINGS.join(', ')}` })
  groupBy?: RecoveryGrouping;
}
