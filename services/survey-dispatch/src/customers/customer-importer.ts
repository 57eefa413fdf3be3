import { Injectable } from '@nestjs/common';
import { Topics } from '@nps/contracts';
import { EventTransactions } from '@nps/messaging';
import { PersonalFields } from '@nps/privacy';
import { SurveyDispatchEnv } from '../survey-dispatch.env';
import { CustomerRepository } from './customer.repository';
import { toCustomerContact, type CustomerContact, type RawCustomerRow, type RowProblem } from './customer-row';
import { customerUpsertedOf } from './customer-upserted.event';

const PER_TRANSACTION = 500;

export interface CustomerImportReport {
  rows: number;
  imported: number;
  rejected: number;
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
    private readonly fields: PersonalFields,
  ) {}

  async import(rows: RawCustomerRow[]): Promise<CustomerImportReport> {
    const problems: RowProblem[] = [];
    // A customer listed twice in one file: the later row wins, like a second import would.
    const contacts = new Map<string, CustomerContact>();
    let rejected = 0;
    for (const row of rows) {
      const result = toCustomerContact(row, this.env.DEFAULT_TIME_ZONE);
      if ('problems' in result) {
        rejected++;
        problems.push(...result.problems);
      } else {
        contacts.delete(result.contact.customerId);
        contacts.set(result.contact.customerId, result.contact);
      }
    }
    const valid = [...contacts.values()];
    for (let start = 0; start < valid.length; start += PER_TRANSACTION) {
      await this.save(valid.slice(start, start + PER_TRANSACTION));
    }
    return { rows: rows.length, imported: rows.length - rejected, rejected, problems };
  }

  private async save(contacts: CustomerContact[]): Promise<void> {
    const now = new Date();
    // Names are encrypted before the transaction (one key lookup for the batch), so it stays short.
    const names = await this.fields.encryptMany(contacts.map((c) => ({ customerId: c.customerId, text: c.name })));
    await this.transactions.run(async (unitOfWork) => {
      await this.customers.upsert(unitOfWork.manager, contacts, now);
      for (const [i, contact] of contacts.entries())
        unitOfWork.publish(Topics.CustomerUpserted, customerUpsertedOf(contact, names[i], now));
    });
  }
}
