import { ApiProperty } from '@nestjs/swagger';
import { ISO_TIME } from '../api-property.options';

/** What one service holds about one customer: `GET /customers/{customerId}/export` (docs/privacy.md). */
export class CustomerExportDto {
  @ApiProperty({ example: 'case-management' }) service!: string;
  @ApiProperty() customerId!: string;
  @ApiProperty(ISO_TIME) exportedAt!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'object', additionalProperties: true } },
    description: "each kind of the service's data catalog with its rows; a customer it does not know gets them empty",
  })
  data!: Record<string, Record<string, unknown>[]>;
}
