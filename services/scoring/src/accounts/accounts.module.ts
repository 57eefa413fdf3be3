import { Module } from '@nestjs/common';
import { AccountNpsController } from './account-nps.controller';
import { AccountNpsReader } from './account-nps.reader';

/** NPS per B2B account (docs/outer-loop.md, Accounts). */
@Module({ controllers: [AccountNpsController], providers: [AccountNpsReader] })
export class AccountsModule {}
