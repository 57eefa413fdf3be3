import { Module } from '@nestjs/common';
import { CustomerFactsHandler } from './customers/customer-facts.handler';
import { CustomerRepository } from './customers/customer.repository';
import { NpsController } from './nps/nps.controller';
import { NpsService } from './nps/nps.service';
import { RecoveryModule } from './recovery/recovery.module';
import { ResponseRepository } from './responses/response.repository';
import { ResponseScoringHandler } from './responses/response-scoring.handler';
import { RollupReader } from './rollups/rollup.reader';
import { RollupWriter } from './rollups/rollup.writer';
import { ResponseTagsHandler } from './tags/response-tags.handler';

/** Scoring: the response, customer and tag projections with their rollups, and the NPS API. */
@Module({
  imports: [RecoveryModule],
  controllers: [ResponseScoringHandler, CustomerFactsHandler, ResponseTagsHandler, NpsController],
  providers: [ResponseRepository, CustomerRepository, RollupWriter, RollupReader, NpsService],
  exports: [NpsService],
})
export class ScoringModule {}
