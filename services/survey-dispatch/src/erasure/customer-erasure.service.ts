import { Injectable, Logger } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Topics } from '@nps/contracts';
import { EventTransactions } from '@nps/messaging';
import { CustomerKeys } from '@nps/privacy';
import { SurveyRequestRepository } from '../survey-requests/survey-request.repository';
import { CustomerDataWriter, type ErasedRows } from './customer-data.writer';
import { ErasedCustomerRepository } from './erased-customer.repository';

export interface CustomerErasure {
  customerId: string;
  /** The first erasure of this customer; a repeated request keeps it. */
  erasedAt: Date;
  /** Whether a data key existed (and was deleted) this time. */
  keyDeleted: boolean;
  rows: ErasedRows;
}

/**
 * Erases a customer (ADR 0038), all in one transaction: the data key goes first (every encrypted
 * copy on every topic is unreadable from the commit on), then this service's own personal data;
 * the customer joins the erased register; `customer erased` tells every other service to blank
 * theirs, and a tombstone lets compaction drop the customer's `customer upserted` records.
 * Repeating it does it all again and changes nothing else: idempotent, and the way to re-apply an
 * erasure after a restored backup.
 */
@Injectable()
export class CustomerErasureService {
  private readonly logger = new Logger(CustomerErasureService.name);

  constructor(
    private readonly transactions: EventTransactions,
    private readonly keys: CustomerKeys,
    private readonly requests: SurveyRequestRepository,
    private readonly register: ErasedCustomerRepository,
    private readonly eraser: CustomerDataWriter,
  ) {}

  async erase(customerId: string, erasedBy: string, now = new Date()): Promise<CustomerErasure> {
    const erasure = await this.transactions.run(async (unitOfWork) => {
      const { manager } = unitOfWork;
      // Serialises with triggers and imports of this customer: none can slip a survey in between.
      await this.requests.lockCustomer(manager, customerId);
      const keyDeleted = await this.keys.erase(customerId, manager);
      const rows = await this.eraser.erase(manager, customerId, now);
      const { erasedAt } = await this.register.record(manager, customerId, erasedBy, now);
      unitOfWork.publish(Topics.CustomerErased, { customerId, occurredAt: timestampFromDate(now) });
      unitOfWork.tombstone(Topics.CustomerUpserted, customerId);
      return { customerId, erasedAt, keyDeleted, rows };
    });
    this.logger.log({
      msg: 'customer erased',
      customerId,
      erasedBy,
      keyDeleted: erasure.keyDeleted,
      rows: erasure.rows,
    });
    return erasure;
  }
}
