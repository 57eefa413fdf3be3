import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { PRIORITIES, type Priority } from './priority';

export class PutSlaPolicyDto {
  @ApiProperty({ example: 240, description: 'working minutes until the customer must be contacted' })
  @IsInt()
  @Min(1)
  @Max(525600)
  firstContactMinutes: number;

  @ApiProperty({ example: 960, description: 'working minutes until the case must be resolved' })
  @IsInt()
  @Min(1)
  @Max(525600)
  resolutionMinutes: number;
}

/** The deadlines of one priority (OpenAPI schema of the answers). */
export class SlaPolicyDto extends PutSlaPolicyDto {
  @ApiProperty({ enum: PRIORITIES }) priority!: Priority;
  @ApiProperty() version!: number;
}
