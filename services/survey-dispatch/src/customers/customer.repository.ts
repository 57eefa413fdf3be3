import type { EntityManager } from 'typeorm';
import { CustomerEntity } from './customer.entity';
import type { CustomerContact } from './customer-row';

/** Contacts in this service's schema; every method runs in the caller's transaction. */
export class CustomerRepository {
  constructor(private readonly manager: EntityManager) {}

  async upsert(contacts: CustomerContact[], updatedAt: Date): Promise<void> {
    if (contacts.length === 0) return;
    await this.manager.upsert(
      CustomerEntity,
      contacts.map((contact) => ({ ...contact, updatedAt })),
      ['customerId'],
    );
  }

  async find(customerId: string): Promise<CustomerEntity | null> {
    return this.manager.findOneBy(CustomerEntity, { customerId });
  }
}
