import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { ConsumerLagMonitor } from './consumer/consumer-lag.monitor';
import { KafkaConnection, kafkaConfig } from './kafka.options';
import { InfrastructureOutages } from './outage/infrastructure.outages';
import { ReconnectingAdmin } from './reconnecting-admin';

/** Readiness of the Kafka connection: the cluster answers a metadata request in time. */
@Injectable()
export class KafkaHealthIndicator implements OnApplicationShutdown {
  private readonly admin: ReconnectingAdmin;

  constructor(
    connection: KafkaConnection,
    private readonly indicators: HealthIndicatorService,
    private readonly lag: ConsumerLagMonitor,
    private readonly outages: InfrastructureOutages,
  ) {
    const clientId = `${connection.clientId}-health`;
    this.admin = new ReconnectingAdmin({ ...kafkaConfig(connection), retry: { retries: 0 }, clientId });
  }

  /** Degraded (down, naming who waits for what) while a background worker waits out an outage. */
  backgroundWork(key: string) {
    const indicator = this.indicators.check(key);
    const waiting = this.outages.snapshot();
    return Object.keys(waiting).length === 0 ? indicator.up() : indicator.down({ degraded: true, waiting });
  }

  async check(key: string, timeoutMs = 2500) {
    const indicator = this.indicators.check(key);
    try {
      const cluster = await this.admin.use((admin) => admin.describeCluster(), timeoutMs);
      return indicator.up({ brokers: cluster.brokers.length, lag: this.lag.snapshot() });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  onApplicationShutdown(): Promise<void> {
    return this.admin.close();
  }
}
