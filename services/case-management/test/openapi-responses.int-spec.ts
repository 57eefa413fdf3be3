import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { FollowUpGroup, Topics } from '@nps/contracts';
import { anEvent, callJson, expectEventually, OpenApiAnswers, serviceBed, type ServiceInstance } from '@nps/testing';
import { opsIssuer, person } from './support/ops-api.client';
import { setUpTeam } from './support/ops.fixtures';

// Every route that answers JSON, called for real; each answer must match the schema /docs-json declares for its status.
describe('answers of the ops API against their OpenAPI schemas', () => {
  const bed = serviceBed({ service: 'case-management', autoStart: false });
  const issuer = opsIssuer([person('lead-a', ['lead'], ['team-a'])]);
  let service: ServiceInstance;
  let api: OpenApiAnswers;
  let admin: string;
  let lead: string;
  const customerId = 'customer-openapi';
  /** Cases of the customer, oldest first: one of team-b, then two of team-a. */
  let cases: { teamB: Case; first: Case; second: Case };

  interface Case {
    id: string;
    responseId: string;
  }

  async function openCase(region: string, comment = ''): Promise<Case> {
    const detractor = anEvent(Topics.DetractorIdentified, { customerId, comment, customer: { region } });
    await bed.publish(Topics.DetractorIdentified, [detractor]);
    const id = await expectEventually(async () => {
      const [row] = await bed.rows<{ id: string }>('SELECT id FROM $schema.cases WHERE response_id = $1', [
        detractor.responseId,
      ]);
      expect(row).toBeDefined();
      return row.id;
    });
    return { id, responseId: detractor.responseId as string };
  }

  beforeAll(async () => {
    service = await bed.start(issuer.env);
    admin = await issuer.token('adam');
    lead = await issuer.token('lead-a');
    await setUpTeam(service.url, admin, {
      id: 'team-a',
      members: [{ id: 'agent-a' }, { id: 'lead-a' }],
      leadMemberId: 'lead-a',
      rule: { id: 'region-a', position: 1, conditions: { regions: ['region-a'] } },
    });
    await setUpTeam(service.url, admin, {
      id: 'team-b',
      members: [{ id: 'agent-b' }],
      rule: { id: 'region-b', position: 2, conditions: { regions: ['region-b'] } },
    });
    await bed.publish(Topics.CustomerUpserted, [
      anEvent(Topics.CustomerUpserted, { customerId, name: 'Bakkerij de Vries', attributes: { contract: 'annual' } }),
    ]);
    await expectEventually(async () =>
      expect(await bed.rows('SELECT 1 FROM $schema.customers WHERE customer_id = $1', [customerId])).toHaveLength(1),
    );
    cases = {
      teamB: await openCase('region-b'),
      first: await openCase('region-a', 'The parcel came a week late'),
      second: await openCase('region-a'),
    };
    await bed.publish(Topics.RecoveryMeasured, [
      anEvent(Topics.RecoveryMeasured, {
        customerId,
        responseId: cases.second.responseId,
        caseId: cases.second.id,
        group: FollowUpGroup.FOLLOWED_UP,
        firstScore: 2,
        recoveryScore: 8,
      }),
    ]);
    const old = anEvent(Topics.DetractorIdentified, {
      answeredAt: timestampFromDate(new Date(Date.now() - 400 * 24 * 3600_000)),
    });
    await bed.publish(Topics.DetractorIdentified, [old]);
    await expectEventually(async () => {
      expect(
        await bed.rows('SELECT 1 FROM $schema.case_recoveries WHERE case_id = $1', [cases.second.id]),
      ).toHaveLength(1);
      expect(
        await bed.rows('SELECT 1 FROM $schema.skipped_detractors WHERE response_id = $1', [old.responseId]),
      ).toHaveLength(1);
    });
    api = await OpenApiAnswers.of(service.url);
  }, 120000);

  it('teams and members', async () => {
    const created = await api.call(admin, 'POST /teams', {
      body: {
        id: 'team-c',
        name: 'Team C',
        calendar: { timeZone: 'Europe/Amsterdam', workingDays: [1, 2, 3, 4, 5], dayStart: '09:00', dayEnd: '17:00' },
        webhookUrl: 'https://hooks.example.com/team-c',
      },
    });
    expect(created.status).toBe(201);
    await api.call(admin, 'PATCH /teams/{teamId}', { params: { teamId: 'team-c' }, body: { name: 'Team C (NL)' } });
    // An admin reads the webhook URL, a lead only whether there is one: both shapes are the one schema.
    expect((await api.call(admin, 'GET /teams')).body).toContainEqual(
      expect.objectContaining({ id: 'team-c', webhookUrl: 'https://hooks.example.com/team-c' }),
    );
    expect((await api.call(lead, 'GET /teams')).body).toContainEqual(
      expect.not.objectContaining({ webhookUrl: expect.anything() }),
    );
    const added = await api.call(admin, 'POST /teams/{teamId}/members', {
      params: { teamId: 'team-c' },
      body: { id: 'agent-c', name: 'Agent C', email: 'agent-c@example.com' },
    });
    expect(added.status).toBe(201);
    await api.call(admin, 'PATCH /members/{memberId}', { params: { memberId: 'agent-c' }, body: { available: false } });
    expect((await api.call(lead, 'GET /teams/{teamId}/members', { params: { teamId: 'team-a' } })).body).toHaveLength(
      2,
    );
  });

  it('routing rules and the preview of a draft rule', async () => {
    const rule = { id: 'region-c', position: 3, teamId: 'team-c', conditions: { regions: ['region-c'] } };
    expect((await api.call(admin, 'POST /routing-rules', { body: rule })).status).toBe(201);
    await api.call(admin, 'PATCH /routing-rules/{ruleId}', {
      params: { ruleId: 'region-c' },
      body: { priority: 'high', enabled: false },
    });
    expect((await api.call(lead, 'GET /routing-rules')).body.map((r: { id: string }) => r.id)).toContain('region-c');
    // A lead sees team-b's case redacted: both kinds of previewed case are checked.
    const preview = await api.call(lead, 'POST /routing-rules/preview', {
      body: { teamId: 'team-a', position: 0, conditions: {} },
    });
    expect(preview.body.cases).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ redacted: true, teamId: 'team-b' }),
        expect.objectContaining({ redacted: false, id: cases.first.id }),
      ]),
    );
    const removed = await callJson(service.url, 'DELETE', '/routing-rules/region-c', admin);
    expect({ status: removed.status, body: removed.body }).toEqual({ status: 204, body: undefined });
  });

  it('SLA policies', async () => {
    await api.call(lead, 'GET /sla-policies');
    await api.call(admin, 'PUT /sla-policies/{priority}', {
      params: { priority: 'low' },
      body: { firstContactMinutes: 960, resolutionMinutes: 2400 },
    });
  });

  it('the case listing, the case with its customer story, and every case action', async () => {
    expect((await api.call(lead, 'GET /cases', { query: '?scope=team' })).body.items).toHaveLength(2);
    await api.call(lead, 'GET /cases/by-response/{responseId}', { params: { responseId: cases.first.responseId } });
    const detail = await api.call(lead, 'GET /cases/{caseId}', { params: { caseId: cases.second.id } });
    // The answer holds what makes the schema's optional and alternative parts checked, not skipped.
    expect(detail.body).toMatchObject({
      recovery: { recoveryScore: 8 },
      notifications: expect.arrayContaining([expect.anything()]),
      customerStory: {
        name: 'Bakkerij de Vries',
        crmAttributes: { contract: 'annual' },
        comments: [expect.anything()],
        previousCases: [
          { redacted: true, teamId: 'team-b' },
          { id: cases.first.id, status: 'open' },
        ],
      },
    });
    const params = { caseId: cases.first.id };
    await api.call(lead, 'POST /cases/{caseId}/reassign', { params, body: { ownerId: 'agent-a', reason: 'on shift' } });
    await api.call(lead, 'POST /cases/{caseId}/contacts', { params, body: { channel: 'call', result: 'reached' } });
    await api.call(lead, 'POST /cases/{caseId}/notes', { params, body: { note: 'Refund sent' } });
    await api.call(lead, 'POST /cases/{caseId}/resolve', {
      params,
      body: { rootCauseTagId: 'delivery', outcome: 'recovered', note: 'Refunded shipping' },
    });
    await api.call(lead, 'POST /cases/{caseId}/close', { params, body: { note: 'done' } });
    const reopened = await api.call(lead, 'POST /cases/{caseId}/reopen', { params, body: { note: 'called again' } });
    expect(reopened.body).toMatchObject({ status: 'in_progress', firstContactedAt: expect.any(String) });
  });

  it('improvement actions', async () => {
    const opened = await api.call(lead, 'POST /improvement-actions', {
      body: { title: 'Second delivery slot', rootCauseTagId: 'delivery', segment: 'consumer' },
    });
    expect(opened.status).toBe(201);
    const params = { id: opened.body.id };
    await api.call(lead, 'POST /improvement-actions/{id}/cases', { params, body: { caseIds: [cases.first.id] } });
    await api.call(lead, 'POST /improvement-actions/{id}/release', { params, body: {} });
    await api.call(lead, 'GET /improvement-actions');
    await api.call(lead, 'POST /improvement-actions/{id}/close', { params, body: { note: 'fewer late parcels' } });
    expect((await api.call(lead, 'GET /improvement-actions/{id}', { params })).body).toMatchObject({
      status: 'closed',
      caseIds: [cases.first.id],
    });
  });

  it('root causes, config changes, the case-opening policy, case skips and the loop metrics', async () => {
    await api.call(lead, 'GET /root-causes');
    expect((await api.call(admin, 'GET /config-changes')).body.length).toBeGreaterThan(0);
    await api.call(lead, 'GET /case-opening-policy');
    await api.call(admin, 'PUT /case-opening-policy', {
      body: { maxAnswerAgeDays: 14, excludedSources: ['import'], excludedChannels: [], holdoutShare: 0 },
    });
    await api.call(lead, 'GET /case-opening-policy/versions');
    expect((await api.call(admin, 'GET /case-skips')).body.items).toContainEqual(
      expect.objectContaining({ reason: 'ANSWER_TOO_OLD' }),
    );
    await api.call(admin, 'GET /case-skips/summary');
    const metrics = await api.call(lead, 'GET /metrics/loop', { query: '?teamId=team-a' });
    // Percentiles of a contacted and resolved case: numbers, not the strings Postgres gives for numeric.
    expect(metrics.body.teams[0].timeToFirstContactHours.p50).toEqual(expect.any(Number));
  });

  it('called every route that answers JSON', () => {
    expect(api.uncalled()).toEqual([]);
  });
});
