import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsTimeZone, Matches, Max, Min } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `GET /nps/accounts`: the period, and how many accounts to list. */
export class AccountNpsQueryDto {
  @ApiPropertyOptional({ description: 'first local day, inclusive (YYYY-MM-DD); default: 89 days before `to`' })
  @IsOptional()
  @Matches(DAY, { message: '$property must be a day as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '$property must be a real calendar day' })
  from?: string;

  @ApiPropertyOptional({ description: 'last local day, inclusive (YYYY-MM-DD); default: today in timeZone' })
  @IsOptional()
  @Matches(DAY, { message: '$property must be a day as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '$property must be a real calendar day' })
  to?: string;

  @ApiPropertyOptional({
    description: 'IANA time zone the days are in (any zone: this is not a rollup)',
    default: 'UTC',
  })
  @IsOptional()
  @IsTimeZone({ message: '$property must be an IANA time zone such as Europe/Amsterdam' })
  timeZone: string = 'UTC';

  @ApiPropertyOptional({ description: 'only accounts with at least this many answers in the period', default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be a whole number' })
  @Min(1)
  @Max(100000)
  minN: number = 1;

  @ApiPropertyOptional({ description: 'at most this many accounts, worst first', default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be a whole number' })
  @Min(1)
  @Max(1000)
  limit: number = 100;
}
