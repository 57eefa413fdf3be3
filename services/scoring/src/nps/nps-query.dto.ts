import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsIn, IsOptional } from 'class-validator';
import { type Dimension, DIMENSIONS, type Interval, INTERVALS } from './dimensions';
import { NpsFilterDto } from './nps-filter.dto';

/** `GET /nps`: filters, an optional interval and optional grouping. */
export class NpsQueryDto extends NpsFilterDto {
  @ApiPropertyOptional({
    enum: INTERVALS,
    description: 'one row per local day, ISO week (from Monday), month or quarter; none: one row for the whole period',
  })
  @IsOptional()
  @IsIn(INTERVALS, { message: `$property must be one of ${INTERVALS.join(', ')}` })
  interval?: Interval;

  @ApiPropertyOptional({ type: String, description: `comma-separated dimensions among ${DIMENSIONS.join(', ')}` })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((part) => part.trim()) : value,
  )
  @IsArray()
  @IsIn(DIMENSIONS, { each: true, message: `$property must list dimensions among ${DIMENSIONS.join(', ')}` })
  groupBy?: Dimension[];
}
