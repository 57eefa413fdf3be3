import { ApiProperty } from '@nestjs/swagger';
import { ISO_DAY } from '@nps/runtime';
import { NpsSummaryDto } from '../nps/nps-answer.dto';

const share = (of: string) => ({ minimum: 0, maximum: 100, description: `share of all ${of} carrying the tag, in %` });
const nullableNumber = (description: string) => ({ nullable: true, type: Number, description });

/** One root-cause tag's part in the period's NPS (docs/nps-statistics.md, Drivers). */
export class DriverDto {
  @ApiProperty({ example: 'delivery.late' }) tag!: string;
  @ApiProperty({ description: 'answers carrying the tag' }) n!: number;
  @ApiProperty(share('detractors')) detractorShare!: number;
  @ApiProperty(share('passives')) passiveShare!: number;
  @ApiProperty(share('promoters')) promoterShare!: number;
  @ApiProperty({ minimum: -100, maximum: 100, description: 'NPS of the answers carrying the tag' }) nps!: number;
  @ApiProperty(
    nullableNumber('points NPS would gain without the answers carrying the tag; null when every answer carries it'),
  )
  impact!: number | null;

  @ApiProperty(nullableNumber("its share of the previous period's detractors, in %; null without one"))
  previousDetractorShare!: number | null;

  @ApiProperty(nullableNumber('detractorShare − previousDetractorShare, in points; null without previous detractors'))
  detractorShareChange!: number | null;

  @ApiProperty(nullableNumber('two-sided p of that change (two-proportion z test); null likewise'))
  detractorShareChangePValue!: number | null;

  @ApiProperty({ description: 'the share among detractors rose, significantly at 95%' }) rising!: boolean;
}

/** A period of whole local days, both inclusive. */
export class DayPeriodDto {
  @ApiProperty(ISO_DAY) from!: string;
  @ApiProperty(ISO_DAY) to!: string;
}

/** `GET /nps/drivers`. */
export class DriversAnswerDto {
  @ApiProperty({ type: NpsSummaryDto, nullable: true, description: 'null when the period has no answers' })
  overall!: NpsSummaryDto | null;

  @ApiProperty({
    type: DayPeriodDto,
    nullable: true,
    description: 'the same number of days just before from; null without both from and to',
  })
  previousPeriod!: DayPeriodDto | null;

  @ApiProperty({ type: [DriverDto], description: 'largest impact first' }) drivers!: DriverDto[];
}
