import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { AnswersModule } from '../answers/answers.module';
import { OptOutsModule } from '../opt-outs/opt-outs.module';
import { InboundSmsController } from './inbound-sms.controller';
import { SmsSignatureMiddleware } from './sms-signature.middleware';

@Module({ imports: [AnswersModule, OptOutsModule], controllers: [InboundSmsController] })
export class InboundSmsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(SmsSignatureMiddleware).forRoutes({ path: 'sms/inbound', method: RequestMethod.POST });
  }
}
