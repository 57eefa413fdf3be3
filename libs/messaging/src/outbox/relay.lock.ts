import { Logger } from '@nestjs/common';
import type { EventEmitter } from 'node:events';
import type { DataSource, QueryRunner } from 'typeorm';
import { withTimeout } from '../with-timeout';

const UNLOCK_SQL = `SELECT pg_advisory_unlock(hashtext($1), 0)`;

/** How long proving the lock may take before the relay counts it as lost (a silently dead socket never answers). */
const PROOF_TIMEOUT_MS = 2000;

// The two-key form pg_try_advisory_lock(int4, int4) shows in pg_locks as classid = key1 (as oid),
// objid = key2, objsubid = 2.
const PROOF_SQL = `SELECT EXISTS (SELECT 1 FROM pg_locks
  WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid()
    AND classid = (hashtext($1)::bigint & 4294967295)::oid AND objid = 0 AND objsubid = 2) AS held`;

/**
 * The session advisory lock that makes one instance of a service the outbox relay. The holder
 * proves, on the lock's own connection, that its backend still holds the lock before each batch:
 * a connection killed without an error event (TypeORM would still say "not released") fails the
 * proof, so the old holder stops before the next holder starts. See docs/adr/0014-infrastructure-faults.md.
 */
export class RelayLock {
  private readonly logger = new Logger(RelayLock.name);
  private holder?: QueryRunner;
  private listener?: { session: EventEmitter; onNotification: () => void };

  constructor(
    private readonly dataSource: DataSource,
    private readonly name: string,
    private readonly listen?: { channel: string; onNotification: () => void },
  ) {}

  /** Whether the holder's session receives the channel's notifications. */
  get listening(): boolean {
    return this.listener !== undefined;
  }

  /** True when this instance holds the lock now (taking it when free), proven on the lock's own connection. */
  async prove(): Promise<boolean> {
    if (this.holder) {
      if (await this.stillHeld(this.holder)) return true;
      const msg = 'the outbox relay lost its lock: it stops relaying until it takes the lock again';
      this.logger.warn({ msg, lock: this.name });
      this.stopListening();
      discard(this.holder, 'the relay lock failed its proof');
      this.holder = undefined;
    }
    return this.take();
  }

  /** Gives the lock up at shutdown: unlocks, so another instance takes over at once, and releases the connection. */
  async release(): Promise<void> {
    const holder = this.holder;
    this.holder = undefined;
    const listened = this.stopListening();
    if (!holder || holder.isReleased) return;
    // Back in the pool, the connection must neither hold the lock nor keep listening.
    const giveBack = async () => {
      if (listened) await holder.query('UNLISTEN *');
      await holder.query(UNLOCK_SQL, [this.name]);
    };
    const unlocked = await withTimeout(giveBack(), PROOF_TIMEOUT_MS).then(
      () => true,
      () => false,
    );
    if (unlocked) await holder.release();
    else discard(holder, 'the relay lock could not be unlocked');
  }

  private async take(): Promise<boolean> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock(hashtext($1), 0) AS locked`, [this.name]);
      if (locked) {
        this.holder = runner;
        await this.startListening(runner);
        return true;
      }
    } catch (error) {
      await runner.release();
      throw error;
    }
    await runner.release();
    return false;
  }

  private async startListening(runner: QueryRunner): Promise<void> {
    if (!this.listen) return;
    const session = (runner as unknown as { databaseConnection: EventEmitter }).databaseConnection;
    const { channel, onNotification } = this.listen;
    try {
      await runner.query(`LISTEN ${quoteIdentifier(channel)}`);
    } catch (error) {
      const msg = 'the outbox relay cannot LISTEN: it polls instead';
      this.logger.warn({ msg, channel, error: (error as Error).message });
      return;
    }
    const listener = (notification: { channel: string }) => {
      if (notification.channel === channel) onNotification();
    };
    session.on('notification', listener);
    this.listener = { session, onNotification: listener as () => void };
    onNotification(); // rows committed before LISTEN took effect would otherwise wait for a poll
  }

  /** Stops reacting to notifications; true when the session was listening. */
  private stopListening(): boolean {
    if (!this.listener) return false;
    this.listener.session.off('notification', this.listener.onNotification);
    this.listener = undefined;
    return true;
  }

  private async stillHeld(holder: QueryRunner): Promise<boolean> {
    if (holder.isReleased) return false;
    try {
      const [{ held }] = await withTimeout(holder.query(PROOF_SQL, [this.name]), PROOF_TIMEOUT_MS);
      return held === true;
    } catch {
      return false;
    }
  }
}

/**
 * Closes the connection of a lock that is lost or cannot be unlocked. Back in the pool it would
 * keep its session lock, so it is released as broken: the pool destroys it, ending the session.
 * (TypeORM's Postgres query runner has this method but does not declare it.)
 */
function discard(holder: QueryRunner, reason: string): void {
  const runner = holder as unknown as { releasePostgresConnection(error: Error): Promise<void> };
  if (!holder.isReleased) void runner.releasePostgresConnection(new Error(reason));
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
