import { Topics } from '@nps/contracts';
import { anEvent, expectEventually, serviceBed, type ServiceInstance, callJson } from '@nps/testing';
import { opsIssuer } from './support/ops-api.client';
import { setUpTeam } from './support/ops.fixtures';

// "Try this rule" (issue #17, the ops console's team admin): POST /routing-rules/preview runs a draft rule,
// at its position among the stored rules, over the newest cases with the matcher case opening uses; nothing is
// stored, and another team's case is redacted for a lead (ADR 0020).
describe('routing rule preview', () => {
  const bed = serviceBed({ service: 'case-management', autoStart: false });
  const issuer = opsIssuer();
  let service: ServiceInstance;
  const as = async (person: string, method: string, path: string, body?: unknown) =>
    callJson(service.url, method, path, await issuer.token(person), body);

  async function openCase(customer: object, comment: string): Promise<string> {
    const detractor = anEvent(Topics.DetractorIdentified, { comment, customer });
    await bed.publish(Topics.DetractorIdentified, [detractor]);
    return expectEventually(async () => {
      const [row] = await bed.rows<{ id: string }>('SELECT id FROM $schema.cases WHERE response_id = $1', [
        detractor.responseId,
      ]);
      expect(row).toBeDefined();
      return row.id;
    });
  }

  beforeAll(async () => {
    service = await bed.start(issuer.env);
    await setUpTeam(service.url, await issuer.token('adam'), {
      id: 'billing',
      members: [{ id: 'bert' }],
      rule: { id: 'billing-north', position: 5, conditions: { regions: ['north'] } },
    });
  }, 120000);

  it('names the recent cases a draft matches and whether it would route them, redacting other teams for a lead', async () => {
    const north = await openCase({ region: 'north', segment: 'enterprise' }, 'Charged twice, north');
    const south = await openCase({ region: 'south', segment: 'enterprise' }, 'Late delivery, south');
    await openCase({ region: 'south', segment: 'consumer' }, 'Consumer, south');
    const draft = { position: 10, teamId: 'customer-care', conditions: { segments: ['enterprise'] } };

    const preview = await as('lena', 'POST', '/routing-rules/preview', draft);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ considered: 3, matched: 2, won: 1 });
    const byTeam = Object.fromEntries(preview.body.cases.map((c: { teamId: string }) => [c.teamId, c]));
    expect(byTeam['customer-care']).toMatchObject({ redacted: false, id: south, wins: true, segment: 'enterprise' });
    // billing's case: the earlier billing rule keeps it, and lena learns only when and where
    expect(Object.keys(byTeam.billing).sort()).toEqual(['openedAt', 'redacted', 'routedTo', 'teamId', 'wins']);
    expect(byTeam.billing).toMatchObject({ redacted: true, wins: false, routedTo: 'billing' });
    expect(JSON.stringify(preview.body)).not.toContain('Charged twice');

    // An admin sees it whole; placing the draft first would take billing's case too. Nothing was stored.
    const first = await as('adam', 'POST', '/routing-rules/preview', { ...draft, position: 0 });
    expect(first.body).toMatchObject({ matched: 2, won: 2 });
    expect(first.body.cases.map((c: { id: string }) => c.id).sort()).toEqual([north, south].sort());
    expect((await as('adam', 'GET', '/routing-rules')).body.map((r: { id: string }) => r.id)).toEqual([
      'billing-north',
    ]);

    expect((await as('alice', 'POST', '/routing-rules/preview', draft)).status).toBe(403);
    expect((await as('lena', 'POST', '/routing-rules/preview', { ...draft, limit: 0 })).status).toBe(400);
  });
});
