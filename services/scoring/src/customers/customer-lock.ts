import { lockForTransaction } from '@nps/persistence';
import type { EntityManager } from 'typeorm';

/**
 * Serialises, per customer, the transactions that change the customer's responses or facts:
 * responses are stored with the customer's facts copied in, so a facts update and a new answer
 * of the same customer must not interleave (they arrive on different topics, maybe on partitions
 * processed at the same time).
 */
export async function lockCustomer(manager: EntityManager, schema: string, customerId: string): Promise<void> {
  await lockForTransaction(manager, `${schema}.customers`, customerId);
}
