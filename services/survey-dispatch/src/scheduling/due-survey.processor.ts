import { Injectable, Logger } from '@nestjs/common';
import { SurveyFailureReason, Topics } from '@nps/contracts';
import { EventTransactions, type UnitOfWork } from '@nps/messaging';
import { SurveyLinks } from '@nps/survey-links';
import { optOutOf } from '../contact-policy/contact-policy';
import { CustomerRepository } from '../customers/customer.repository';
import type { CustomerRecord } from '../customers/customer.record';
import { ChannelSenders } from '../delivery/channel.senders';
import { DeliveryError } from '../delivery/delivery.error';
import type { ContactAddress, SurveyDelivery } from '../delivery/survey-delivery';
import { CustomerOptOutRepository } from '../opt-outs/customer-opt-out.repository';
import type { SurveyRequestRecord } from '../survey-requests/survey-request.record';
import { SurveyRequestRepository } from '../survey-requests/survey-request.repository';
import { SurveyLifecycle } from './survey-lifecycle';
import { surveyDispatched, surveyExpired, surveyFailed, surveyReminded } from './survey-request.events';

const SCORES = Array.from({ length: 11 }, (_, score) => score);

/**
 * Does the next due thing of one survey request (send, remind or expire) in one transaction:
 * the row stays locked while the provider is called (other instances skip it), and the new
 * state commits together with the event it publishes. The customer's opt-outs are read again
 * before anything goes out (ADR 0065).
 */
@Injectable()
export class DueSurveyProcessor {
  private readonly logger = new Logger(DueSurveyProcessor.name);

  constructor(
    private readonly transactions: EventTransactions,
    private readonly senders: ChannelSenders,
    private readonly links: SurveyLinks,
    private readonly lifecycle: SurveyLifecycle,
    private readonly requests: SurveyRequestRepository,
    private readonly customers: CustomerRepository,
    private readonly optOuts: CustomerOptOutRepository,
  ) {}

  /** Processes one due request; false when none is due. */
  async processNext(now = new Date()): Promise<boolean> {
    return this.transactions.run(async (unitOfWork) => {
      const request = await this.requests.claimDue(unitOfWork.manager, now);
      if (!request) return false;
      if (request.nextAction === 'expire') {
        this.lifecycle.expired(request, now);
        unitOfWork.publish(Topics.SurveyExpired, surveyExpired(request));
      } else {
        await this.deliver(request, unitOfWork, now);
      }
      await this.requests.save(unitOfWork.manager, request);
      return true;
    });
  }

  private async deliver(request: SurveyRequestRecord, unitOfWork: UnitOfWork, now: Date): Promise<void> {
    const { manager } = unitOfWork;
    const customer = await this.customers.find(manager, request.customerId);
    const ownOptOuts = customer ? await this.optOuts.listFor(manager, customer.customerId) : [];
    const optOut = customer ? optOutOf({ ...customer, ownOptOuts }, request.channel) : undefined;
    if (optOut) {
      const outcome = this.lifecycle.withdrawn(request, optOut.detail, now);
      this.logger.log({ msg: `survey ${outcome}: ${optOut.detail}`, surveyRequestId: request.id });
      return;
    }
    const kind = request.nextAction === 'remind' ? 'reminder' : 'survey';
    const expiresAt = request.expiresAt ?? this.lifecycle.expiryOf(now);
    try {
      if (!customer)
        throw DeliveryError.permanent(SurveyFailureReason.NO_CONTACT_ADDRESS, 'the customer is no longer known');
      await this.senders.of(request.channel).send(this.deliveryOf(request, kind, expiresAt), addressOf(customer));
      if (kind === 'survey') {
        this.lifecycle.sent(request, now, expiresAt, customer.timeZone);
        unitOfWork.publish(Topics.SurveyDispatched, surveyDispatched(request, now));
      } else {
        this.lifecycle.reminded(request, now);
        unitOfWork.publish(Topics.SurveyReminded, surveyReminded(request, now));
      }
    } catch (error) {
      this.failed(request, asDeliveryError(error, this.logger), unitOfWork, now);
    }
  }

  private failed(request: SurveyRequestRecord, error: DeliveryError, unitOfWork: UnitOfWork, now: Date): void {
    const outcome = this.lifecycle.attemptFailed(request, error.transient, error.message, now);
    this.logger.warn({
      msg: `survey ${request.nextAction ?? 'delivery'} attempt failed: ${outcome}`,
      surveyRequestId: request.id,
      attempts: request.attempts,
      error: error.message,
    });
    if (outcome === 'failed') unitOfWork.publish(Topics.SurveyFailed, surveyFailed(request, error.reason, now));
  }

  private deliveryOf(request: SurveyRequestRecord, kind: SurveyDelivery['kind'], expiresAt: Date): SurveyDelivery {
    const claims = {
      surveyRequestId: request.id,
      customerId: request.customerId,
      touchpointId: request.touchpointId,
      touchpointType: request.touchpointType,
      channel: request.channel,
      language: request.language,
      expiresAt,
    };
    const token = this.links.sign(claims);
    return {
      kind,
      recovery: request.recoveryOfResponseId !== null,
      surveyRequestId: request.id,
      customerId: request.customerId,
      touchpointId: request.touchpointId,
      touchpointType: request.touchpointType,
      channel: request.channel,
      language: request.language,
      token,
      surveyUrl: this.links.pageUrl(token),
      scoreUrls: SCORES.map((score) => this.links.pageUrl(token, score)),
      unsubscribeUrl: this.links.unsubscribeUrl(this.links.sign(claims, 'unsubscribe')),
      expiresAt,
    };
  }
}

/**
 * A bug (template, signing) must not roll the claim back: the row would be first in line again
 * and block every worker. It counts as a transient failed attempt, so it backs off and finally
 * fails the survey.
 */
function asDeliveryError(error: unknown, logger: Logger): DeliveryError {
  if (error instanceof DeliveryError) return error;
  logger.error({ msg: 'unexpected error while delivering a survey', error: (error as Error).stack ?? String(error) });
  return new DeliveryError(
    true,
    SurveyFailureReason.UNSPECIFIED,
    `internal error: ${(error as Error).message ?? String(error)}`,
  );
}

function addressOf(customer: CustomerRecord): ContactAddress {
  return {
    name: customer.name,
    email: customer.email,
    phone: customer.phone,
    webhookUrl: customer.webhookUrl,
    timeZone: customer.timeZone,
  };
}
