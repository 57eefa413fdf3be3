import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, Scopes } from '@nps/auth';
import { CustomerExportDto } from './customer-export.dto';
import { type CustomerExport, CustomerExportService } from './customer-export.service';

@ApiTags('privacy')
@Roles('admin')
@Scopes('privacy:export')
@Controller('customers')
export class CustomerExportController {
  constructor(private readonly exports: CustomerExportService) {}

  @Get(':customerId/export')
  @ApiOperation({
    summary: 'Everything this service holds about one customer, for an access request (DSAR)',
    description: '`npm run privacy:export` gathers the answers of all five services (docs/privacy.md).',
  })
  @ApiOkResponse({ type: CustomerExportDto, description: 'a customer the service does not know: every kind empty' })
  export(@Param('customerId') customerId: string): Promise<CustomerExport> {
    return this.exports.export(customerId);
  }
}
