import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { Scopes } from '@nps/auth';
import { DispatchError, DispatchErrorCode } from '../errors/dispatch.error';
import { CustomerFileError, readCsvRows, readJsonRows } from './customer-import.parser';
import { CustomerImportReportDto } from './customer-import.report.dto';
import { CustomerImporter } from './customer-importer';

@ApiTags('customers')
@Controller('customers')
export class CustomerImportController {
  constructor(private readonly importer: CustomerImporter) {}

  @Post('import')
  @Scopes('customers:write')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import customers and their contact details from CSV or JSON',
    description:
      'Good rows are upserted and published as `customer upserted` (without email or phone); bad rows are reported ' +
      'with line, field and reason. CSV: header row with customer_id, name, email, phone, language, segment, region, ' +
      'account_owner, account_id (B2B customer organisation), tier, time_zone, opt_outs ("all" or "email|sms"), ' +
      'preferred_channel, webhook_url and ' +
      'attr.<name> columns. JSON: an array of objects with the same fields in camelCase and `attributes` as an ' +
      'object.',
  })
  @ApiConsumes('text/csv', 'application/json')
  @ApiBody({
    schema: {
      oneOf: [
        { type: 'string', description: 'CSV text' },
        { type: 'array', items: { type: 'object' } },
      ],
    },
  })
  @ApiOkResponse({ type: CustomerImportReportDto })
  @ApiBadRequestResponse({ description: 'UNREADABLE_IMPORT: the file as a whole cannot be read; nothing was stored' })
  @ApiUnsupportedMediaTypeResponse({ description: 'UNSUPPORTED_CONTENT_TYPE: send text/csv or application/json' })
  async import(@Body() body: unknown, @Headers('content-type') contentType = ''): Promise<CustomerImportReportDto> {
    try {
      if (/^text\/(csv|plain)/i.test(contentType)) {
        if (typeof body !== 'string')
          throw new DispatchError(DispatchErrorCode.UnreadableImport, 'the body is empty: send CSV text', [
            { line: 0, field: 'file', reason: 'is empty' },
          ]);
        return await this.importer.import(readCsvRows(body));
      }
      if (/^application\/json/i.test(contentType)) return await this.importer.import(readJsonRows(body));
    } catch (error) {
      if (error instanceof CustomerFileError)
        throw new DispatchError(DispatchErrorCode.UnreadableImport, error.message, [error.problem]);
      throw error;
    }
    throw new DispatchError(
      DispatchErrorCode.UnsupportedContentType,
      `Content-Type must be text/csv or application/json, not "${contentType}"`,
    );
  }
}
