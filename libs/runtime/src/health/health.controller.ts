import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { HealthCheck, type HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '@nps/auth';
import { KafkaHealthIndicator } from '@nps/messaging';
import type { Response } from 'express';
import { ShutdownState } from './shutdown.state';

// Probes and load balancers call these without credentials; they tell nothing about data.
@Public()
@Controller('health')
export class HealthController {
  /** The check under way: probes arriving meanwhile share it rather than queue for pool connections of their own. */
  private running?: Promise<HealthCheckResult>;

  constructor(
    private readonly health: HealthCheckService,
    private readonly postgres: TypeOrmHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
    private readonly shutdown: ShutdownState,
  ) {}

  /** The process runs and answers; restart it if this fails. */
  @Get('live')
  @ApiOkResponse({ schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] } } } })
  live() {
    return { status: 'ok' };
  }

  /**
   * The service can do its work: Postgres and Kafka answer, no worker waits out an outage, and it is
   * not shutting down. A 503 keeps
   * Terminus' report (`info`, `error` per dependency), not problem details: it is a status, not a refusal.
   */
  @Get('ready')
  @HealthCheck()
  async ready(@Res({ passthrough: true }) response: Response) {
    if (this.shutdown.draining) {
      response.status(503);
      return { status: 'shutting down' };
    }
    try {
      return await (this.running ??= this.check().finally(() => (this.running = undefined)));
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(503);
      return error.getResponse();
    }
  }

  private check(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.postgres.pingCheck('postgres', { timeout: 2000 }),
      () => this.kafka.check('kafka'),
      () => this.kafka.backgroundWork('work'),
    ]);
  }
}
