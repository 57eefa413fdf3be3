import './instrument';
import { runService } from '@nps/runtime';
import { AppModule } from './app.module';
import { setUpOpenApi } from './openapi/openapi.setup';
import { service } from './service.definition';

void runService(AppModule, { ...service, configure: setUpOpenApi });
