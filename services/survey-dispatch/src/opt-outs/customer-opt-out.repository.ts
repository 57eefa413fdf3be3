import { Injectable } from '@nestjs/common';
import type { Channel, OptOutSource } from '@nps/contracts';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import type { OwnOptOut } from '../contact-policy/contact-policy.decision';

export interface NewOptOut {
  customerId: string;
  /** Channel.UNSPECIFIED: every channel. */
  channel: Channel;
  source: OptOutSource;
  surveyRequestId: string;
  optedOutAt: Date;
}

interface OptOutRow {
  channel: number;
  source: number;
  opted_out_at: Date;
}

/** The `customer_opt_outs` table; every method runs in the caller's transaction. */
@Injectable()
export class CustomerOptOutRepository {
  constructor(private readonly tables: SchemaTables) {}

  private get table(): string {
    return this.tables.of('customer_opt_outs');
  }

  /** Records an opt-out; the first one of a customer and channel stays (its date is when they asked). */
  async record(manager: EntityManager, optOut: NewOptOut): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO ${this.table} (customer_id, channel, source, survey_request_id, opted_out_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING customer_id`,
      [optOut.customerId, optOut.channel, optOut.source, optOut.surveyRequestId, optOut.optedOutAt],
    );
    return rows.length > 0;
  }

  async listFor(manager: EntityManager, customerId: string): Promise<OwnOptOut[]> {
    const rows: OptOutRow[] = await manager.query(
      `SELECT channel, source, opted_out_at FROM ${this.table} WHERE customer_id = $1 ORDER BY opted_out_at`,
      [customerId],
    );
    return rows.map((row) => ({ channel: row.channel, source: row.source, at: row.opted_out_at }));
  }
}
