import { Topics } from '@nps/contracts';
import { EXPORTING_SERVICES } from '@nps/runtime';
import { anEvent, type ServiceBed, type ServiceName, type SmtpInbox } from '@nps/testing';

export interface SurveyedCustomer {
  customerId: string;
  name: string;
  email: string;
  phone: string;
  region: string;
  comment: string;
  score: number;
}

/** What the access-request and erasure tools need to reach the five services of a test stack. */
export async function privacyToolEnv(beds: Record<ServiceName, ServiceBed>): Promise<Record<string, string>> {
  return {
    OIDC_ISSUER: (await beds.scoring.localIssuer()).url,
    ...Object.fromEntries(
      Object.entries(EXPORTING_SERVICES).map(([name, { variable }]) => [variable, beds[name as ServiceName].url]),
    ),
  };
}

/**
 * Imported with contact details by the CRM client, surveyed by email after a touchpoint, answered
 * through the JSON API with the survey link's token; resolves with the response id.
 */
export async function answeredThroughEmail(
  beds: Record<ServiceName, ServiceBed>,
  mail: SmtpInbox,
  customer: SurveyedCustomer,
): Promise<string> {
  const dispatch = beds['survey-dispatch'];
  const ingestion = beds['response-ingestion'];
  const { customerId, name, email, phone, region } = customer;
  const imported = await fetch(`${dispatch.url}/customers/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await dispatch.clientToken('crm-sync')}` },
    body: JSON.stringify([{ customerId, name, email, phone, language: 'en', segment: 'consumer', region }]),
  });
  expect(await imported.json()).toMatchObject({ imported: 1, rejected: 0 });
  await dispatch.publish(Topics.TouchpointRecorded, anEvent(Topics.TouchpointRecorded, { customerId }));
  const survey = await mail.waitFor(email, 60000);
  const token = /\/s\/([^"?/]+)/.exec(String(survey.html))?.[1];
  expect(token).toBeDefined();
  const answer = await fetch(`${ingestion.url}/responses`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await ingestion.clientToken('responses-writer')}`,
      'idempotency-key': `answer-${customerId}`,
    },
    body: JSON.stringify({ token, score: customer.score, comment: customer.comment }),
  });
  expect(answer.status).toBe(201);
  return ((await answer.json()) as { responseId: string }).responseId;
}
