import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AuthModule } from '@nps/auth';
import { PrivacyModule } from '@nps/privacy';
import { CustomerErasureModule, CustomerExportModule, ServiceModule } from '@nps/runtime';
import { CaseResolutionHandler } from './learning/case-resolution.handler';
import { ConfirmedExampleRepository } from './learning/confirmed-example.repository';
import { ModelController } from './model/model.controller';
import { ModelRepository } from './model/model.repository';
import { ModelRetrainScheduler } from './model/model-retrain.scheduler';
import { ModelTrainingService } from './model/model-training.service';
import { service } from './service.definition';
import { CommentTaggingHandler } from './tagging/comment-tagging.handler';
import { CommentTaggingService } from './tagging/comment-tagging.service';
import { TaggedCommentRepository } from './tagging/tagged-comment.repository';
import { TaggerRegistry } from './tagging/tagger.registry';
import { TaggingController } from './tagging/tagging.controller';
import { TaxonomyController } from './taxonomy/taxonomy.controller';
import { TaxonomyRepository } from './taxonomy/taxonomy.repository';
import { TaxonomyService } from './taxonomy/taxonomy.service';
import { CUSTOMER_DATA } from './customer-export/customer-data.catalog';

@Module({
  imports: [
    ServiceModule.forRoot(service),
    PrivacyModule.forRoot(),
    AuthModule.forRoot(),
    ScheduleModule.forRoot(),
    CustomerExportModule.forService(CUSTOMER_DATA),
    CustomerErasureModule.forService(CUSTOMER_DATA),
  ],
  controllers: [CommentTaggingHandler, CaseResolutionHandler, TaggingController, TaxonomyController, ModelController],
  providers: [
    TaggerRegistry,
    CommentTaggingService,
    TaggedCommentRepository,
    TaxonomyRepository,
    TaxonomyService,
    ModelRepository,
    ModelTrainingService,
    ModelRetrainScheduler,
    ConfirmedExampleRepository,
  ],
})
export class AppModule {}
