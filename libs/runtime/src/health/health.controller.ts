import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { KafkaHealthIndicator } from '@nps/messaging';
import { ShutdownState } from './shutdown.state';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly postgres: TypeOrmHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
    private readonly shutdown: ShutdownState,
  ) {}

  /** The process runs and answers; restart it if this fails. */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** The service can do its work: Postgres and Kafka answer, no worker waits out an outage, it is not shutting down. */
  @Get('ready')
  @HealthCheck()
  ready() {
    if (this.shutdown.draining) throw new ServiceUnavailableException({ status: 'shutting down' });
    return this.health.check([
      () => this.postgres.pingCheck('postgres', { timeout: 2000 }),
      () => this.kafka.check('kafka'),
      () => this.kafka.backgroundWork('work'),
    ]);
  }
}
