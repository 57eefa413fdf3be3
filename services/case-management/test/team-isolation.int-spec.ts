import { Topics } from '@nps/contracts';
import { anEvent, expectEventually, serviceBed, type ServiceInstance, callJson } from '@nps/testing';
import { opsIssuer } from './support/ops-api.client';
import { setUpTeam } from './support/ops.fixtures';

// Team isolation (ADR 0020) with the seeded people of the local issuer: alice (agent) and lena
// (lead) of customer-care, the default team; bert (agent) of billing; adam (admin).
describe('team isolation', () => {
  const bed = serviceBed({ service: 'case-management', autoStart: false });
  const issuer = opsIssuer();
  const WEBHOOK = 'https://hooks.example.com/services/T0/B0/billing-webhook-secret';
  const customerId = 'customer-of-two-teams';
  let service: ServiceInstance;
  let billingCase: string;
  let careCase: string;
  const as = async (person: string, method: string, path: string, body?: unknown) =>
    callJson(service.url, method, path, await issuer.token(person), body);

  async function openCase(region: string, comment: string): Promise<{ id: string; responseId: string }> {
    const detractor = anEvent(Topics.DetractorIdentified, { customerId, comment, customer: { region } });
    await bed.publish(Topics.DetractorIdentified, [detractor]);
    return expectEventually(async () => {
      const [row] = await bed.rows<{ id: string }>('SELECT id FROM $schema.cases WHERE response_id = $1', [
        detractor.responseId,
      ]);
      expect(row).toBeDefined();
      return { id: row.id, responseId: detractor.responseId };
    });
  }

  beforeAll(async () => {
    service = await bed.start(issuer.env);
    const admin = await issuer.token('adam');
    await setUpTeam(service.url, admin, {
      id: 'billing',
      members: [{ id: 'bert' }],
      rule: { id: 'billing-north', position: 5, conditions: { regions: ['north'] } },
      webhookUrl: WEBHOOK,
    });
    for (const id of ['alice', 'lena'])
      expect(
        (await as('adam', 'POST', '/teams/customer-care/members', { id, name: id, email: `${id}@example.com` })).status,
      ).toBe(201);
    // The customer's earlier case went to billing and was worked there: tagged, resolved, owned by bert.
    const billing = await openCase('north', 'The invoice charged me twice');
    billingCase = billing.id;
    await bed.publish(
      Topics.ResponseTagged,
      anEvent(Topics.ResponseTagged, {
        customerId,
        responseId: billing.responseId,
        tags: [{ tagId: 'billing', polarity: 1, confidence: 0.9 }],
      }),
    );
    await expectEventually(async () =>
      expect((await bed.rows('SELECT tag_ids FROM $schema.cases WHERE id = $1', [billingCase]))[0]).toEqual({
        tag_ids: ['billing'],
      }),
    );
    expect(
      (await as('bert', 'POST', `/cases/${billingCase}/contacts`, { channel: 'call', result: 'reached' })).status,
    ).toBe(200);
    const resolved = await as('bert', 'POST', `/cases/${billingCase}/resolve`, {
      rootCauseTagId: 'billing',
      outcome: 'recovered',
      note: 'Refunded the double charge',
    });
    expect(resolved.body).toMatchObject({ status: 'resolved', ownerId: 'bert' });
    careCase = (await openCase('south', 'Nobody answered the phone')).id;
  }, 120000);

  it("answers 403 to an agent of another team, for the case and every action on it; the case's team and admins get it", async () => {
    const actions: [string, object][] = [
      ['contacts', { channel: 'call', result: 'reached' }],
      ['notes', { note: 'peeking' }],
      ['resolve', { rootCauseTagId: 'price', outcome: 'recovered', note: 'x' }],
      ['close', {}],
      ['reopen', { note: 'x' }],
    ];
    const read = await as('bert', 'GET', `/cases/${careCase}`);
    expect({ status: read.status, code: read.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(read.contentType).toContain('application/problem+json');
    for (const [action, body] of actions)
      expect({ action, status: (await as('bert', 'POST', `/cases/${careCase}/${action}`, body)).status }).toEqual({
        action,
        status: 403,
      });
    expect((await as('lena', 'GET', `/cases/${billingCase}`)).status).toBe(403);
    expect(
      (await as('lena', 'POST', `/cases/${billingCase}/reassign`, { ownerId: 'lena', reason: 'mine' })).status,
    ).toBe(403);
    expect((await as('alice', 'GET', `/cases/${careCase}`)).status).toBe(200);
    expect((await as('adam', 'GET', `/cases/${billingCase}`)).status).toBe(200);
    expect((await bed.rows('SELECT status FROM $schema.cases WHERE id = $1', [careCase]))[0]).toEqual({
      status: 'open',
    });
  });

  it("keeps other teams' cases out of every queue, except an admin's", async () => {
    const ids = async (person: string, query: string) =>
      ((await as(person, 'GET', `/cases?${query}`)).body.items as { id: string }[]).map((c) => c.id);
    expect(await ids('alice', 'scope=team')).toEqual([careCase]);
    expect(await ids('bert', 'scope=team&status=resolved')).toEqual([billingCase]);
    expect(await ids('alice', 'scope=team&status=resolved')).toEqual([]);
    expect(await ids('adam', 'scope=team&status=resolved')).toEqual([billingCase]);
    expect((await as('alice', 'GET', '/cases?teamId=billing')).status).toBe(403);
  });

  it("keeps another team's figures out of a lead's loop metrics", async () => {
    const metrics = (await as('lena', 'GET', '/metrics/loop')).body;
    expect(metrics.teams.map((t: { teamId: string }) => t.teamId)).toEqual(['customer-care']);
    expect(metrics.rootCauses).toEqual([]);
    expect((await as('lena', 'GET', '/metrics/loop?teamId=billing')).status).toBe(403);
    const all = (await as('adam', 'GET', '/metrics/loop')).body;
    expect(all.teams.map((t: { teamId: string }) => t.teamId)).toEqual(['billing', 'customer-care']);
    expect(all.rootCauses).toEqual([{ rootCauseTagId: 'billing', cases: 1, recovered: 1 }]);
    // Analysts read every team's figures (the ops console's dashboard), which hold no case.
    const analyst = await as('nina', 'GET', '/metrics/loop');
    expect(analyst.body.teams).toEqual(all.teams);
    expect((await as('nina', 'GET', '/metrics/loop?teamId=billing')).status).toBe(200);
  });

  it("shows another team's case in the customer story as its date, status and team only", async () => {
    const story = (await as('alice', 'GET', `/cases/${careCase}`)).body.customerStory;
    const [{ opened_at: opened }] = await bed.rows<{ opened_at: Date }>(
      'SELECT opened_at FROM $schema.cases WHERE id = $1',
      [billingCase],
    );
    expect(story.previousCases).toEqual([
      { redacted: true, openedAt: opened.toISOString(), status: 'resolved', teamId: 'billing' },
    ]);
    expect(story.comments.map((c: { comment: string }) => c.comment)).toEqual(['Nobody answered the phone']);
    const shown = JSON.stringify(story);
    for (const hidden of ['invoice', 'bert', 'recovered', '"billing"]', billingCase])
      expect({ hidden, shown: shown.includes(hidden) }).toEqual({ hidden, shown: false });
    // An admin sees the same story whole.
    const whole = (await as('adam', 'GET', `/cases/${careCase}`)).body.customerStory;
    expect(whole.previousCases).toEqual([
      expect.objectContaining({ id: billingCase, ownerId: 'bert', outcome: 'recovered', tagIds: ['billing'] }),
    ]);
  });

  it("refuses a lead's rule for another team, and one placed before another team's rules, with problem details", async () => {
    const catchAll = { id: 'care-takes-all', position: 0, teamId: 'customer-care', conditions: {} };
    const refused = await as('lena', 'POST', '/routing-rules', catchAll);
    expect(refused.status).toBe(403);
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.body).toMatchObject({
      code: 'RULE_PRECEDES_OTHER_TEAMS',
      minimumPosition: 6,
      fields: [{ field: 'position' }],
    });
    expect(refused.body.detail).toContain('rule billing-north of team billing is at 5');
    expect((await as('lena', 'POST', '/routing-rules', { ...catchAll, position: 5, id: 'aa-tie' })).status).toBe(403);
    expect((await as('lena', 'POST', '/routing-rules', { ...catchAll, teamId: 'billing', position: 9 })).status).toBe(
      403,
    );
    expect((await as('lena', 'PATCH', '/routing-rules/billing-north', { position: 50 })).status).toBe(403);

    // After every other team's rule it is hers to place; moving it up again is refused, disabling is not.
    expect((await as('lena', 'POST', '/routing-rules', { ...catchAll, position: 6 })).status).toBe(201);
    expect((await as('lena', 'PATCH', '/routing-rules/care-takes-all', { position: 1 })).status).toBe(403);
    expect((await as('lena', 'PATCH', '/routing-rules/care-takes-all', { enabled: false })).body).toMatchObject({
      enabled: false,
      position: 6,
    });
    expect((await as('lena', 'PATCH', '/routing-rules/care-takes-all', { position: 2 })).status).toBe(200);
    expect((await as('lena', 'PATCH', '/routing-rules/care-takes-all', { enabled: true })).status).toBe(403);
    // An admin places rules anywhere.
    expect((await as('adam', 'PATCH', '/routing-rules/care-takes-all', { enabled: true })).status).toBe(200);
    const rules = (await as('lena', 'GET', '/routing-rules')).body as { id: string; position: number }[];
    expect(rules.map((r) => [r.id, r.position])).toEqual([
      ['care-takes-all', 2],
      ['billing-north', 5],
    ]);
  });

  it('shows team webhook URLs to admins only, and lets only admins set them', async () => {
    const billingAs = async (person: string) =>
      ((await as(person, 'GET', '/teams')).body as Record<string, unknown>[]).find((t) => t.id === 'billing');
    expect(await billingAs('adam')).toMatchObject({ webhookUrl: WEBHOOK, hasWebhook: true });
    const forLead = await billingAs('lena');
    expect(forLead).toMatchObject({ id: 'billing', hasWebhook: true });
    expect(forLead).not.toHaveProperty('webhookUrl');
    expect(JSON.stringify((await as('lena', 'GET', '/teams')).body)).not.toContain('hooks.example.com');

    const set = await as('lena', 'PATCH', '/teams/customer-care', { webhookUrl: 'https://hooks.example.com/lena' });
    expect({ status: set.status, field: set.body.fields?.[0]?.field }).toEqual({ status: 403, field: 'webhookUrl' });
    const renamed = await as('lena', 'PATCH', '/teams/customer-care', { name: 'Customer care' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).not.toHaveProperty('webhookUrl');
    expect((await as('alice', 'GET', '/teams')).status).toBe(403);
  });
});
