import type { EntityManager } from 'typeorm';
import { SuppressionEntity } from './suppression.entity';

export type NewSuppression = Omit<SuppressionEntity, 'id'>;

/** Recorded contact-policy decisions; every method runs in the caller's transaction. */
export class SuppressionRepository {
  constructor(private readonly manager: EntityManager) {}

  async record(suppression: NewSuppression): Promise<void> {
    await this.manager.insert(SuppressionEntity, suppression);
  }

  /** The newest 500 decisions about a customer, newest first. */
  async listFor(customerId: string): Promise<SuppressionEntity[]> {
    return this.manager.find(SuppressionEntity, { where: { customerId }, order: { recordedAt: 'DESC', id: 'DESC' }, take: 500 });
  }
}
