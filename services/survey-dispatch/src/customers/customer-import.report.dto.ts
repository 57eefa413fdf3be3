import { ApiProperty } from '@nestjs/swagger';

export class RowProblemDto {
  @ApiProperty({ description: 'CSV line number, or 1-based position in the JSON array' })
  line!: number;

  @ApiProperty({ example: 'email' })
  field!: string;

  @ApiProperty({ example: 'is not an email address' })
  reason!: string;
}

export class CustomerImportReportDto {
  @ApiProperty({ description: 'Rows read from the file' })
  rows!: number;

  @ApiProperty({ description: 'Rows imported (and published)' })
  imported!: number;

  @ApiProperty({ description: 'Rows rejected; nothing of them was stored' })
  rejected!: number;

  @ApiProperty({
    description: 'Valid rows of erased customers: neither stored nor published (docs/privacy.md, "Erasure")',
  })
  erased!: number;

  @ApiProperty({ type: [RowProblemDto] })
  problems!: RowProblemDto[];
}
