import { ApiProperty } from '@nestjs/swagger';
import { ISO_TIME, NULLABLE_ISO_TIME } from '@nps/runtime';

/** What the recovery re-survey of a followed-up case measured (RecoveryMeasured, docs/outer-loop.md). */
export class CaseRecoveryDto {
  @ApiProperty() recoveryResponseId!: string;
  @ApiProperty({ minimum: 0, maximum: 10 }) firstScore!: number;
  @ApiProperty({ minimum: 0, maximum: 10 }) recoveryScore!: number;
  @ApiProperty({ description: 're-survey score minus first score' }) change!: number;
  @ApiProperty(NULLABLE_ISO_TIME) answeredAt!: string | null;
  @ApiProperty(ISO_TIME) measuredAt!: string;
}
