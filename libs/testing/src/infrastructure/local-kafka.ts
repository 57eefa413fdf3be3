import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../free-port';

const run = promisify(execFile);
const RUNNER = resolve(__dirname, '../../../../deploy/local/kafka.sh');

/** Whether the broker of the local runner (deploy/local/kafka.sh) answers on `port`. */
export async function localKafkaRunning(port: number): Promise<boolean> {
  return run('bash', [RUNNER, 'status'], { env: { ...process.env, KAFKA_PORT: String(port) } }).then(
    () => true,
    () => false,
  );
}

/** A broker of the local runner on its own port and state dir; start/stop at will. */
export class LocalKafka {
  readonly brokers: string;
  private readonly env: NodeJS.ProcessEnv;

  constructor(
    readonly port: number,
    private readonly stateDir?: string,
    controllerPort?: number,
  ) {
    this.brokers = `127.0.0.1:${port}`;
    this.env = {
      ...process.env,
      KAFKA_PORT: String(port),
      ...(controllerPort ? { KAFKA_CONTROLLER_PORT: String(controllerPort) } : {}),
      ...(stateDir ? { KAFKA_STATE_DIR: stateDir } : {}),
    };
  }

  /**
   * A throw-away broker, started: fresh data in a temp dir, both ports asked of the OS. A port
   * found free can be taken by another process before the broker binds it: then new ports.
   */
  static async startDisposable(attempts = 3): Promise<LocalKafka> {
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      let controllerPort = await freePort();
      while (controllerPort === port) controllerPort = await freePort();
      const broker = new LocalKafka(port, mkdtempSync(join(tmpdir(), `nps-kafka-${port}-`)), controllerPort);
      try {
        await broker.start();
        return broker;
      } catch (error) {
        await broker.dispose();
        if (attempt >= attempts || !String((error as Error).message).includes('Address already in use')) throw error;
      }
    }
  }

  async start(): Promise<void> {
    await run('bash', [RUNNER, 'start'], { env: this.env, timeout: 600_000 });
  }

  async stop(): Promise<void> {
    await run('bash', [RUNNER, 'stop'], { env: this.env, timeout: 60_000 });
  }

  /** Stops the broker and deletes the state dir it was given (a disposable one's temp dir). */
  async dispose(): Promise<void> {
    await this.stop();
    if (this.stateDir) rmSync(this.stateDir, { recursive: true, force: true });
  }
}
