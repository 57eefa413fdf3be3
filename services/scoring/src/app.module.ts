import { Module } from '@nestjs/common';
import { ServiceModule } from '@nps/runtime';
import { ScoringModule } from './scoring.module';
import { service } from './service.definition';

@Module({
  imports: [ServiceModule.forRoot(service), ScoringModule],
})
export class AppModule {}
