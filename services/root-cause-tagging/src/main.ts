import './instrument';
import { runService } from '@nps/runtime';
import { AppModule } from './app.module';
import { service } from './service.definition';

void runService(AppModule, service);
