import { Injectable } from '@nestjs/common';
import { lockForTransaction, SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import type { AcceptedAnswer } from '../answers/answer.types';

export interface StoredOutcome {
  requestHash: string;
  answer: AcceptedAnswer;
}

/** The `idempotency_keys` table: what each `Idempotency-Key` of the JSON API produced. */
@Injectable()
export class IdempotencyRepository {
  constructor(private readonly tables: SchemaTables) {}

  private get table(): string {
    return this.tables.of('idempotency_keys');
  }

  /** The earlier outcome of `key`; holds a transaction lock on the key, so a concurrent retry waits for this one. */
  async claim(manager: EntityManager, key: string): Promise<StoredOutcome | undefined> {
    await lockForTransaction(manager, `${this.tables.schema}:idempotency`, key);
    const [row] = await manager.query(
      `SELECT k.request_hash, k.response_id, k.outcome, k.revision, r.score, r.comment
       FROM ${this.table} k JOIN ${this.tables.of('responses')} r ON r.response_id = k.response_id WHERE
         k.idempotency_key = $1`,
      [key],
    );
    if (!row) return undefined;
    return {
      requestHash: row.request_hash,
      answer: {
        outcome: row.outcome,
        responseId: row.response_id,
        revision: row.revision,
        score: row.score,
        comment: row.comment,
      },
    };
  }

  async remember(manager: EntityManager, key: string, requestHash: string, answer: AcceptedAnswer): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.table} (idempotency_key, request_hash, response_id, outcome, revision) VALUES ($1, $2, $3, $4,
         $5)`,
      [key, requestHash, answer.responseId, answer.outcome, answer.revision],
    );
  }
}
