import { CaseSkipReason, Topics } from '@nps/contracts';
import { anEvent, type ServiceBed } from '@nps/testing';
import { randomUUID } from 'node:crypto';

/** The events of a recovery story published into scoring: a detractor, its follow-up or holdout, its re-survey. */
export function recoveryEvents(bed: Pick<ServiceBed, 'publish'>, { team, tag }: { team: string; tag: string }) {
  return {
    /** A detractor answer, tagged with `tag` unless `tagged` is false; resolves with its response id. */
    async detractor(customerId: string, score: number, tagged = true): Promise<string> {
      const responseId = randomUUID();
      await bed.publish(Topics.ResponseReceived, anEvent(Topics.ResponseReceived, { customerId, responseId, score }));
      if (tagged)
        await bed.publish(
          Topics.ResponseTagged,
          anEvent(Topics.ResponseTagged, {
            customerId,
            responseId,
            revision: 0,
            tags: [{ tagId: tag, confidence: 0.9 }],
          }),
        );
      return responseId;
    },
    opened: (customerId: string, responseId: string, score: number, caseId = randomUUID()) =>
      bed.publish(
        Topics.CaseOpened,
        anEvent(Topics.CaseOpened, { customerId, responseId, caseId, teamId: team, score }),
      ),
    heldOut: (customerId: string, responseId: string, score: number) =>
      bed.publish(
        Topics.CaseSkipped,
        anEvent(Topics.CaseSkipped, { customerId, responseId, teamId: team, score, reason: CaseSkipReason.HOLDOUT }),
      ),
    resurveyed: (customerId: string, of: string, score: number, responseId = randomUUID()) =>
      bed.publish(
        Topics.ResponseReceived,
        anEvent(Topics.ResponseReceived, {
          customerId,
          responseId,
          score,
          touchpointType: 'recovery',
          touchpointId: of,
          recoveryOfResponseId: of,
        }),
      ),
  };
}
