import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import type { AcceptedAnswer, AnswerOutcome } from '../answers/answer.types';

export interface StoredOutcome {
  requestHash: string;
  /** Without score and comment when the answer was deleted since (retention, erasure); the key outlives it. */
  answer: Omit<AcceptedAnswer, 'score' | 'comment'> & Partial<Pick<AcceptedAnswer, 'score' | 'comment'>>;
}

interface OutcomeRow {
  idempotency_key: string;
  request_hash: string;
  response_id: string;
  outcome: AnswerOutcome;
  revision: number;
  score: number | null;
  comment: string | null;
}

/** The row of a claim until `remember` writes the outcome; it never commits, so no one else reads it. */
const PENDING = { responseId: '00000000-0000-0000-0000-000000000000', outcome: 'pending', revision: 0 };

/** The `idempotency_keys` table: what each `Idempotency-Key` of the JSON API produced. */
@Injectable()
export class IdempotencyRepository {
  constructor(private readonly tables: SchemaTables) {}

  private get table(): string {
    return this.tables.of('idempotency_keys');
  }

  /**
   * Claims `key` for this transaction; its outcome is written by `remember` once known. Returns
   * undefined when the key is new, otherwise the earlier outcome.
   */
  async claim(manager: EntityManager, key: string, requestHash: string): Promise<StoredOutcome | undefined> {
    return (await this.claimMany(manager, [{ key, requestHash }])).get(key);
  }

  /**
   * Claims distinct keys for this transaction by inserting their rows, with the outcome where it is
   * known beforehand. Returns the earlier outcomes of the keys that were taken. An insert waits for a
   * concurrent transaction holding the same key, so a retry sent while the first request still runs
   * gets that request's outcome, not a second answer; keys go in sorted order, so two batches queue
   * rather than deadlock.
   */
  async claimMany(
    manager: EntityManager,
    claims: readonly { key: string; requestHash: string; answer?: AcceptedAnswer }[],
  ): Promise<Map<string, StoredOutcome>> {
    if (claims.length === 0) return new Map();
    const sorted = [...claims].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const column = <T>(pick: (claim: (typeof claims)[number]) => T) => sorted.map(pick);
    const inserted: { idempotency_key: string }[] = await manager.query(
      `INSERT INTO ${this.table} (idempotency_key, request_hash, response_id, outcome, revision)
       SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::int[])
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key`,
      [
        column((c) => c.key),
        column((c) => c.requestHash),
        column((c) => (c.answer ?? PENDING).responseId),
        column((c) => (c.answer ?? PENDING).outcome),
        column((c) => (c.answer ?? PENDING).revision),
      ],
    );
    const claimed = new Set(inserted.map((row) => row.idempotency_key));
    const taken = sorted.map((c) => c.key).filter((key) => !claimed.has(key));
    return taken.length === 0 ? new Map() : this.outcomes(manager, taken);
  }

  /** The outcome of a key claimed without one. */
  async remember(manager: EntityManager, key: string, answer: AcceptedAnswer): Promise<void> {
    await manager.query(
      `UPDATE ${this.table} SET response_id = $2, outcome = $3, revision = $4 WHERE idempotency_key = $1`,
      [key, answer.responseId, answer.outcome, answer.revision],
    );
  }

  /** A statement of its own, so its snapshot sees the rows of the transactions the insert waited for. */
  private async outcomes(manager: EntityManager, keys: string[]): Promise<Map<string, StoredOutcome>> {
    const rows: OutcomeRow[] = await manager.query(
      `SELECT k.idempotency_key, k.request_hash, k.response_id, k.outcome, k.revision, r.score, r.comment
       FROM ${this.table} k LEFT JOIN ${this.tables.of('responses')} r ON r.response_id = k.response_id WHERE
         k.idempotency_key = ANY($1)`,
      [keys],
    );
    return new Map(
      rows.map((row) => [
        row.idempotency_key,
        {
          requestHash: row.request_hash,
          answer: {
            outcome: row.outcome,
            responseId: row.response_id,
            revision: row.revision,
            score: row.score ?? undefined,
            comment: row.comment ?? undefined,
          },
        },
      ]),
    );
  }
}
