import { Module } from '@nestjs/common';
import { AuthModule } from '@nps/auth';
import { ServiceModule } from '@nps/runtime';
import { AccountsModule } from './accounts/accounts.module';
import { ImprovementEffectsModule } from './improvement-effects/improvement-effects.module';
import { ScoringModule } from './scoring.module';
import { service } from './service.definition';

@Module({
  imports: [
    ServiceModule.forRoot(service),
    AuthModule.forRoot(),
    ScoringModule,
    ImprovementEffectsModule,
    AccountsModule,
  ],
})
export class AppModule {}
