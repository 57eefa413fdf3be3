import { Injectable } from '@nestjs/common';
import { Channel, type OptOutSource, Topics } from '@nps/contracts';
import { EventTransactions } from '@nps/messaging';
import { SurveyLinkError, SurveyLinks, type SurveyLinkClaims, type SurveyLinkPurpose } from '@nps/survey-links';
import { randomUUID } from 'node:crypto';
import { Clock } from '../answers/clock';
import { refusalOf } from '../answers/survey-link.refusal';
import { contactOptedOut } from './contact-opted-out.event';
import { OptOutRepository } from './opt-out.repository';

export type OptOutOutcome = 'opted-out' | 'already-opted-out';

/**
 * Customers opting out of surveys themselves (unsubscribe link, SMS STOP). An opt-out covers every
 * channel, and its first recording is the one announced: asking again publishes nothing (ADR 0034).
 */
@Injectable()
export class CustomerOptOuts {
  constructor(
    private readonly links: SurveyLinks,
    private readonly transactions: EventTransactions,
    private readonly optOuts: OptOutRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * The claims of a genuine token of `purpose`, however old: an opt-out is honoured after the survey closed.
   * Otherwise an IngestionError naming why.
   */
  verify(token: string, purpose: SurveyLinkPurpose): SurveyLinkClaims {
    try {
      return this.links.verify(token, this.clock.now(), { purpose, ignoreExpiry: true });
    } catch (error) {
      if (error instanceof SurveyLinkError) throw refusalOf(error);
      throw error;
    }
  }

  async optOut(claims: SurveyLinkClaims, source: OptOutSource): Promise<OptOutOutcome> {
    const optOut = {
      eventId: randomUUID(),
      customerId: claims.customerId,
      channel: Channel.UNSPECIFIED,
      source,
      surveyRequestId: claims.surveyRequestId,
      optedOutAt: this.clock.now(),
    };
    return this.transactions.run(async (unitOfWork) => {
      if (!(await this.optOuts.insertNew(unitOfWork.manager, optOut))) return 'already-opted-out';
      unitOfWork.publish(Topics.ContactOptedOut, contactOptedOut(optOut));
      return 'opted-out';
    });
  }
}
