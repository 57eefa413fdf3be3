import { ApiProperty } from '@nestjs/swagger';
import { ISO_TIME } from '@nps/runtime';

const hours = { nullable: true, type: Number, description: 'null when no case got this far' };

export class HoursPercentilesDto {
  @ApiProperty(hours) p50!: number | null;
  @ApiProperty(hours) p90!: number | null;
}

/** A share with its sample, so a reader sees how many cases stand behind it. */
export class MetricShareDto {
  @ApiProperty({ nullable: true, type: Number, minimum: 0, maximum: 1, description: 'null when `of` is 0' })
  share!: number | null;

  @ApiProperty({ description: 'how many cases the share is of' }) of!: number;
}

export class SlaAttainmentDto {
  @ApiProperty({ type: MetricShareDto, description: 'contacted in time, of the cases contacted or past due' })
  firstContact!: MetricShareDto;

  @ApiProperty({ type: MetricShareDto, description: 'resolved in time, of the cases resolved or past due' })
  resolution!: MetricShareDto;
}

/** The closed loop of one team over the cases opened in the period. */
export class TeamLoopMetricsDto {
  @ApiProperty() teamId!: string;
  @ApiProperty() casesOpened!: number;
  @ApiProperty() casesContacted!: number;
  @ApiProperty() casesResolved!: number;
  @ApiProperty({ type: HoursPercentilesDto }) timeToFirstContactHours!: HoursPercentilesDto;
  @ApiProperty({ type: HoursPercentilesDto }) timeToResolutionHours!: HoursPercentilesDto;
  @ApiProperty({ type: SlaAttainmentDto }) slaAttainment!: SlaAttainmentDto;
  @ApiProperty({ type: MetricShareDto, description: 'recovered, of the cases with an outcome' })
  recoveredShare!: MetricShareDto;
}

/** A root cause confirmed at resolution. */
export class RootCauseLoopMetricsDto {
  @ApiProperty() rootCauseTagId!: string;
  @ApiProperty() cases!: number;
  @ApiProperty({ description: 'of those cases, how many customers were recovered' }) recovered!: number;
}

/** `GET /metrics/loop`: per team and per root cause, over cases opened in [from, to). */
export class LoopMetricsDto {
  @ApiProperty(ISO_TIME) from!: string;
  @ApiProperty(ISO_TIME) to!: string;
  @ApiProperty({ type: [TeamLoopMetricsDto], description: 'teams with cases in the period, by team id' })
  teams!: TeamLoopMetricsDto[];

  @ApiProperty({ type: [RootCauseLoopMetricsDto], description: 'most cases first' })
  rootCauses!: RootCauseLoopMetricsDto[];
}
