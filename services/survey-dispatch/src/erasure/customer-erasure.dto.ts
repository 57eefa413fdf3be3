import { ApiProperty } from '@nestjs/swagger';

export class CustomerErasureDto {
  @ApiProperty({ example: 'c-42' })
  customerId!: string;

  @ApiProperty({ description: 'When the customer was first erased; a repeated request keeps it', format: 'date-time' })
  erasedAt!: string;

  @ApiProperty({ description: 'Whether this request found (and deleted) a data key' })
  keyDeleted!: boolean;

  @ApiProperty({
    description: "Rows of survey-dispatch's own tables this request deleted or blanked, per table",
    example: { customers: 1, withdrawnSurveyRequests: 0, surveyRequests: 0, promoterFollowUps: 0 },
  })
  rows!: Record<string, number>;
}
