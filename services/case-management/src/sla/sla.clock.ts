import { Injectable } from '@nestjs/common';
import { TransactionCache } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import { BusinessHoursCalculator } from '../calendar/business-hours.calculator';
import type { TeamCalendar } from '../calendar/team-calendar';
import type { Priority } from './priority';
import { SlaPolicyRepository } from './sla-policy.repository';

/** The SLA deadlines of a case: its priority's policy counted in the team's business hours. */
@Injectable()
export class SlaClock {
  /** Read once per transaction and priority: a batch of detractors opens its cases under one policy. */
  private readonly policyRead = new TransactionCache<Priority, Awaited<ReturnType<SlaPolicyRepository['find']>>>();

  constructor(private readonly policies: SlaPolicyRepository) {}

  async deadlines(
    manager: EntityManager,
    from: Date,
    priority: Priority,
    calendar: TeamCalendar,
  ): Promise<{ firstContactDueAt: Date; resolutionDueAt: Date }> {
    const policy = await this.policyRead.get(manager, priority, () => this.policies.find(manager, priority));
    return {
      firstContactDueAt: BusinessHoursCalculator.addWorkingMinutes(from, policy.firstContactMinutes, calendar),
      resolutionDueAt: BusinessHoursCalculator.addWorkingMinutes(from, policy.resolutionMinutes, calendar),
    };
  }

  async resolutionDeadline(
    manager: EntityManager,
    from: Date,
    priority: Priority,
    calendar: TeamCalendar,
  ): Promise<Date> {
    return (await this.deadlines(manager, from, priority, calendar)).resolutionDueAt;
  }
}
