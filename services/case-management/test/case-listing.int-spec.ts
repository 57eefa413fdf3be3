import { Topics } from '@nps/contracts';
import { anEvent, expectEventually, serviceBed, type ServiceInstance, callJson } from '@nps/testing';
import { opsIssuer } from './support/ops-api.client';

interface Listed {
  id: string;
  customerId: string;
  responseId: string;
  priority: string;
  openedAt: string;
  nextDueAt: string;
}
interface Page {
  items: Listed[];
  total: number;
  nextCursor: string | null;
}

const RANK: Record<string, number> = { low: 0, normal: 1, high: 2, urgent: 3 };
const BASE = Date.parse('2026-06-01T08:00:00Z');

// GET /cases (ADR 0027): filters, sorts, the total, and a keyset listing that neither repeats nor skips a case
// while cases are being inserted. The bulk cases go straight into the table: 1,000 through intake would make
// this a load test. One case goes through intake, so the listing is also checked on a case the service opened.
describe('case listing', () => {
  const bed = serviceBed({ service: 'case-management', autoStart: false });
  const issuer = opsIssuer();
  let service: ServiceInstance;
  const as = async (person: string, path: string) => callJson(service.url, 'GET', path, await issuer.token(person));
  const page = async (path: string): Promise<Page> => {
    const answer = await as('adam', path);
    if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };

  /** Inserts cases of `team` as the intake would store them; `opened` and `due` in minutes after BASE. */
  async function insert(
    team: string,
    cases: {
      responseId: string;
      customerId?: string;
      opened?: number;
      due?: number;
      priority?: string;
      status?: string;
      tags?: string[];
    }[],
  ): Promise<void> {
    const at = (minutes: number | undefined) => (minutes === undefined ? null : new Date(BASE + minutes * 60000));
    await bed.rows(
      `INSERT INTO $schema.cases (id, response_id, customer_id, team_id, owner_id, status, priority, score,
         assignment_reason, assignment_detail, first_contact_due_at, resolution_due_at, tag_ids, opened_at)
       SELECT gen_random_uuid(), c.response_id, c.customer_id, $1, 'alice', c.status, c.priority, 3, 'manual', '',
         coalesce(c.due, $3::timestamptz + interval '1 day'), coalesce(c.due, $3::timestamptz) + interval '2 days', c.tags,
         coalesce(c.opened, $3::timestamptz)
       FROM jsonb_to_recordset($2) AS c(response_id text, customer_id text, status text, priority text,
         due timestamptz, opened timestamptz, tags text[])`,
      [
        team,
        JSON.stringify(
          cases.map((c) => ({
            response_id: c.responseId,
            customer_id: c.customerId ?? 'bulk-customer',
            status: c.status ?? 'open',
            priority: c.priority ?? 'normal',
            due: at(c.due),
            opened: at(c.opened),
            tags: c.tags ?? [],
          })),
        ),
        // Milliseconds, as the intake stores them: now()'s microseconds would order two cases of one
        // millisecond differently from the JSON the test compares.
        new Date(),
      ],
    );
  }

  beforeAll(async () => {
    service = await bed.start(issuer.env);
  }, 120000);

  it('finds the case of a customer, with the total, and the case of a response', async () => {
    const detractor = anEvent(Topics.DetractorIdentified, { customerId: 'c-1', comment: 'Late again' });
    await bed.publish(Topics.DetractorIdentified, [detractor]);
    const found = await expectEventually(async () => {
      const listed = await page('/cases?scope=team&customerId=c-1');
      expect(listed).toMatchObject({ total: 1, nextCursor: null, items: [{ customerId: 'c-1' }] });
      return listed.items[0];
    });
    expect(found).toMatchObject({ responseId: detractor.responseId, teamId: 'customer-care', status: 'open' });
    expect(await page('/cases?scope=team&customerId=c-2')).toEqual({ items: [], total: 0, nextCursor: null });

    const byResponse = await as('alice', `/cases/by-response/${detractor.responseId}`);
    expect({ status: byResponse.status, id: byResponse.body.id }).toEqual({ status: 200, id: found.id });
    // bert works for billing: the lookup searches his teams only, so another team's case is not found.
    for (const [person, responseId] of [
      ['bert', detractor.responseId],
      ['adam', 'no-such-response'],
    ]) {
      const missing = await as(person, `/cases/by-response/${responseId}`);
      expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 404, code: 'CASE_NOT_FOUND' });
    }
    expect((await as('alice', '/cases?scope=team&teamId=bulk')).status).toBe(403);
  });

  describe('over 1,000 cases while more are inserted', () => {
    const TEAM = 'bulk';
    // Ten cases share each opening minute and deadlines repeat, so ties are broken by the id.
    const seeded = Array.from({ length: 1000 }, (_, i) => ({
      responseId: `bulk-${i}`,
      opened: Math.floor(i / 10),
      due: (i * 7919) % 300,
      priority: ['low', 'normal', 'high', 'urgent'][i % 4],
    }));
    let inserted = 0;

    beforeAll(() => insert(TEAM, seeded));

    /** Inserts cases until stopped: new ones, and ones opened and due amid those listed (as a late commit). */
    function keepInserting(): { stop: () => Promise<string[]> } {
      const ids: string[] = [];
      let running = true;
      const loop = (async () => {
        while (running) {
          const n = inserted++;
          const backdated = n % 2 === 0;
          const responseId = `concurrent-${n}`;
          await insert(TEAM, [
            backdated
              ? { responseId, opened: (n * 37) % 100, due: (n * 53) % 300, priority: 'high' }
              : { responseId, priority: 'urgent' },
          ]);
          ids.push(responseId);
        }
      })();
      return {
        stop: async () => {
          running = false;
          await loop;
          return ids;
        },
      };
    }

    const sortKey: Record<string, (c: Listed) => (string | number)[]> = {
      opened: (c) => [c.openedAt, c.id],
      deadline: (c) => [c.nextDueAt, c.id],
      priority: (c) => [RANK[c.priority], c.openedAt, c.id],
    };
    const compare = (a: (string | number)[], b: (string | number)[]) => {
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
      return 0;
    };

    it.each([
      ['opened', 'desc', ''],
      ['opened', 'asc', '&sort=opened&order=asc'],
      ['deadline', 'asc', '&sort=deadline'],
      ['priority', 'desc', '&sort=priority'],
    ])(
      'by %s %s: every case once, in order, with the total',
      async (sort, order, query) => {
        const before = await bed.rows<{ response_id: string }>(
          'SELECT response_id FROM $schema.cases WHERE team_id = $1',
          [TEAM],
        );
        const path = `/cases?scope=team&teamId=${TEAM}&limit=97${query}`;
        const first = await page(path);
        expect(first.total).toBe(before.length);
        const inserter = keepInserting();
        const listed = [...first.items];
        const totals = [first.total];
        for (let cursor = first.nextCursor; cursor;) {
          const next = await page(`${path}&cursor=${cursor}`);
          listed.push(...next.items);
          totals.push(next.total);
          cursor = next.nextCursor;
        }
        const concurrent = new Set(await inserter.stop());
        expect(concurrent.size).toBeGreaterThan(5);

        const responses = listed.map((c) => c.responseId);
        expect(new Set(responses).size).toBe(responses.length); // no duplicates
        const seen = new Set(responses);
        expect(before.filter((row) => !seen.has(row.response_id))).toEqual([]); // no gaps
        expect(responses.filter((id) => !concurrent.has(id) && !before.some((row) => row.response_id === id))).toEqual(
          [],
        );
        // Only cases opened amid the listing, before it started, may join it; none opened after.
        for (const id of responses.filter((id) => concurrent.has(id))) expect(Number(id.split('-')[1]) % 2).toBe(0);
        const keys = listed.map(sortKey[sort]);
        for (let i = 1; i < keys.length; i++)
          expect({ i, order: Math.sign(compare(keys[i - 1], keys[i])) }).toEqual({
            i,
            order: order === 'asc' ? -1 : 1,
          });
        for (let i = 1; i < totals.length; i++) expect(totals[i]).toBeGreaterThanOrEqual(totals[i - 1]);
      },
      120000,
    );
  });

  describe('filters and sorts', () => {
    const TEAM = 'filters';
    const path = (query: string) => `/cases?scope=team&teamId=${TEAM}${query}`;
    const cases = [
      { responseId: 'f-1', customerId: 'cust-a', opened: 0, due: 50, priority: 'low', tags: ['price'] },
      { responseId: 'f-2', customerId: 'cust-a', opened: 10, due: 20, priority: 'urgent', status: 'in_progress' },
      { responseId: 'f-3', customerId: 'cust-b', opened: 20, due: 40, priority: 'high', status: 'resolved' },
      { responseId: 'f-4', customerId: 'cust-b', opened: 30, due: 10, priority: 'normal', tags: ['price', 'staff'] },
      { responseId: 'f-5', customerId: 'cust-c', opened: 40, due: 30, priority: 'urgent', status: 'closed' },
    ];

    beforeAll(() => insert(TEAM, cases));

    const at = (minutes: number) => new Date(BASE + minutes * 60000).toISOString();
    it.each([
      ['default: open and in progress, newest first', '', ['f-4', 'f-2', 'f-1']],
      ['customerId', '&customerId=cust-a', ['f-2', 'f-1']],
      ['responseId', '&responseId=f-3&status=resolved', ['f-3']],
      ['one status', '&status=resolved', ['f-3']],
      ['statuses, comma-separated', '&status=resolved,closed', ['f-5', 'f-3']],
      ['statuses, repeated', '&status=open&status=closed', ['f-5', 'f-4', 'f-1']],
      ['tag', '&tag=price', ['f-4', 'f-1']],
      ['tagId, the former name', '&tagId=staff', ['f-4']],
      ['priority', '&priority=urgent&status=closed,in_progress', ['f-5', 'f-2']],
      ['openedFrom (inclusive)', `&openedFrom=${at(10)}`, ['f-4', 'f-2']],
      ['openedTo (exclusive)', `&openedTo=${at(30)}`, ['f-2', 'f-1']],
      [
        'opened from and to',
        `&status=open,in_progress,resolved,closed&openedFrom=${at(10)}&openedTo=${at(40)}`,
        ['f-4', 'f-3', 'f-2'],
      ],
      ['sort=opened&order=asc', '&sort=opened&order=asc', ['f-1', 'f-2', 'f-4']],
      ['sort=deadline', '&sort=deadline', ['f-4', 'f-2', 'f-1']],
      ['sort=deadline&order=desc', '&sort=deadline&order=desc', ['f-1', 'f-2', 'f-4']],
      ['sort=priority', '&sort=priority&status=open,in_progress,resolved,closed', ['f-5', 'f-2', 'f-3', 'f-4', 'f-1']],
      ['sort=priority&order=asc', '&sort=priority&order=asc', ['f-1', 'f-4', 'f-2']],
    ])('%s', async (_name, query, expected) => {
      const listed = await page(path(query));
      expect({ ids: listed.items.map((c) => c.responseId), total: listed.total }).toEqual({
        ids: expected,
        total: expected.length,
      });
    });

    it('pages with a cursor and refuses one replayed with other filters or a made-up one', async () => {
      const first = await page(path('&limit=2'));
      expect({ ids: first.items.map((c) => c.responseId), total: first.total }).toEqual({
        ids: ['f-4', 'f-2'],
        total: 3,
      });
      const second = await page(path(`&limit=2&cursor=${first.nextCursor}`));
      expect(second).toMatchObject({ items: [{ responseId: 'f-1' }], total: 3, nextCursor: null });
      // The right fingerprint, but a key Postgres cannot read: still the caller's mistake, not a 500.
      const forged = JSON.parse(Buffer.from(first.nextCursor ?? '', 'base64url').toString());
      const badKey = Buffer.from(JSON.stringify({ ...forged, k: ['yesterday-ish'] })).toString('base64url');
      for (const query of [`&sort=deadline&cursor=${first.nextCursor}`, '&cursor=not-a-cursor', `&cursor=${badKey}`]) {
        const refused = await as('adam', path(query));
        expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 400, code: 'INVALID_CURSOR' });
      }
      const invalid = await as('adam', path('&status=pending&sort=name&limit=1001'));
      expect({ status: invalid.status, fields: invalid.body.fields.map((f: { field: string }) => f.field) }).toEqual({
        status: 400,
        fields: ['status', 'sort', 'limit'],
      });
    });
  });
});
