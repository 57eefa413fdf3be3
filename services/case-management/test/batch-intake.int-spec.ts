import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Topics } from '@nps/contracts';
import { anEvent, expectEventually, serviceBed } from '@nps/testing';
import { Client } from 'pg';
import { opsIssuer } from './support/ops-api.client';
import { setUpTeam } from './support/ops.fixtures';

// Batch mode (docs/adr/0039-batch-consumer.md): the cases of a batch are assigned at its end, once
// per team (case-intake/case.assigner.ts), picking owners from loads kept in memory.
describe('case intake in batch mode', () => {
  const bed = serviceBed({
    service: 'case-management',
    autoStart: false,
    env: { CONSUMER_BATCH_SIZE: '32', CONSUMER_BATCH_WAIT_MS: '200' },
  });
  const issuer = opsIssuer();

  it("inserts one batch's cases in one statement, spreads them over two teams' members as one at a time would, and revises a case opened in the same batch after its assignment", async () => {
    const service = await bed.start(issuer.env);
    const admin = await issuer.token('adam');
    await setUpTeam(service.url, admin, {
      id: 'benelux-care',
      members: [{ id: 'anna' }, { id: 'bram' }, { id: 'chris' }],
      rule: { id: 'benelux', position: 10, conditions: { regions: ['benelux'] } },
    });
    await setUpTeam(service.url, admin, {
      id: 'dach-care',
      members: [{ id: 'dora' }, { id: 'emil' }],
      rule: { id: 'dach', position: 20, conditions: { regions: ['dach'] } },
    });
    await bed.stop('SIGTERM');
    // Counts the statements that insert cases: a batch's new cases go in one (case-opening.service.ts).
    await bed.rows('CREATE TABLE $schema.case_insert_statements (at timestamptz DEFAULT clock_timestamp())');
    await bed.rows(`CREATE FUNCTION $schema.count_case_inserts() RETURNS trigger LANGUAGE plpgsql AS
      $$BEGIN INSERT INTO $schema.case_insert_statements DEFAULT VALUES; RETURN NULL; END$$`);
    await bed.rows(`CREATE TRIGGER count_case_inserts AFTER INSERT ON $schema.cases
      FOR EACH STATEMENT EXECUTE FUNCTION $schema.count_case_inserts()`);

    // One key, so one partition and one batch: 24 detractors alternating between the teams, and a
    // revision of the fourth one's answer a few records after it.
    const detractors = Array.from({ length: 24 }, (_, i) =>
      anEvent(Topics.DetractorIdentified, {
        customerId: 'c-batch',
        score: 3,
        customer: { region: i % 2 === 0 ? 'benelux' : 'dach' },
      }),
    );
    const revision = { ...detractors[3], eventId: randomUUID(), revision: 1, score: 1, comment: 'still waiting' };
    const events = [...detractors.slice(0, 10), anEvent(Topics.DetractorIdentified, revision), ...detractors.slice(10)];
    await bed.publish(Topics.DetractorIdentified, events);
    await bed.start(issuer.env);

    const cases = await expectEventually(
      async () => {
        const found = await bed.rows<{ response_id: string; team_id: string; owner_id: string | null }>(
          'SELECT response_id, team_id, owner_id FROM $schema.cases',
        );
        expect(found).toHaveLength(24);
        return found;
      },
      { timeoutMs: 30000 },
    );
    const inbox = await bed.rows<{ processed_at: Date }>('SELECT processed_at FROM $schema.inbox WHERE topic = $1', [
      Topics.DetractorIdentified.name,
    ]);
    expect(inbox).toHaveLength(25);
    expect(new Set(inbox.map((row) => row.processed_at.toISOString())).size).toBe(1); // one transaction
    expect(await bed.rows('SELECT at FROM $schema.case_insert_statements')).toHaveLength(1);

    const loads = (teamId: string) => {
      const counts = new Map<string, number>();
      for (const c of cases.filter((c) => c.team_id === teamId))
        counts.set(c.owner_id ?? '', (counts.get(c.owner_id ?? '') ?? 0) + 1);
      return Object.fromEntries(counts);
    };
    expect(loads('benelux-care')).toEqual({ anna: 4, bram: 4, chris: 4 });
    expect(loads('dach-care')).toEqual({ dora: 6, emil: 6 });
    const counters = await bed.rows<{ id: string; open_cases: number }>(
      'SELECT id, open_cases FROM $schema.members ORDER BY id',
    );
    expect(Object.fromEntries(counters.map((m) => [m.id, m.open_cases]))).toEqual({
      anna: 4,
      bram: 4,
      chris: 4,
      dora: 6,
      emil: 6,
    });

    const [revised] = await bed.rows<{ id: string; revision: number; score: number; owner_id: string }>(
      'SELECT id, revision, score, owner_id FROM $schema.cases WHERE response_id = $1',
      [detractors[3].responseId],
    );
    expect(revised).toMatchObject({ revision: 1, score: 1, owner_id: expect.stringMatching(/^(dora|emil)$/) });
    const activities = await bed.rows<{ kind: string }>(
      'SELECT kind FROM $schema.case_activities WHERE case_id = $1 ORDER BY id',
      [revised.id],
    );
    // Revised once assigned: revised before, its activity would come before the opening's.
    expect(activities.map((a) => a.kind)).toEqual(['opened', 'assigned', 'response_revised']);
    await bed.stop('SIGTERM');
  }, 120000);

  // What a batch of detractors needs is read once, before its first record (case-opening.service.ts):
  // every record must still see what the records before it in the same batch did.
  it('decides a batch by what it read ahead, and by what its earlier records did', async () => {
    const customerId = `c-ahead-${randomUUID().slice(0, 8)}`;
    const unknownFacts = { customer: { language: '', segment: '', region: '', tier: '' } };
    const existing = anEvent(Topics.DetractorIdentified, { customerId, score: 4 });
    const taggedFirst = anEvent(Topics.DetractorIdentified, { customerId, ...unknownFacts });
    await bed.start(issuer.env);
    await bed.publish(Topics.CustomerUpserted, [
      anEvent(Topics.CustomerUpserted, { customerId, segment: 'smb', region: 'dach', tier: 'gold', language: 'de' }),
    ]);
    await bed.publish(Topics.ResponseTagged, [
      anEvent(Topics.ResponseTagged, {
        customerId,
        responseId: taggedFirst.responseId,
        tags: [{ tagId: 'wait-time', polarity: 1, confidence: 0.9 }],
      }),
    ]);
    await bed.publish(Topics.DetractorIdentified, [existing]);
    await expectEventually(async () => {
      expect(await bed.rows('SELECT 1 FROM $schema.cases WHERE response_id = $1', [existing.responseId])).toHaveLength(
        1,
      );
      expect(await bed.rows('SELECT 1 FROM $schema.response_enrichments')).not.toHaveLength(0);
      expect(await bed.rows('SELECT 1 FROM $schema.customers WHERE customer_id = $1', [customerId])).toHaveLength(1);
    });
    await bed.stop('SIGTERM');

    const revision = (revision: number, score: number) => ({ ...existing, eventId: randomUUID(), revision, score });
    const old = anEvent(Topics.DetractorIdentified, {
      customerId,
      answeredAt: timestampFromDate(new Date(Date.now() - 400 * 24 * 3600 * 1000)),
    });
    const batch = [
      taggedFirst,
      anEvent(Topics.DetractorIdentified, revision(2, 1)),
      anEvent(Topics.DetractorIdentified, revision(1, 0)), // older, arriving late: changes nothing
      old,
      anEvent(Topics.DetractorIdentified, { ...old, eventId: randomUUID(), revision: 1, answeredAt: undefined }),
    ];
    await bed.publish(Topics.DetractorIdentified, batch);
    await bed.start(issuer.env);
    const inbox = await expectEventually(async () => {
      const rows = await bed.rows<{ processed_at: Date }>(
        'SELECT processed_at FROM $schema.inbox WHERE event_id = ANY($1::text[])',
        [batch.map((event) => event.eventId)],
      );
      expect(rows).toHaveLength(5);
      return rows;
    });
    expect(new Set(inbox.map((row) => row.processed_at.toISOString())).size).toBe(1); // one transaction

    const caseOf = async (responseId: string) =>
      bed.rows('SELECT * FROM $schema.cases WHERE response_id = $1', [responseId]);
    // Facts from the customer projection, tags that arrived before the detractor.
    expect(await caseOf(taggedFirst.responseId)).toEqual([
      expect.objectContaining({ segment: 'smb', region: 'dach', tier: 'gold', language: 'de', tag_ids: ['wait-time'] }),
    ]);
    const [revised] = await caseOf(existing.responseId);
    expect(revised).toMatchObject({ revision: 2, score: 1 });
    const activities = await bed.rows<{ kind: string; detail: { previousScore?: number } }>(
      'SELECT kind, detail FROM $schema.case_activities WHERE case_id = $1 ORDER BY id',
      [revised.id],
    );
    expect(activities.filter((a) => a.kind === 'response_revised').map((a) => a.detail.previousScore)).toEqual([4]);
    // Skipped once; its revision in the same batch stays skipped.
    expect(await caseOf(old.responseId)).toEqual([]);
    expect(
      await bed.rows('SELECT reason FROM $schema.skipped_detractors WHERE response_id = $1', [old.responseId]),
    ).toEqual([{ reason: 'ANSWER_TOO_OLD' }]);
    await bed.stop('SIGTERM');
  }, 120000);

  // Every batch locks its responses before it reads their cases, so only a writer that skips the lock can get there
  // first: the batch's one insert then leaves that response out (ON CONFLICT), and the batch must not go on as if
  // its case were in (case-opening.service.ts, insertOpened).
  it("rolls back a batch whose case another writer opened in the meantime, and its retry takes that writer's case", async () => {
    const service = await bed.start(issuer.env);
    await setUpTeam(service.url, await issuer.token('adam'), {
      id: 'nordic-care',
      members: [{ id: 'nils' }, { id: 'olga' }],
      rule: { id: 'nordic', position: 5, conditions: { regions: ['nordic'] } },
    });
    const detractor = (score: number) =>
      anEvent(Topics.DetractorIdentified, { customerId: 'c-race', score, customer: { region: 'nordic' } });
    const first = detractor(2);
    const second = detractor(1);
    await bed.publish(Topics.DetractorIdentified, [first]);
    await expectEventually(async () =>
      expect(await bed.rows('SELECT 1 FROM $schema.cases WHERE response_id = $1', [first.responseId])).toHaveLength(1),
    );

    // The other writer: the second answer's case, copied from the first's without an owner, not committed yet.
    const writer = new Client({ connectionString: bed.databaseUrl });
    await writer.connect();
    const theirs = randomUUID();
    try {
      await writer.query('BEGIN');
      await writer.query(
        `INSERT INTO "${bed.schema}".cases SELECT (jsonb_populate_record(c, $1::jsonb)).*
         FROM "${bed.schema}".cases c WHERE response_id = $2`,
        [JSON.stringify({ id: theirs, response_id: second.responseId, owner_id: null }), first.responseId],
      );
      await bed.publish(Topics.DetractorIdentified, [second]);
      // The batch read no case for the answer and now waits at its insert for the writer's.
      await expectEventually(async () => {
        const [{ n }] = await bed.rows<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
           WHERE NOT l.granted AND a.application_name = $1 AND a.query LIKE 'INSERT INTO%cases%'`,
          [bed.schema],
        );
        expect(n).toBe(1);
      });
      await writer.query('COMMIT');
    } finally {
      await writer.end();
    }

    await expectEventually(async () =>
      expect(await bed.rows('SELECT 1 FROM $schema.inbox WHERE event_id = $1', [second.eventId])).toHaveLength(1),
    );
    expect(bed.process.output).toContain(`another transaction opened the cases of responses ${second.responseId}`);
    expect(await bed.rows('SELECT id FROM $schema.cases WHERE response_id = $1', [second.responseId])).toEqual([
      { id: theirs },
    ]);
    // Nothing of the case the rolled-back attempt meant to open: no assignment counted, and the retry left theirs as it was.
    const loads = await bed.rows<{ id: string; open_cases: number; owned: number }>(
      `SELECT m.id, m.open_cases, (SELECT count(*)::int FROM $schema.cases c WHERE c.owner_id = m.id) AS owned
       FROM $schema.members m WHERE m.team_id = 'nordic-care' ORDER BY m.id`,
    );
    expect(loads.map((m) => m.open_cases)).toEqual(loads.map((m) => m.owned));
    expect(loads.reduce((sum, m) => sum + m.open_cases, 0)).toBe(1);
    const [{ activities }] = await bed.rows<{ activities: number }>(
      'SELECT count(*)::int AS activities FROM $schema.case_activities WHERE case_id = $1',
      [theirs],
    );
    expect(activities).toBe(0);
    await bed.stop('SIGTERM');
  }, 120000);
});
