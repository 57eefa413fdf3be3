import { ApiProperty } from '@nestjs/swagger';

/** Candidate and model in use on the same held-out set (ADR 0057). */
export class HeldOutComparisonDto {
  @ApiProperty({ description: 'micro-F1 of the candidate' }) f1!: number;
  @ApiProperty({ description: 'micro-F1 of the model in use' }) f1InUse!: number;
  @ApiProperty({ description: 'standard error of f1 - f1InUse (jackknife)' }) f1DifferenceError!: number;
  @ApiProperty({ description: 'held-out confirmed root causes the candidate finds' }) confirmedFound!: number;
  @ApiProperty({ description: 'held-out confirmed root causes the model in use finds' }) confirmedFoundInUse!: number;
}

/** `POST /model/retrain`: whether the candidate was promoted, and what that was decided on. */
export class RetrainSummaryDto {
  @ApiProperty() promoted!: boolean;
  @ApiProperty({ description: 'the model version in use after the run' }) modelVersion!: number;
  @ApiProperty() candidateF1!: number;
  @ApiProperty() inUseF1!: number;
  @ApiProperty({ type: HeldOutComparisonDto }) comparison!: HeldOutComparisonDto;
  @ApiProperty() confirmedExamples!: number;
  @ApiProperty() heldOutExamples!: number;
}
