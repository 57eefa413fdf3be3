import { ApiProperty } from '@nestjs/swagger';
import { ISO_DAY, ISO_TIME, NULLABLE_STRING } from '@nps/runtime';
import { NpsComparisonDto, NpsSummaryDto } from '../nps/nps-answer.dto';

/** What scoring knows of the action: its scope and release. */
export class EffectImprovementActionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ ...NULLABLE_STRING, description: 'null until the opened event arrived' }) title!: string | null;
  @ApiProperty({ example: 'delivery' }) rootCauseTagId!: string;
  @ApiProperty({ ...NULLABLE_STRING, description: 'the touchpoint type measured; null for all' }) touchpointType!:
    string | null;
  @ApiProperty({ ...NULLABLE_STRING, description: 'the segment measured; null for all' }) segment!: string | null;
  @ApiProperty({ enum: ['open', 'released', 'closed'], description: 'released or closed: an open one answers 409' })
  status!: string;

  @ApiProperty(ISO_TIME) releasedAt!: string;
}

export class EffectRootCauseDto {
  @ApiProperty({ description: "detractors of the scope tagged with the action's root cause" }) detractors!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    minimum: 0,
    maximum: 100,
    description: "their share of the scope's detractors, in %; null without detractors",
  })
  detractorShare!: number | null;
}

/** One window of whole local days around the release day. */
export class EffectSideDto {
  @ApiProperty({ ...ISO_DAY, nullable: true, description: 'null when the window has no day yet' }) from!: string | null;
  @ApiProperty({ ...ISO_DAY, nullable: true, description: 'null when the window has no day yet' }) to!: string | null;
  @ApiProperty({ description: 'days so far; the window after is cut at today' }) days!: number;
  @ApiProperty({ type: NpsSummaryDto, nullable: true, description: "the scope's NPS; null without answers of it" })
  nps!: NpsSummaryDto | null;

  @ApiProperty({ type: EffectRootCauseDto }) rootCause!: EffectRootCauseDto;
}

/** Two-proportion z test of a share. */
export class ProportionComparisonDto {
  @ApiProperty({ description: 'second share minus first, in percentage points' }) change!: number;
  @ApiProperty() z!: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) pValue!: number;
  @ApiProperty() significant95!: boolean;
}

export class EffectChangeDto {
  @ApiProperty({
    type: NpsComparisonDto,
    nullable: true,
    description: "/nps/compare's test; null when a side has no answers",
  })
  nps!: NpsComparisonDto | null;

  @ApiProperty({
    type: ProportionComparisonDto,
    nullable: true,
    description: "the root cause's share of detractors; null when a side has no detractors",
  })
  rootCauseDetractorShare!: ProportionComparisonDto | null;
}

/** `GET /improvement-actions/{id}/effect` (docs/outer-loop.md). */
export class ImprovementEffectDto {
  @ApiProperty({ type: EffectImprovementActionDto }) improvementAction!: EffectImprovementActionDto;
  @ApiProperty({ example: 'UTC' }) timeZone!: string;
  @ApiProperty() windowDays!: number;
  @ApiProperty({ ...ISO_DAY, description: 'local day of the release; in neither window' }) releaseDay!: string;
  @ApiProperty({ type: EffectSideDto }) before!: EffectSideDto;
  @ApiProperty({ type: EffectSideDto }) after!: EffectSideDto;
  @ApiProperty({ type: EffectChangeDto }) change!: EffectChangeDto;
  @ApiProperty({ description: 'the comparison in words, with its significance' }) sentence!: string;
}
