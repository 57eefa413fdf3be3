import './instrument';
import { runHttpService } from '@nps/runtime';
import { useApiProxies } from './api-proxy/api.proxy';
import { AppModule } from './app.module';
import { consoleCsp } from './console-config/console.csp';
import { OpsConsoleEnv } from './ops-console.env';
import { useSinglePageApp } from './spa/single-page-app';

void runHttpService(AppModule, {
  name: 'ops-console',
  env: OpsConsoleEnv,
  csp: consoleCsp,
  configure: (app, env) => {
    useApiProxies(app, env);
    useSinglePageApp(app, env);
  },
});
