import { ApiProperty } from '@nestjs/swagger';

/** What the recovery re-survey of a followed-up case measured (RecoveryMeasured, docs/outer-loop.md). */
export class CaseRecoveryDto {
  @ApiProperty() recoveryResponseId!: string;
  @ApiProperty({ minimum: 0, maximum: 10 }) firstScore!: number;
  @ApiProperty({ minimum: 0, maximum: 10 }) recoveryScore!: number;
  @ApiProperty({ description: 're-survey score minus first score' }) change!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) answeredAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) measuredAt!: string;
}
