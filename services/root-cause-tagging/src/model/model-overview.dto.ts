import { ApiProperty } from '@nestjs/swagger';
import { ISO_TIME } from '@nps/runtime';

const RETRAIN_TRIGGERS = ['on-demand', 'scheduled'];

export class ModelInUseDto {
  @ApiProperty() version!: number;
  @ApiProperty({ example: 'lexicon-logreg-2', description: 'the version string `response tagged` carries' })
  label!: string;
}

/** A promoted model version, without its weights. */
export class ModelVersionDto {
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['initial', ...RETRAIN_TRIGGERS] }) trigger!: string;
  @ApiProperty({ description: 'F1 on the held-out set when it was promoted' }) heldOutF1!: number;
  @ApiProperty() trainingExamples!: number;
  @ApiProperty({ description: 'confirmed root causes it was trained with' }) confirmedExamples!: number;
  @ApiProperty(ISO_TIME) createdAt!: string;
}

/** One retrain, promoted or not. */
export class ModelTrainingRunDto {
  @ApiProperty({ example: '12', description: 'a bigint, as a string' }) id!: string;
  @ApiProperty({ enum: RETRAIN_TRIGGERS }) trigger!: string;
  @ApiProperty() candidateF1!: number;
  @ApiProperty() inUseF1!: number;
  @ApiProperty() inUseVersion!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'null when the candidate was not promoted' })
  promotedVersion!: number | null;

  @ApiProperty() confirmedExamples!: number;
  @ApiProperty(ISO_TIME) ranAt!: string;
}

/** `GET /model`. */
export class ModelOverviewDto {
  @ApiProperty({ type: ModelInUseDto }) inUse!: ModelInUseDto;
  @ApiProperty({ type: [ModelVersionDto], description: 'every promoted version, newest first' })
  versions!: ModelVersionDto[];

  @ApiProperty({ type: [ModelTrainingRunDto], description: 'the latest 20 runs, newest first' })
  runs!: ModelTrainingRunDto[];
}
