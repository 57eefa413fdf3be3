import { Injectable } from '@nestjs/common';
import { Channel, Topics } from '@nps/contracts';
import { EventTransactions } from '@nps/messaging';
import { PersonalFields } from '@nps/privacy';
import type { EntityManager } from 'typeorm';
import { SurveyDispatchEnv } from '../survey-dispatch.env';
import { ErasedCustomerRepository } from '../erasure/erased-customer.repository';
import { HeldPromoterFollowUpRepository } from '../held-triggers/held-promoter-follow-up.repository';
import { HeldTriggerRepository } from '../held-triggers/held-trigger.repository';
import { SurveyRequestRepository } from '../survey-requests/survey-request.repository';
import { CustomerRepository } from './customer.repository';
import { toCustomerContact, type CustomerContact, type RawCustomerRow, type RowProblem } from './customer-row';
import { customerUpsertedOf } from './customer-upserted.event';

const PER_TRANSACTION = 500;

export interface CustomerImportReport {
  rows: number;
  imported: number;
  rejected: number;
  /** Valid rows of erased customers: neither stored nor published (ADR 0038). */
  erased: number;
  /** One entry per rejected field, in file order. */
  problems: RowProblem[];
}

/** Imports contacts: good rows are upserted and published as `customer upserted` (no PII); bad rows are reported. */
@Injectable()
export class CustomerImporter {
  constructor(
    private readonly transactions: EventTransactions,
    private readonly env: SurveyDispatchEnv,
    private readonly customers: CustomerRepository,
    private readonly erasedCustomers: ErasedCustomerRepository,
    private readonly requests: SurveyRequestRepository,
    private readonly held: HeldTriggerRepository,
    private readonly heldFollowUps: HeldPromoterFollowUpRepository,
    private readonly fields: PersonalFields,
  ) {}

  async import(rows: RawCustomerRow[]): Promise<CustomerImportReport> {
    const problems: RowProblem[] = [];
    // A customer listed twice in one file: the later row wins, like a second import would.
    const contacts = new Map<string, CustomerContact>();
    const validRows: string[] = [];
    let rejected = 0;
    for (const row of rows) {
      const result = toCustomerContact(row, this.env.DEFAULT_TIME_ZONE);
      if ('problems' in result) {
        rejected++;
        problems.push(...result.problems);
      } else {
        contacts.delete(result.contact.customerId);
        contacts.set(result.contact.customerId, result.contact);
        validRows.push(result.contact.customerId);
      }
    }
    const valid = [...contacts.values()];
    const erased = new Set<string>();
    for (let start = 0; start < valid.length; start += PER_TRANSACTION) {
      for (const id of await this.save(valid.slice(start, start + PER_TRANSACTION))) erased.add(id);
    }
    const erasedRows = validRows.filter((id) => erased.has(id)).length;
    return { rows: rows.length, imported: validRows.length - erasedRows, rejected, erased: erasedRows, problems };
  }

  /** Stores and publishes `contacts` except erased customers' (ADR 0038); returns those erased. */
  private async save(contacts: CustomerContact[]): Promise<Set<string>> {
    const now = new Date();
    const ids = contacts.map((contact) => contact.customerId);
    // An erased customer must not get a data key again: leave them out before encrypting.
    const erasedBefore = await this.transactions.run((unitOfWork) =>
      this.erasedCustomers.erasedAmong(unitOfWork.manager, ids),
    );
    const candidates = contacts.filter((contact) => !erasedBefore.has(contact.customerId));
    // Names are encrypted before the transaction (one key lookup for the batch), so it stays short.
    const names = await this.fields.encryptMany(candidates.map((c) => ({ customerId: c.customerId, text: c.name })));
    return this.transactions.run(async (unitOfWork) => {
      // As the erasure does: an erasure running now cannot be undone by this import.
      await this.requests.lockCustomers(unitOfWork.manager, ids);
      const erased = await this.erasedCustomers.erasedAmong(unitOfWork.manager, ids);
      const kept = candidates.flatMap((contact, i) =>
        erased.has(contact.customerId) ? [] : [{ contact, name: names[i] }],
      );
      const stored = kept.map(({ contact }) => contact);
      await this.customers.upsert(unitOfWork.manager, stored, now);
      const arrived = stored.map((contact) => contact.customerId);
      await this.held.customersArrived(unitOfWork.manager, arrived, now);
      await this.heldFollowUps.customersArrived(unitOfWork.manager, arrived, now);
      await this.withdrawForOptOuts(unitOfWork.manager, stored, now);
      for (const { contact, name } of kept) {
        unitOfWork.publish(Topics.CustomerUpserted, customerUpsertedOf(contact, name, now));
      }
      return erased;
    });
  }

  /** What waits for a customer the CRM now lists as opted out is withdrawn, as after their own opt-out (ADR 0065). */
  private async withdrawForOptOuts(manager: EntityManager, contacts: CustomerContact[], now: Date): Promise<void> {
    const customersByChannel = new Map<Channel, string[]>();
    for (const contact of contacts) {
      for (const channel of contact.optedOut ? [Channel.UNSPECIFIED] : contact.optedOutChannels) {
        const customerIds = customersByChannel.get(channel) ?? [];
        customerIds.push(contact.customerId);
        customersByChannel.set(channel, customerIds);
      }
    }
    for (const [channel, customerIds] of customersByChannel)
      await this.requests.withdrawFor(manager, customerIds, channel, now);
  }
}
