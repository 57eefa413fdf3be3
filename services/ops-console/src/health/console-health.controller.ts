import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { Public } from '@nps/auth';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { Response } from 'express';
import { upstreamsOf } from '../api-proxy/api.proxy';
import { OpsConsoleEnv } from '../ops-console.env';
import { webRootOf } from '../spa/single-page-app';

const UPSTREAM_TIMEOUT_MS = 2000;

/**
 * Probes of the console. Ready means it can serve a working page: the built app is there and both
 * services it proxies answer their own liveness probe (their readiness is theirs to report).
 */
// Public, as every service's probes: orchestrators call them without a token.
@Public()
@Controller('health')
export class ConsoleHealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly env: OpsConsoleEnv,
  ) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  async ready(@Res({ passthrough: true }) response: Response) {
    try {
      return await this.health.check([
        () => this.builtPage(),
        ...Object.entries(upstreamsOf(this.env)).map(
          ([name, url]) =>
            () =>
              this.upstream(name, url),
        ),
      ]);
    } catch (error) {
      // A 503 keeps Terminus' report (`info`, `error` per dependency), like the services' probes.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(503);
      return error.getResponse();
    }
  }

  private builtPage() {
    const check = this.indicators.check('web');
    const index = join(webRootOf(this.env), 'index.html');
    return existsSync(index) ? check.up() : check.down({ message: `no ${index}: run npm run build` });
  }

  private async upstream(name: string, url: string) {
    const check = this.indicators.check(name);
    try {
      const answer = await fetch(new URL('/health/live', url), { signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS) });
      return answer.ok ? check.up() : check.down({ message: `/health/live answered ${answer.status}` });
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }
}
