import { Logger } from '@nestjs/common';
import type { DataSource, QueryRunner } from 'typeorm';

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

  constructor(
    private readonly dataSource: DataSource,
    private readonly name: string,
  ) {}

  /** True when this instance holds the lock now (taking it when free), proven on the lock's own connection. */
  async prove(): Promise<boolean> {
    if (this.holder) {
      if (await this.stillHeld(this.holder)) return true;
      const msg = 'the outbox relay lost its lock: it stops relaying until it takes the lock again';
      this.logger.warn({ msg, lock: this.name });
      discard(this.holder, 'the relay lock failed its proof');
      this.holder = undefined;
    }
    return this.take();
  }

  /** Gives the lock up at shutdown: unlocks, so another instance takes over at once, and releases the connection. */
  async release(): Promise<void> {
    const holder = this.holder;
    this.holder = undefined;
    if (!holder || holder.isReleased) return;
    const unlocked = await withTimeout(holder.query(UNLOCK_SQL, [this.name]), PROOF_TIMEOUT_MS).then(
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
        return true;
      }
    } catch (error) {
      await runner.release();
      throw error;
    }
    await runner.release();
    return false;
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

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
