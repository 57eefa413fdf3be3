import { type BeforeApplicationShutdown, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { InfrastructureOutages } from './infrastructure.outages';

export interface DueWork {
  /** Names the worker in logs and readiness, e.g. `survey scheduler`. */
  name: string;
  /** How many loops work in parallel; each claims its own row (FOR UPDATE SKIP LOCKED). */
  workers: number;
  /** How long a loop sleeps once nothing is due. */
  pollMs: number;
  /** Works off one due item; false when nothing was due. */
  processNext: () => Promise<boolean>;
  /** Sleep `pollMs` before the first poll too, e.g. for a job that must not run at every restart. */
  sleepFirst?: boolean;
}

/**
 * Polls for due rows and works them off until none is left, then sleeps `pollMs`. A database or
 * broker outage ends the round quietly and the next poll retries (ADR 0014); stop() wakes the
 * sleepers and waits for the item in hand. A provider that extends it starts and stops with the
 * application.
 */
export class DueWorkPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger: Logger;
  private running = false;
  private loop?: Promise<void>;
  private readonly sleepers = new Set<() => void>();

  constructor(
    private readonly outages: InfrastructureOutages,
    private readonly work: DueWork,
  ) {
    this.logger = new Logger(work.name);
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  start(): void {
    this.running = true;
    const loops = Array.from({ length: this.work.workers }, () => this.run());
    this.loop = Promise.all(loops).then(() => undefined);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.sleepers.forEach((wake) => wake());
    await this.loop;
  }

  private async run(): Promise<void> {
    if (this.work.sleepFirst) await this.sleep();
    while (this.running) {
      try {
        await this.outages.guard(this.work.name, async () => {
          while (this.running && (await this.work.processNext())) {
            // keep going while work is due
          }
        });
      } catch (error) {
        const msg = `${this.work.name} failed; retrying after the poll interval`;
        this.logger.error({ msg, error: (error as Error).message });
      }
      await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = () => {
        this.sleepers.delete(wake);
        resolve();
      };
      this.sleepers.add(wake);
      setTimeout(wake, this.work.pollMs).unref();
    });
  }
}
