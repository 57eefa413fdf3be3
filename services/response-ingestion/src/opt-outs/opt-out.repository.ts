import { Injectable } from '@nestjs/common';
import type { Channel, OptOutSource } from '@nps/contracts';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';

export interface OptOutRecord {
  eventId: string;
  customerId: string;
  /** Channel.UNSPECIFIED: every channel. */
  channel: Channel;
  source: OptOutSource;
  surveyRequestId: string;
  optedOutAt: Date;
}

/** The `opt_outs` table; every method runs in the caller's transaction. */
@Injectable()
export class OptOutRepository {
  constructor(private readonly tables: SchemaTables) {}

  /** Stores the opt-out unless the customer already opted out of that channel; true when it is new. */
  async insertNew(manager: EntityManager, optOut: OptOutRecord): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO ${this.tables.of('opt_outs')}
         (customer_id, channel, source, survey_request_id, event_id, opted_out_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING customer_id`,
      [
        optOut.customerId,
        optOut.channel,
        optOut.source,
        optOut.surveyRequestId,
        optOut.eventId,
        optOut.optedOutAt.toISOString(),
      ],
    );
    return rows.length > 0;
  }
}
