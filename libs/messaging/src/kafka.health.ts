import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { type Admin, Kafka } from 'kafkajs';
import { ConsumerLagMonitor } from './consumer/consumer-lag.monitor';
import { KafkaConnection, kafkaConfig } from './kafka.options';
import { InfrastructureOutages } from './outage/infrastructure.outages';

/** Readiness of the Kafka connection: the cluster answers a metadata request in time. */
@Injectable()
export class KafkaHealthIndicator implements OnApplicationShutdown {
  private admin?: Promise<Admin>;

  constructor(
    private readonly connection: KafkaConnection,
    private readonly indicators: HealthIndicatorService,
    private readonly lag: ConsumerLagMonitor,
    private readonly outages: InfrastructureOutages,
  ) {}

  /** Degraded (down, naming who waits for what) while a background worker waits out an outage. */
  backgroundWork(key: string) {
    const indicator = this.indicators.check(key);
    const waiting = this.outages.snapshot();
    return Object.keys(waiting).length === 0 ? indicator.up() : indicator.down({ degraded: true, waiting });
  }

  async check(key: string, timeoutMs = 2500) {
    const indicator = this.indicators.check(key);
    try {
      const cluster = await this.describeCluster(timeoutMs);
      return indicator.up({ brokers: cluster.brokers.length, lag: this.lag.snapshot() });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  private async describeCluster(timeoutMs: number) {
    const admin = (this.admin ??= this.connect());
    try {
      return await withTimeout(
        admin.then((connected) => connected.describeCluster()),
        timeoutMs,
      );
    } catch (error) {
      // Start from a fresh connection next time (kafkajs keeps retrying a broken one otherwise), unless
      // another probe has already replaced this one.
      if (this.admin === admin) this.admin = undefined;
      void admin.then((broken) => broken.disconnect()).catch(() => undefined);
      throw error;
    }
  }

  private async connect(): Promise<Admin> {
    const config = {
      ...kafkaConfig(this.connection),
      retry: { retries: 0 },
      clientId: `${this.connection.clientId}-health`,
    };
    const admin = new Kafka(config).admin();
    await admin.connect();
    return admin;
  }

  async onApplicationShutdown(): Promise<void> {
    await (await this.admin?.catch(() => undefined))?.disconnect();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
