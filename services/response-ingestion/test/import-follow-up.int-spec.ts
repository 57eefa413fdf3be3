import { ResponseSource, Topics } from '@nps/contracts';
import { expectEventually, serviceBed } from '@nps/testing';

const CSV = [
  'customer_id,score,answered_at,language,comment,external_id',
  'c-1,2,2024-01-05T10:00:00Z,en,too slow,a',
  'c-2,9,2024-01-06T10:00:00Z,en,great,b',
].join('\n');

// A bulk import asks for follow-up only explicitly (?followUp=true); the case-opening policy skips
// imported answers otherwise (docs/response-ingestion.md, ADR 0030).
describe('bulk import and the follow-up request', () => {
  const bed = serviceBed({ service: 'response-ingestion' });
  const kafka = bed.probe(Topics.ResponseReceived);

  const upload = async (query: string) =>
    fetch(`${bed.url}/imports?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${await bed.clientToken('importer')}` },
      body: CSV,
    });
  // By customer: the comments are encrypted on the topic.
  const flagsOf = (customers: string[]) =>
    kafka
      .events(Topics.ResponseReceived)
      .filter((seen) => customers.includes(seen.message.customerId))
      .map((seen) => seen.message);

  it('refuses a followUp that is not true or false, naming the parameter', async () => {
    for (const value of ['yes', '1', 'TRUE', '']) {
      const response = await upload(`importId=bad-flag&followUp=${value}`);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await response.json()).toMatchObject({ fields: [{ field: 'followUp', reason: 'must be true or false' }] });
    }
  });

  it('publishes follow_up_requested only for the import that asked, and a rerun of an id changes nothing', async () => {
    expect((await upload('importId=plain')).status).toBe(200);
    expect((await upload('importId=plain-false&followUp=false')).status).toBe(200);
    const asked = await upload('importId=asked&followUp=true');
    expect(await asked.json()).toMatchObject({ accepted: 2, published: 2 });
    const rerun = await upload('importId=plain&followUp=true');
    expect(await rerun.json()).toMatchObject({ accepted: 2, published: 0, alreadyImported: 2 });

    await bed.outboxDrained();
    const events = await expectEventually(() => {
      const seen = flagsOf(['c-1', 'c-2']);
      expect(seen).toHaveLength(6);
      return seen;
    });
    expect(events.every((event) => event.source === ResponseSource.IMPORT)).toBe(true);
    expect(events.filter((event) => event.followUpRequested)).toHaveLength(2);
    const asking = events.filter((event) => event.followUpRequested).map((event) => event.responseId);
    const rows = await bed.rows<{ response_id: string; import_id: string }>(
      'SELECT response_id, import_id FROM $schema.responses WHERE response_id = ANY($1)',
      [asking],
    );
    expect(rows.map((row) => row.import_id)).toEqual(['asked', 'asked']);
  });
});
