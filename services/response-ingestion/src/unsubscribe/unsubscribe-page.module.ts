import { Module } from '@nestjs/common';
import { OptOutsModule } from '../opt-outs/opt-outs.module';
import { UnsubscribePageController } from './unsubscribe-page.controller';
import { UnsubscribePageRenderer } from './unsubscribe-page.renderer';

@Module({
  imports: [OptOutsModule],
  controllers: [UnsubscribePageController],
  providers: [UnsubscribePageRenderer],
})
export class UnsubscribePageModule {}
