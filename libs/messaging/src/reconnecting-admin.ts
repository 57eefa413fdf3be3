import { type Admin, Kafka, type KafkaConfig } from 'kafkajs';
import { withTimeout } from './with-timeout';

/**
 * A kafkajs admin client, connected on first use and dropped after a failed use: kafkajs keeps
 * retrying a broken connection rather than healing it, so the next use starts from a fresh one.
 * Concurrent uses share the client; a failure drops it only if no other use has replaced it.
 */
export class ReconnectingAdmin {
  private admin?: Promise<Admin>;

  constructor(private readonly config: KafkaConfig) {}

  /** Runs `work` on the client; with `timeoutMs`, fails when it has not answered by then. */
  async use<T>(work: (admin: Admin) => Promise<T>, timeoutMs?: number): Promise<T> {
    const admin = (this.admin ??= this.connect());
    try {
      const done = admin.then(work);
      return await (timeoutMs === undefined ? done : withTimeout(done, timeoutMs));
    } catch (error) {
      if (this.admin === admin) this.admin = undefined;
      void admin.then((broken) => broken.disconnect()).catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await (await admin?.catch(() => undefined))?.disconnect();
  }

  private async connect(): Promise<Admin> {
    const admin = new Kafka(this.config).admin();
    await admin.connect();
    return admin;
  }
}
