import { Injectable } from '@nestjs/common';
import { Channel } from '@nps/contracts';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ContactPolicy } from '../contact-policy/contact-policy';
import type { ContactProfile, OwnOptOut } from '../contact-policy/contact-policy.decision';
import { contactPolicyRulesFrom, longestCapDays } from '../contact-policy/contact-policy.rules';
import type { CustomerRecord } from '../customers/customer.record';
import { CustomerRepository } from '../customers/customer.repository';
import { ErasedCustomerRepository } from '../erasure/erased-customer.repository';
import { CustomerOptOutRepository } from '../opt-outs/customer-opt-out.repository';
import { SuppressionRepository, type NewSuppression } from '../suppressions/suppression.repository';
import { SurveyDispatchEnv } from '../survey-dispatch.env';
import { SurveyRequestRepository } from '../survey-requests/survey-request.repository';
import type { SurveyTrigger, TriggerOutcome } from './survey-trigger';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Turns a trigger into a scheduled survey request or a recorded suppression, in the caller's
 * transaction (the Kafka handler's, with its inbox entry, or an HTTP request's). Sending is
 * the scheduler's job, so handlers stay short.
 */
@Injectable()
export class SurveyTriggerHandler {
  private readonly historyDays: number;

  constructor(
    private readonly policy: ContactPolicy,
    private readonly env: SurveyDispatchEnv,
    private readonly requests: SurveyRequestRepository,
    private readonly customers: CustomerRepository,
    private readonly suppressions: SuppressionRepository,
    private readonly optOuts: CustomerOptOutRepository,
    private readonly erased: ErasedCustomerRepository,
  ) {
    this.historyDays = longestCapDays(contactPolicyRulesFrom(env));
  }

  async handle(manager: EntityManager, trigger: SurveyTrigger, now = new Date()): Promise<TriggerOutcome> {
    await this.requests.lockCustomer(manager, trigger.customerId);
    const customer = await this.customers.find(manager, trigger.customerId);
    const since = new Date(now.getTime() - this.historyDays * DAY_MS);
    const history = {
      touchpointSeen: await this.requests.touchpointSeen(manager, trigger.touchpointType, trigger.touchpointId),
      recentRequests: await this.requests.countedSince(manager, trigger.customerId, since),
      erasedAt: await this.erased.erasedAt(manager, trigger.customerId),
    };
    const profile = customer
      ? this.profileOf(customer, await this.optOuts.listFor(manager, customer.customerId))
      : undefined;
    const decision = this.policy.decide(trigger, profile, history, now);
    if (decision.outcome === 'suppress') {
      const { reason, detail } = decision;
      await this.record(manager, trigger, {
        outcome: 'suppressed',
        reason,
        detail,
        deferredUntil: null,
        surveyRequestId: null,
        recordedAt: now,
      });
      return { outcome: 'suppressed', reason, detail };
    }
    const surveyRequestId = randomUUID();
    await this.requests.insert(manager, {
      id: surveyRequestId,
      customerId: trigger.customerId,
      touchpointId: trigger.touchpointId,
      touchpointType: trigger.touchpointType,
      channel: decision.channel,
      // The policy only lets known customers through.
      language: customer?.language ?? 'en',
      origin: trigger.origin,
      status: 'scheduled',
      nextAction: 'send',
      dueAt: decision.dueAt,
      attempts: 0,
      lastError: null,
      requestedAt: now,
      sentAt: null,
      expiresAt: null,
      remindedAt: null,
      answeredAt: null,
      closedAt: null,
      recoveryOfResponseId: trigger.recoveryOfResponseId ?? null,
    });
    if (decision.outcome === 'send')
      return { outcome: 'scheduled', surveyRequestId, channel: decision.channel, dueAt: decision.dueAt };
    await this.record(manager, trigger, {
      outcome: 'deferred',
      reason: decision.reason,
      detail: decision.detail,
      deferredUntil: decision.dueAt,
      surveyRequestId,
      recordedAt: now,
    });
    return {
      outcome: 'deferred',
      surveyRequestId,
      channel: decision.channel,
      dueAt: decision.dueAt,
      reason: decision.reason,
      detail: decision.detail,
    };
  }

  private profileOf(customer: CustomerRecord, ownOptOuts: OwnOptOut[]): ContactProfile {
    const reachable: Channel[] = [];
    if (customer.email) reachable.push(Channel.EMAIL);
    if (customer.phone && this.env.SMS_GATEWAY_URL) reachable.push(Channel.SMS);
    if (customer.webhookUrl || this.env.WEBHOOK_URL) reachable.push(Channel.WEBHOOK);
    return {
      optedOut: customer.optedOut,
      optedOutChannels: customer.optedOutChannels,
      ownOptOuts,
      preferredChannel: customer.preferredChannel,
      reachable,
      timeZone: customer.timeZone,
      facts: {
        ...customer.attributes,
        segment: customer.segment,
        region: customer.region,
        tier: customer.tier,
        // The policy only lets known customers through.
        language: customer?.language ?? 'en',
        accountOwner: customer.accountOwnerId,
      },
    };
  }

  private async record(
    manager: EntityManager,
    trigger: SurveyTrigger,
    decision: Omit<NewSuppression, 'customerId' | 'touchpointId' | 'touchpointType'>,
  ): Promise<void> {
    await this.suppressions.record(manager, {
      customerId: trigger.customerId,
      touchpointId: trigger.touchpointId,
      touchpointType: trigger.touchpointType,
      ...decision,
    });
  }
}
