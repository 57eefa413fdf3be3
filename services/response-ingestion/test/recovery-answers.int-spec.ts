import { randomUUID } from 'node:crypto';
import { Topics } from '@nps/contracts';
import { anEvent, expectEventually, serviceBed } from '@nps/testing';
import { aSurveyLink, devLinks } from './survey-link.fixtures';

// SurveyDispatched of a recovery re-survey → the answer to its link carries recovery_of_response_id; answers to
// ordinary links carry none.
describe('answers to recovery re-surveys', () => {
  const bed = serviceBed({ service: 'response-ingestion' });
  const kafka = bed.probe(Topics.ResponseReceived);

  const answer = async (link: string, score: number) => {
    const posted = await fetch(devLinks(bed.url).pageUrl(link), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ score: String(score) }),
    });
    expect(posted.status).toBe(200);
  };
  const dispatched = (claims: ReturnType<typeof aSurveyLink>, recoveryOfResponseId: string) =>
    anEvent(Topics.SurveyDispatched, {
      customerId: claims.customerId,
      surveyRequestId: claims.surveyRequestId,
      touchpointId: claims.touchpointId,
      touchpointType: claims.touchpointType,
      recoveryOfResponseId,
    });
  const remembered = (surveyRequestId: string) =>
    bed.rows<{ recovery_of_response_id: string | null }>(
      `SELECT recovery_of_response_id FROM "${bed.schema}".survey_requests WHERE survey_request_id = $1`,
      [surveyRequestId],
    );

  it('an answer to a re-survey link says which detractor response it follows up', async () => {
    const detractorResponse = randomUUID();
    const claims = aSurveyLink({ touchpointType: 'recovery', touchpointId: detractorResponse });
    const event = dispatched(claims, detractorResponse);
    await bed.publish(Topics.SurveyDispatched, event);
    await bed.publish(Topics.SurveyDispatched, event); // redelivered: no harm
    await expectEventually(async () =>
      expect(await remembered(claims.surveyRequestId)).toEqual([{ recovery_of_response_id: detractorResponse }]),
    );

    await answer(devLinks(bed.url).sign(claims), 9);

    const [received] = await kafka.eventually(
      Topics.ResponseReceived,
      (e) => e.surveyRequestId === claims.surveyRequestId,
    );
    expect(received.message).toMatchObject({
      score: 9,
      touchpointType: 'recovery',
      touchpointId: detractorResponse,
      recoveryOfResponseId: detractorResponse,
    });
  });

  it("an answer that comes before the re-survey's SurveyDispatched still says which response it follows up", async () => {
    const detractorResponse = randomUUID();
    const claims = aSurveyLink({ touchpointType: 'recovery', touchpointId: detractorResponse });

    await answer(devLinks(bed.url).sign(claims), 8);

    const [received] = await kafka.eventually(
      Topics.ResponseReceived,
      (e) => e.surveyRequestId === claims.surveyRequestId,
    );
    expect(received.message.recoveryOfResponseId).toBe(detractorResponse);
  });

  it('an ordinary survey keeps no recovery id, and its answer carries none', async () => {
    const claims = aSurveyLink();
    await bed.publish(Topics.SurveyDispatched, dispatched(claims, ''));
    await bed.outboxDrained();

    await answer(devLinks(bed.url).sign(claims), 3);

    const [received] = await kafka.eventually(
      Topics.ResponseReceived,
      (e) => e.surveyRequestId === claims.surveyRequestId,
    );
    expect(received.message.recoveryOfResponseId).toBe('');
    expect(await remembered(claims.surveyRequestId)).toEqual([{ recovery_of_response_id: null }]);
  });
});
