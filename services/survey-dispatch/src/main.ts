import './instrument';
import { runService } from '@nps/runtime';
import { AppModule } from './app.module';
import { configureHttp } from './http/http.setup';
import { service } from './service.definition';

void runService(AppModule, { ...service, configure: configureHttp });
