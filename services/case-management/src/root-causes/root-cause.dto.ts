import { ApiProperty } from '@nestjs/swagger';

/** A root cause a resolution may confirm: a tag of the newest taxonomy version received (ADR 0012). */
export class RootCauseDto {
  @ApiProperty({ example: 'delivery' }) tagId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() taxonomyVersion!: number;
}
