import { ApiProperty } from '@nestjs/swagger';

/** `POST /tagging/retag`: how many comments were re-tagged, and with which versions. */
export class RetagSummaryDto {
  @ApiProperty({ description: 'comments re-tagged, each published as `response tagged` again' }) retagged!: number;
  @ApiProperty() taxonomyVersion!: number;
  @ApiProperty() modelVersion!: number;
}
