import { randomUUID } from 'node:crypto';
import { serviceBed } from '@nps/testing';

// POST /responses seals the comment with the customer's key before its transaction opens: the key
// store takes connections from the same pool, so requests that each held one for their transaction
// while waiting for a key's starved the pool and answered 503 once as many arrived as it has.
describe('POST /responses under concurrent requests', () => {
  const bed = serviceBed({ service: 'response-ingestion', env: { DATABASE_POOL_SIZE: '3' } });

  it('stores every answer of more concurrent requests than the pool has connections, each for a new customer', async () => {
    const token = await bed.clientToken('responses-writer');
    const answers = Array.from({ length: 24 }, (_, i) => ({
      customerId: `c-${randomUUID()}`,
      score: i % 11,
      comment: `Answer ${i}: the parcel came late`,
      language: 'en',
    }));
    const statuses = await Promise.all(
      answers.map(async (body) => {
        const response = await fetch(`${bed.url}/responses`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            'Idempotency-Key': `k-${randomUUID()}`,
          },
          body: JSON.stringify(body),
        });
        return response.status;
      }),
    );
    expect(statuses).toEqual(answers.map(() => 201));
    const stored = await bed.rows<{ customer_id: string }>('SELECT customer_id FROM $schema.responses');
    expect(stored.map((row) => row.customer_id).sort()).toEqual(answers.map((a) => a.customerId).sort());
  });
});
