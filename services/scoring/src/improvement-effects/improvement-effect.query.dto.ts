import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsTimeZone, Max, Min } from 'class-validator';

/** Four weeks: long enough for a weekly rhythm to even out, short enough to see a fix soon. */
export const DEFAULT_WINDOW_DAYS = 28;

export class ImprovementEffectQueryDto {
  @ApiPropertyOptional({
    description: 'length of the windows before and after the release day, in local days',
    default: DEFAULT_WINDOW_DAYS,
    minimum: 1,
    maximum: 366,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be a whole number of days' })
  @Min(1)
  @Max(366)
  windowDays: number = DEFAULT_WINDOW_DAYS;

  @ApiPropertyOptional({ description: 'IANA time zone of the days; one of ROLLUP_TIME_ZONES', default: 'UTC' })
  @IsOptional()
  @IsTimeZone({ message: '$property must be an IANA time zone such as Europe/Amsterdam' })
  timeZone: string = 'UTC';
}
