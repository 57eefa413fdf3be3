import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';

/** GET /metrics on the service's HTTP port, for Prometheus. */
@Module({ controllers: [MetricsController] })
export class MetricsModule {}
