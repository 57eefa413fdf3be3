import { ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNEL_NAMES } from '@nps/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsTimeZone,
  Matches,
  MaxLength,
} from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const commaList = Transform(({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((part) => part.trim()) : value,
);
const list = (what: string) => ({ type: String, description: `${what}; comma-separated for several (any of them)` });

/** Filters shared by `/nps`, `/nps/compare` and `/nps/drivers`. */
export class NpsFilterDto {
  @ApiPropertyOptional({ description: 'first local day, inclusive (YYYY-MM-DD) in timeZone', example: '2025-01-01' })
  @IsOptional()
  @Matches(DAY, { message: '$property must be a day as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '$property must be a real calendar day' })
  from?: string;

  @ApiPropertyOptional({ description: 'last local day, inclusive (YYYY-MM-DD) in timeZone', example: '2025-12-31' })
  @IsOptional()
  @Matches(DAY, { message: '$property must be a day as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '$property must be a real calendar day' })
  to?: string;

  @ApiPropertyOptional({
    description: 'IANA time zone the days and intervals are in; one of ROLLUP_TIME_ZONES',
    default: 'UTC',
  })
  @IsOptional()
  @IsTimeZone({ message: '$property must be an IANA time zone such as Europe/Amsterdam' })
  timeZone: string = 'UTC';

  @ApiPropertyOptional(list('kind of touchpoint, e.g. order-delivered'))
  @IsOptional()
  @commaList
  @IsArray()
  @ArrayNotEmpty()
  @IsString({ each: true })
  touchpointType?: string[];

  @ApiPropertyOptional({ ...list(`channel: ${CHANNEL_NAMES.join(', ')}`) })
  @IsOptional()
  @commaList
  @IsArray()
  @IsIn(CHANNEL_NAMES, { each: true, message: `$property must be among ${CHANNEL_NAMES.join(', ')}` })
  channel?: string[];

  @ApiPropertyOptional(list('customer segment, e.g. smb'))
  @IsOptional()
  @commaList
  @IsArray()
  @IsString({ each: true })
  segment?: string[];

  @ApiPropertyOptional(list('sales region, e.g. benelux'))
  @IsOptional()
  @commaList
  @IsArray()
  @IsString({ each: true })
  region?: string[];

  @ApiPropertyOptional(list('service tier, e.g. gold'))
  @IsOptional()
  @commaList
  @IsArray()
  @IsString({ each: true })
  tier?: string[];

  @ApiPropertyOptional(list('survey language, e.g. nl'))
  @IsOptional()
  @commaList
  @IsArray()
  @IsString({ each: true })
  language?: string[];

  @ApiPropertyOptional({ description: 'only responses carrying this root-cause tag, e.g. delivery.late (one tag)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(/^[^,]+$/, { message: '$property takes one tag id' })
  tag?: string;
}
