import { Module } from '@nestjs/common';
import { ServiceModule } from '@nps/runtime';
import { service } from './service.definition';

@Module({
  imports: [ServiceModule.forRoot(service)],
})
export class AppModule {}
