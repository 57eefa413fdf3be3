import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RECOVERY_GROUPINGS, type RecoveryGrouping } from './recovery-query.dto';

const nullableDay = { type: String, format: 'date', nullable: true };
const score = { minimum: 0, maximum: 10 };

/** Measured recoveries of one group (followed up or held out). */
export class GroupRecoveryDto {
  @ApiProperty({ minimum: 1 }) n!: number;
  @ApiProperty(score) meanFirstScore!: number;
  @ApiProperty(score) meanRecoveryScore!: number;
  @ApiProperty({ description: 'mean of re-survey score − first score' }) meanChange!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'sample SD of the change; null below 2 measurements' })
  sd!: number | null;

  @ApiProperty({ minimum: 0, maximum: 100, description: 're-survey scores of 9–10, in %' }) promoterPct!: number;
}

/** Followed up against holdout: Welch's t test on the mean change (docs/nps-statistics.md). */
export class RecoveryUpliftDto {
  @ApiProperty({ description: 'mean change of followed up minus that of the holdout, in score points' })
  uplift!: number;

  @ApiProperty() standardError!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Welch–Satterthwaite degrees of freedom; null (infinite) when every change is equal within each group',
  })
  df!: number | null;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'null (infinite) when every change is equal within each group and the groups differ',
  })
  t!: number | null;

  @ApiProperty({ type: [Number], minItems: 2, maxItems: 2, description: '95% interval of the uplift [low, high]' })
  interval95!: number[];

  @ApiProperty({ minimum: 0, maximum: 1 }) pValue!: number;
  @ApiProperty() significant95!: boolean;
  @ApiProperty({ example: 'followed up vs holdout: up 3.5 points, significant at 95% (p = 0.004)' })
  sentence!: string;
}

/** `{}` without groupBy, `{ team }` or `{ rootCause }`. */
export class RecoveryGroupDto {
  @ApiPropertyOptional({ description: 'the team that followed up; for the holdout, the team routing chose' })
  team?: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'a root-cause tag id; null for untagged answers' })
  rootCause?: string | null;
}

export class RecoveryRowDto {
  @ApiProperty({ type: RecoveryGroupDto }) group!: RecoveryGroupDto;
  @ApiProperty({ type: GroupRecoveryDto, nullable: true, description: 'null without measurements' })
  followedUp!: GroupRecoveryDto | null;

  @ApiProperty({ type: GroupRecoveryDto, nullable: true, description: 'null without measurements' })
  holdout!: GroupRecoveryDto | null;

  @ApiProperty({ type: RecoveryUpliftDto, nullable: true, description: 'null until both groups have 2 measurements' })
  uplift!: RecoveryUpliftDto | null;
}

/** `GET /nps/recovery`. */
export class RecoveryAnswerDto {
  @ApiProperty({ ...nullableDay, description: 'as asked; null when not' }) from!: string | null;
  @ApiProperty({ ...nullableDay, description: 'as asked; null when not' }) to!: string | null;
  @ApiProperty({ example: 'UTC' }) timeZone!: string;
  @ApiProperty({ enum: RECOVERY_GROUPINGS, nullable: true }) groupBy!: RecoveryGrouping | null;
  @ApiProperty({ type: [RecoveryRowDto], description: 'by group (untagged last); none without measurements' })
  rows!: RecoveryRowDto[];
}
