import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';

/** Rows of survey-dispatch's own tables one erasure deleted or blanked, per table: for the answer and the log. */
export interface ErasedRows {
  customers: number;
  heldTouchpoints: number;
  withdrawnSurveyRequests: number;
  surveyRequests: number;
  promoterFollowUps: number;
}

/**
 * Removes survey-dispatch's own personal data of a customer, in the caller's transaction, keeping
 * what counts and decides (requests, suppressions, opt-outs, follow-ups by status and date):
 * the contact goes whole, addresses and error texts that may quote them are blanked (ADR 0038).
 */
@Injectable()
export class CustomerDataWriter {
  constructor(private readonly tables: SchemaTables) {}

  async erase(manager: EntityManager, customerId: string, now: Date): Promise<ErasedRows> {
    const changed = async (sql: string, params: unknown[]) =>
      ((await manager.query(sql, params)) as [unknown, number])[1];
    return {
      customers: await changed(`DELETE FROM ${this.tables.of('customers')} WHERE customer_id = $1`, [customerId]),
      // A held touchpoint being released right now is skipped, not waited for: its release waits for this
      // erasure's customer lock, then deletes it and meets the erasure (ERASED). Waiting here would deadlock.
      heldTouchpoints: await changed(
        `DELETE FROM ${this.tables.of('held_triggers')} WHERE ctid IN
           (SELECT ctid FROM ${this.tables.of('held_triggers')} WHERE customer_id = $1 FOR UPDATE SKIP LOCKED)`,
        [customerId],
      ),
      // Surveys not sent yet never go; a reminder not sent yet neither.
      withdrawnSurveyRequests: await changed(
        `UPDATE ${this.tables.of('survey_requests')}
         SET status = 'failed', closed_at = $2, next_action = NULL, due_at = NULL,
           last_error = 'withdrawn: the customer was erased'
         WHERE customer_id = $1 AND status = 'scheduled' AND next_action = 'send'`,
        [customerId, now],
      ),
      // A delivery error may quote the address ("550 anna@…: no such user").
      surveyRequests: await changed(
        `UPDATE ${this.tables.of('survey_requests')}
         SET last_error = NULL, next_action = CASE WHEN next_action = 'remind' THEN 'expire' ELSE next_action END,
           due_at = CASE WHEN next_action = 'remind' THEN expires_at ELSE due_at END
         WHERE customer_id = $1
           AND (last_error IS NOT NULL AND last_error NOT LIKE 'withdrawn:%' OR next_action = 'remind')`,
        [customerId],
      ),
      // target is the address or URL a follow-up went to; detail and last_error may quote it.
      promoterFollowUps: await changed(
        `UPDATE ${this.tables.of('promoter_follow_ups')} SET target = '', detail = '', last_error = NULL
         WHERE customer_id = $1 AND (target <> '' OR detail <> '' OR last_error IS NOT NULL)`,
        [customerId],
      ),
    };
  }
}
