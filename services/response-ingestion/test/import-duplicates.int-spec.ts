import { serviceBed } from '@nps/testing';

// Within one import, a row's identity is its external_id when it has one, else its line (ADR 0007).
describe('bulk import and repeated rows', () => {
  const bed = serviceBed({ service: 'response-ingestion' });

  it('refuses a repeated external_id naming the first line, and takes identical rows without one', async () => {
    const csv = [
      'customer_id,score,answered_at,language,comment,external_id',
      'c-1,2,2024-01-05T10:00:00Z,en,too slow,order-1',
      'c-2,9,2024-01-06T10:00:00Z,en,great,',
      'c-2,9,2024-01-06T10:00:00Z,en,great,',
      'c-3,4,2024-01-07T10:00:00Z,en,late again,order-1',
    ].join('\n');
    const response = await fetch(`${bed.url}/imports?importId=repeats`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${await bed.clientToken('importer')}` },
      body: csv,
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      rows: 4,
      accepted: 3,
      published: 3,
      rejected: 1,
      rejects: [{ line: 5, field: 'external_id', reason: 'duplicates the row on line 2' }],
    });
    const stored = await bed.rows<{ customer_id: string }>(
      'SELECT customer_id FROM $schema.responses ORDER BY customer_id',
    );
    expect(stored.map((row) => row.customer_id)).toEqual(['c-1', 'c-2', 'c-2']);
  });
});
