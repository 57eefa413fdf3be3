import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ISO_DAY } from '@nps/runtime';
import { INTERVALS, type Interval } from './dimensions';

const day = { ...ISO_DAY, example: '2025-01-01' };
const pct = { minimum: 0, maximum: 100, description: 'in %' };
const points = { minimum: -100, maximum: 100 };
const list = (what: string) => ({ type: String, isArray: true, description: `${what}; any of them` });

/** NPS of a set of answers with its statistics (docs/nps-statistics.md); a set without answers has none. */
export class NpsSummaryDto {
  @ApiProperty() promoters!: number;
  @ApiProperty() passives!: number;
  @ApiProperty() detractors!: number;
  @ApiProperty({ minimum: 1, description: 'answers; at least 1' }) n!: number;
  @ApiProperty(pct) promoterPct!: number;
  @ApiProperty(pct) passivePct!: number;
  @ApiProperty(pct) detractorPct!: number;
  @ApiProperty(points) nps!: number;
  @ApiProperty({ description: 'standard error of the NPS, in NPS points' }) standardError!: number;
  @ApiProperty({ description: '1.96 · standardError' }) marginOfError95!: number;
  @ApiProperty({
    type: [Number],
    minItems: 2,
    maxItems: 2,
    description: 'adjusted-Wald 95% interval [low, high] (Rocks 2016), clamped to [−100, 100]',
  })
  interval95!: number[];

  @ApiProperty({ description: 'n below lowSampleBelow (30)' }) lowSample!: boolean;
}

/** The group of a row: one field per `groupBy` dimension, with the value the answers have ('' when unknown). */
export class NpsGroupDto {
  @ApiPropertyOptional() touchpointType?: string;
  @ApiPropertyOptional() channel?: string;
  @ApiPropertyOptional() segment?: string;
  @ApiPropertyOptional() region?: string;
  @ApiPropertyOptional() tier?: string;
  @ApiPropertyOptional() language?: string;
  @ApiPropertyOptional({ description: 'a root-cause tag id' }) tag?: string;
}

export class NpsRowDto extends NpsSummaryDto {
  @ApiProperty({ ...day, nullable: true, description: 'first local day of the interval; null without `interval`' })
  period!: string | null;

  @ApiProperty({ type: NpsGroupDto, description: '{} without `groupBy`' }) group!: NpsGroupDto;
}

/** `GET /nps`: one row per (period, group) with answers. */
export class NpsAnswerDto {
  @ApiProperty({ example: 'Europe/Amsterdam' }) timeZone!: string;
  @ApiProperty({ enum: INTERVALS, nullable: true, description: 'null without `interval`: one row per group' })
  interval!: Interval | null;

  @ApiProperty({ example: 30, description: 'rows with fewer answers are flagged lowSample' }) lowSampleBelow!: number;
  @ApiProperty({ type: [NpsRowDto], description: 'oldest period first; groups without answers have no row' })
  rows!: NpsRowDto[];
}

/** Whether NPS changed from the first side to the second: a two-sided z test on the difference. */
export class NpsComparisonDto {
  @ApiProperty({ description: 'second NPS minus first, in points' }) delta!: number;
  @ApiProperty({ description: 'standard error of the difference' }) standardError!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'null when infinite: both sides have a standard error of 0 (all answers alike) and differ',
  })
  z!: number | null;

  @ApiProperty({ minimum: 0, maximum: 1, description: 'two-sided' }) pValue!: number;
  @ApiProperty() significant95!: boolean;
  @ApiProperty({ example: 'up 15 points, significant at 95% (p = 0.012)' }) sentence!: string;
}

/** The filters of one side of a comparison, as applied (`timeZone` defaulted, lists split). */
export class NpsSideFilterDto {
  @ApiPropertyOptional(day) from?: string;
  @ApiPropertyOptional(day) to?: string;
  @ApiProperty({ example: 'UTC' }) timeZone!: string;
  @ApiPropertyOptional(list('touchpoint types')) touchpointType?: string[];
  @ApiPropertyOptional(list('channels')) channel?: string[];
  @ApiPropertyOptional(list('segments')) segment?: string[];
  @ApiPropertyOptional(list('regions')) region?: string[];
  @ApiPropertyOptional(list('tiers')) tier?: string[];
  @ApiPropertyOptional(list('languages')) language?: string[];
  @ApiPropertyOptional({ description: 'a root-cause tag id' }) tag?: string;
}

export class NpsSideDto {
  @ApiProperty({ type: NpsSideFilterDto }) filter!: NpsSideFilterDto;
  @ApiProperty({ type: NpsSummaryDto, nullable: true, description: 'null when the side has no answers' })
  summary!: NpsSummaryDto | null;
}

/** `GET /nps/compare`. */
export class NpsCompareAnswerDto {
  @ApiProperty({ type: NpsSideDto }) first!: NpsSideDto;
  @ApiProperty({ type: NpsSideDto, description: 'the first side with each `versus…` parameter applied' })
  second!: NpsSideDto;

  @ApiProperty({ type: NpsComparisonDto, nullable: true, description: 'null when a side has no answers' })
  change!: NpsComparisonDto | null;
}
