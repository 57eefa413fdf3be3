import './instrument';
import { runService } from '@nps/runtime';
import { AppModule } from './app.module';
import { setupOpenApi } from './openapi/openapi.setup';
import { service } from './service.definition';

void runService(AppModule, { ...service, configure: setupOpenApi });
