import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles, Scopes } from '@nps/auth';
import { DateTime } from 'luxon';
import { NpsQueryError, NpsQueryErrorCode } from '../nps/nps-query.error';
import { AccountNpsAnswerDto } from './account-nps.dto';
import { AccountNpsQueryDto } from './account-nps.query.dto';
import { rankAccounts } from './account-nps.ranking';
import { AccountNpsReader } from './account-nps.reader';

const DEFAULT_DAYS = 90;

@ApiTags('nps')
@Roles('analyst', 'lead', 'admin')
@Scopes('nps:read')
@Controller('nps/accounts')
export class AccountNpsController {
  constructor(private readonly reader: AccountNpsReader) {}

  @Get()
  @ApiOperation({
    summary: 'NPS per B2B account (customer organisation) over a period, worst first, with n and margin of error',
  })
  @ApiOkResponse({
    type: AccountNpsAnswerDto,
    description: '`rows`: accountId, customers, counts, shares, nps, standardError, marginOfError95, …',
  })
  @ApiBadRequestResponse({ description: 'a day, the time zone, minN or limit is invalid, or to is before from' })
  async get(@Query() query: AccountNpsQueryDto): Promise<AccountNpsAnswerDto> {
    const to = query.to ?? DateTime.now().setZone(query.timeZone).toFormat('yyyy-MM-dd');
    const from =
      query.from ??
      DateTime.fromISO(to)
        .minus({ days: DEFAULT_DAYS - 1 })
        .toFormat('yyyy-MM-dd');
    if (from > to) throw new NpsQueryError(NpsQueryErrorCode.PERIOD_REVERSED, 'to', 'must not be before from');
    const counts = await this.reader.counts(from, to, query.timeZone);
    return { from, to, timeZone: query.timeZone, rows: rankAccounts(counts, query.minN, query.limit) };
  }
}
