import { lockForTransaction } from '@nps/persistence';
import { In, MoreThanOrEqual, Not, type EntityManager } from 'typeorm';
import { SuppressionEntity } from '../suppressions/suppression.entity';
import { SurveyRequestEntity } from './survey-request.entity';

const OPEN = ['scheduled', 'sent', 'reminded'] as const;

/** Survey requests; every method runs in the caller's transaction. */
export class SurveyRequestRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Serialises decisions about one customer (Kafka orders them per key; the ad-hoc API does not). */
  async lockCustomer(customerId: string): Promise<void> {
    await lockForTransaction(this.manager, 'survey-dispatch.customer', customerId);
  }

  async touchpointSeen(touchpointType: string, touchpointId: string): Promise<boolean> {
    const where = { touchpointType, touchpointId };
    return (await this.manager.existsBy(SurveyRequestEntity, where)) || (await this.manager.existsBy(SuppressionEntity, where));
  }

  /** Requests that count against contact caps: every one since `since` that did not fail. */
  async countedSince(customerId: string, since: Date): Promise<SurveyRequestEntity[]> {
    return this.manager.find(SurveyRequestEntity, {
      where: { customerId, requestedAt: MoreThanOrEqual(since), status: Not('failed') },
      order: { requestedAt: 'DESC' },
    });
  }

  async insert(request: SurveyRequestEntity): Promise<void> {
    await this.manager.insert(SurveyRequestEntity, request);
  }

  /** The request whose next action is due soonest, locked for this transaction; others skip it. */
  async claimDue(now: Date): Promise<SurveyRequestEntity | null> {
    return this.manager
      .createQueryBuilder(SurveyRequestEntity, 'request')
      .where('request.next_action IS NOT NULL AND request.due_at <= :now', { now })
      .orderBy('request.due_at')
      .limit(1)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getOne();
  }

  async save(request: SurveyRequestEntity): Promise<void> {
    await this.manager.save(SurveyRequestEntity, request);
  }

  /** Marks an open request answered: no reminder, no expiry. False when it was not open (unknown, already closed). */
  async markAnswered(id: string, answeredAt: Date): Promise<boolean> {
    const result = await this.manager.update(
      SurveyRequestEntity,
      { id, status: In([...OPEN]) },
      { status: 'answered', answeredAt, closedAt: answeredAt, nextAction: null, dueAt: null },
    );
    return (result.affected ?? 0) > 0;
  }

  async listFor(customerId: string): Promise<SurveyRequestEntity[]> {
    return this.manager.find(SurveyRequestEntity, { where: { customerId }, order: { requestedAt: 'DESC' }, take: 200 });
  }
}
