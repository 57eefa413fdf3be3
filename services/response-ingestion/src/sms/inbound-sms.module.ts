import { Module } from '@nestjs/common';
import { AnswersModule } from '../answers/answers.module';
import { InboundSmsController } from './inbound-sms.controller';

@Module({ imports: [AnswersModule], controllers: [InboundSmsController] })
export class InboundSmsModule {}
