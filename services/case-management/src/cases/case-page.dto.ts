import { ApiProperty } from '@nestjs/swagger';
import { ISO_TIME } from '@nps/runtime';
import { CaseDto } from './case.dto';

/** One case of a listing, as stored plus its next deadline (OpenAPI schema of the answer). */
export class CaseListItemDto extends CaseDto {
  @ApiProperty({ ...ISO_TIME, description: 'first contact until the customer was reached, then resolution' })
  nextDueAt!: string;
}

/** One page of `GET /cases` (ADR 0027). */
export class CasePageDto {
  @ApiProperty({ type: [CaseListItemDto] }) items!: CaseListItemDto[];

  @ApiProperty({
    description:
      'cases matching the filters among those opened before the listing started (its first page), counted when ' +
      'this page was read',
  })
  total!: number;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'pass as `cursor` with the same filters and sort for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
