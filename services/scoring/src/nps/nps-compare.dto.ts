import { ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNEL_NAMES } from '@nps/contracts';
import { Transform } from 'class-transformer';
import { IsArray, IsIn, IsISO8601, IsOptional, IsString, Matches } from 'class-validator';
import { NpsFilterDto } from './nps-filter.dto';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const commaList = Transform(({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((part) => part.trim()) : value,
);
const versus = (what: string) => ({
  type: String,
  description: `second side: ${what} instead of the first side's; comma-separated for several`,
});

/**
 * `GET /nps/compare`: the filters describe the first side; every `versus…` parameter replaces
 * one of them for the second side (another period, another segment…). At least one is needed.
 */
export class NpsCompareDto extends NpsFilterDto {
  @ApiPropertyOptional({ description: 'second side: first local day (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(DAY, { message: '$property must be a day as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '$property must be a real calendar day' })
  versusFrom?: string;

  @ApiPropertyOptional({ description: 'second side: last local day (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(DAY, { message: '$property must be a day as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: '$property must be a real calendar day' })
  versusTo?: string;

  @ApiPropertyOptional(versus('touchpoint types'))
  @IsOptional()
  @commaList
  @IsArray()
  @IsString({ each: true })
  versusTouchpointType?: string[];

  @ApiPropertyOptional(versus('channels'))
  @IsOptional()
  @commaList
  @IsArray()
  @IsIn(CHANNEL_NAMES, { each: true, message: `$property must be among ${CHANNEL_NAMES.join(', ')}` })
  versusChannel?: string[];

  @ApiPropertyOptional(versus('segments'))
  @IsOptional()
  @commaList
  @IsArray()
  @IsString({ each: true })
  versusSegment?: string[];

  @ApiPropertyOptional(versus('regions'))
  @IsOptional()
  @commaList
  @IsArray()
  @IsString({ each: true })
  versusRegion?: string[];

  @ApiPropertyOptional(versus('tiers'))
  @IsOptional()
  @commaList
  @IsArray()
  @IsString({ each: true })
  versusTier?: string[];

  @ApiPropertyOptional(versus('languages'))
  @IsOptional()
  @commaList
  @IsArray()
  @IsString({ each: true })
  versusLanguage?: string[];

  @ApiPropertyOptional({ description: 'second side: this tag instead of the first side’s' })
  @IsOptional()
  @IsString()
  @Matches(/^[^,]+$/, { message: '$property takes one tag id' })
  versusTag?: string;
}
