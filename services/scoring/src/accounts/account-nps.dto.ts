import { ApiProperty } from '@nestjs/swagger';
import { ISO_DAY } from '@nps/runtime';
import { NpsSummaryDto } from '../nps/nps-answer.dto';

/** One B2B account's NPS over the period. */
export class AccountNpsRowDto extends NpsSummaryDto {
  @ApiProperty({ description: "the customers' account_id" }) accountId!: string;
  @ApiProperty({ description: 'customers of the account who answered' }) customers!: number;
}

/** `GET /nps/accounts`. */
export class AccountNpsAnswerDto {
  @ApiProperty(ISO_DAY) from!: string;
  @ApiProperty(ISO_DAY) to!: string;
  @ApiProperty({ example: 'UTC' }) timeZone!: string;
  @ApiProperty({
    type: [AccountNpsRowDto],
    description: 'worst first; at most `limit`, each with at least `minN` answers',
  })
  rows!: AccountNpsRowDto[];
}
