import { ApiProperty } from '@nestjs/swagger';
import type { ErasedRows } from './customer-data.writer';

/** What an erasure deleted or blanked in survey-dispatch's own tables, per table. */
export class ErasedRowsDto implements ErasedRows {
  @ApiProperty({ type: 'integer', description: 'The customer row (contact, addresses), deleted: 0 or 1' })
  customers!: number;

  @ApiProperty({ type: 'integer', description: 'Touchpoints held for an import, deleted (ADR 0066)' })
  heldTouchpoints!: number;

  @ApiProperty({ type: 'integer', description: 'Surveys not sent yet, withdrawn: they never go' })
  withdrawnSurveyRequests!: number;

  @ApiProperty({
    type: 'integer',
    description: 'Survey requests whose delivery error was blanked or whose pending reminder was dropped',
  })
  surveyRequests!: number;

  @ApiProperty({ type: 'integer', description: 'Promoter follow-ups whose target and detail were blanked' })
  promoterFollowUps!: number;
}

export class CustomerErasureDto {
  @ApiProperty({ example: 'c-42' })
  customerId!: string;

  @ApiProperty({ description: 'When the customer was first erased; a repeated request keeps it', format: 'date-time' })
  erasedAt!: string;

  @ApiProperty({ description: 'Whether this request found (and deleted) a data key' })
  keyDeleted!: boolean;

  @ApiProperty({ type: ErasedRowsDto, description: 'Rows this request deleted or blanked' })
  rows!: ErasedRowsDto;
}
