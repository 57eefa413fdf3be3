import { ALL_TOPICS, type EventTopic, Topics } from '@nps/contracts';
import { KafkaProbe } from '@nps/testing';
import { Kafka, logLevel } from 'kafkajs';
import type { ClientTally } from './chaos.client';
import { CHAOS_SERVICES, type ChaosStack, schemaOf, TOPIC_PREFIX } from './chaos.stack';

/** One verdict of the run: what should hold, what was found. */
export interface Check {
  check: string;
  expected: number | string;
  actual: number | string;
  ok: boolean;
}

const ingestion = `${schemaOf('response-ingestion')}.responses`;
const scoring = `${schemaOf('scoring')}.responses`;
const tagging = `${schemaOf('root-cause-tagging')}.tagged_comments`;
const cases = `${schemaOf('case-management')}.cases`;
const skips = `${schemaOf('case-management')}.skipped_detractors`;

const count = async (stack: ChaosStack, sql: string) => (await stack.rows<{ n: number }>(sql))[0].n;
const equal = (check: string, expected: number, actual: number): Check => ({
  check,
  expected,
  actual,
  ok: expected === actual,
});

/** Rows left in each service's outbox. */
async function outboxRowsByService(stack: ChaosStack): Promise<Record<string, number>> {
  const counts = await Promise.all(
    CHAOS_SERVICES.map((service) => count(stack, `SELECT count(*)::int AS n FROM ${schemaOf(service)}.outbox`)),
  );
  return Object.fromEntries(CHAOS_SERVICES.map((service, i) => [service, counts[i]]));
}

/** Rows left in every service's outbox. */
export async function outboxRows(stack: ChaosStack): Promise<number> {
  return Object.values(await outboxRowsByService(stack)).reduce((a, b) => a + b, 0);
}

/** Where the work has got to: compare with the stored answers until it stops moving. */
export async function progress(stack: ChaosStack): Promise<Record<string, number>> {
  const [stored, detractors, scored, tagged, opened, skipped, outbox] = await Promise.all([
    count(stack, `SELECT count(*)::int AS n FROM ${ingestion}`),
    count(stack, `SELECT count(*)::int AS n FROM ${ingestion} WHERE score <= 6`),
    count(stack, `SELECT count(*)::int AS n FROM ${scoring} WHERE received`),
    count(stack, `SELECT count(*)::int AS n FROM ${tagging}`),
    count(stack, `SELECT count(*)::int AS n FROM ${cases}`),
    count(stack, `SELECT count(*)::int AS n FROM ${skips}`),
    outboxRows(stack),
  ]);
  return { stored, detractors, scored, tagged, opened, skipped, outbox };
}

/**
 * True once every stored answer is scored and tagged, every detractor has a case or a skip (the
 * case-opening policy skips answers older than 14 days) and no outbox holds a row.
 */
export function settled(p: Record<string, number>): boolean {
  return p.scored === p.stored && p.tagged === p.stored && p.opened + p.skipped === p.detractors && p.outbox === 0;
}

/** Every check of issue #14 over a settled run. */
export async function verify(
  stack: ChaosStack,
  tally: ClientTally,
  imported: { importId: string; accepted: number },
  npsUrl: string,
  npsHeaders: Record<string, string> = {},
): Promise<Check[]> {
  const checks: Check[] = [];
  const apiIds = tally.accepted.map((a) => a.responseId);
  const storedApi = await count(
    stack,
    `SELECT count(*)::int AS n FROM ${ingestion} WHERE response_id = ANY('{${apiIds.join(',')}}'::uuid[])`,
  );
  const storedImport = await count(
    stack,
    `SELECT count(*)::int AS n FROM ${ingestion} WHERE import_id = '${imported.importId}'`,
  );
  const stored = await count(stack, `SELECT count(*)::int AS n FROM ${ingestion}`);
  checks.push(equal('answers accepted by the API are stored', new Set(apiIds).size, storedApi));
  checks.push(equal('imported rows are stored', imported.accepted, storedImport));
  checks.push(equal('nothing else is stored', storedApi + storedImport, stored));
  checks.push(equal('refused answers (4xx)', 0, tally.refused.length));

  const notScored = `SELECT count(*)::int AS n FROM ${ingestion} i LEFT JOIN ${scoring} s
    ON s.response_id = i.response_id::text AND s.received WHERE s.response_id IS NULL`;
  checks.push(equal('stored answers not scored', 0, await count(stack, notScored)));
  const notTagged = `SELECT count(*)::int AS n FROM ${ingestion} i LEFT JOIN ${tagging} t
    ON t.response_id = i.response_id::text WHERE t.response_id IS NULL`;
  checks.push(equal('stored answers not tagged', 0, await count(stack, notTagged)));

  const events = await eventsPerResponse(stack, [Topics.ResponseReceived, Topics.ResponseTagged]);
  for (const [topic, perResponse] of events) {
    const once = [...perResponse.values()].filter((ids) => ids.size === 1).length;
    checks.push(equal(`answers with exactly one ${topic} event`, stored, once));
  }

  checks.push(...(await caseOpeningChecks(stack, imported.importId)));
  const unowned = `SELECT count(*)::int AS n FROM ${cases} WHERE owner_id IS NULL`;
  checks.push(equal('cases without an owner', 0, await count(stack, unowned)));

  checks.push(...(await rollupChecks(stack, npsUrl, npsHeaders)));
  checks.push(equal('records in dead-letter topics', 0, await deadLetters(stack)));
  checks.push(outboxCheck(await outboxRowsByService(stack)));
  checks.push(equal('HTTP 500 answers', 0, tally.statuses['500'] ?? 0));
  return checks;
}

/** No row left in any outbox; when some are, whose relay stopped. */
function outboxCheck(rows: Record<string, number>): Check {
  const total = Object.values(rows).reduce((a, b) => a + b, 0);
  const where = Object.entries(rows)
    .filter(([, n]) => n > 0)
    .map(([service, n]) => `${service} ${n}`);
  return {
    check: 'outbox rows left',
    expected: 0,
    actual: total ? `${total} (${where.join(', ')})` : 0,
    ok: total === 0,
  };
}

/**
 * Every detractor ends in exactly one case or one skip (docs/outer-loop.md, "Case-opening policy"):
 * the import asked for follow-up, so each of its detractors has a case; an API answer is skipped
 * only when it was older than 14 days when case-management saw it.
 */
async function caseOpeningChecks(stack: ChaosStack, importId: string): Promise<Check[]> {
  const detractors = await count(stack, `SELECT count(*)::int AS n FROM ${ingestion} WHERE score <= 6`);
  const decided = `SELECT count(*)::int AS n FROM ${ingestion} i WHERE i.score <= 6 AND
    (SELECT count(*) FROM ${cases} c WHERE c.response_id = i.response_id::text) +
    (SELECT count(*) FROM ${skips} s WHERE s.response_id = i.response_id::text) = 1`;
  const importedDetractors = `SELECT count(*)::int AS n FROM ${ingestion} WHERE import_id = '${importId}' AND score <= 6`;
  const importedWithCase = `SELECT count(*)::int AS n FROM ${ingestion} i JOIN ${cases} c
    ON c.response_id = i.response_id::text WHERE i.import_id = '${importId}' AND i.score <= 6`;
  const wrongSkips = `SELECT count(*)::int AS n FROM ${skips} WHERE reason <> 'ANSWER_TOO_OLD'
    OR answered_at > now() - interval '14 days'`;
  const staleCases = `SELECT count(*)::int AS n FROM ${ingestion} i JOIN ${cases} c
    ON c.response_id = i.response_id::text WHERE i.import_id IS NULL AND i.answered_at < now() - interval '15 days'`;
  const all = `SELECT (SELECT count(*) FROM ${cases}) + (SELECT count(*) FROM ${skips}) AS n`;
  return [
    equal('detractors with exactly one case or skip', detractors, await count(stack, decided)),
    equal('cases and skips in all', detractors, Number(await count(stack, all))),
    equal(
      'imported detractors (follow-up requested) with a case',
      await count(stack, importedDetractors),
      await count(stack, importedWithCase),
    ),
    equal('skips other than of answers older than 14 days', 0, await count(stack, wrongSkips)),
    equal('cases of API answers older than 15 days', 0, await count(stack, staleCases)),
  ];
}

/** `/nps` (all time, and per month) equals a recount of the stored scores. */
async function rollupChecks(stack: ChaosStack, npsUrl: string, headers: Record<string, string>): Promise<Check[]> {
  type Counts = { n: number; promoters: number; passives: number; detractors: number };
  const recount = `SELECT count(*)::int AS n, count(*) FILTER (WHERE score >= 9)::int AS promoters,
    count(*) FILTER (WHERE score BETWEEN 7 AND 8)::int AS passives, count(*) FILTER (WHERE score <= 6)::int AS detractors`;
  const [total] = await stack.rows<Counts>(`${recount} FROM ${ingestion}`);
  const monthly = await stack.rows<Counts & { period: string }>(
    `${recount}, to_char(date_trunc('month', answered_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS period
     FROM ${ingestion} GROUP BY 5 ORDER BY 5`,
  );
  const get = async (path: string) =>
    ((await (await fetch(npsUrl + path, { headers })).json()) as { rows: (Counts & { period?: string })[] }).rows;
  const [all] = await get('/nps');
  const months = await get('/nps?interval=month');
  const key = (c: Counts) => `${c.n}/${c.promoters}/${c.passives}/${c.detractors}`;
  const monthKey = (rows: (Counts & { period?: string })[]) =>
    rows
      .filter((r) => r.n > 0)
      .map((r) => `${r.period}:${key(r)}`)
      .join(' ');
  return [
    {
      check: '/nps equals a recount (n/promoters/passives/detractors)',
      expected: key(total),
      actual: key(all),
      ok: key(total) === key(all),
    },
    {
      check: '/nps per month equals a recount',
      expected: `${monthly.length} months`,
      actual: monthKey(months) === monthKey(monthly) ? `${monthly.length} months` : monthKey(months),
      ok: monthKey(months) === monthKey(monthly),
    },
  ];
}

/** Distinct event ids per response id on each topic (a redelivery on the wire repeats its id). */
async function eventsPerResponse(
  stack: ChaosStack,
  topics: EventTopic[],
): Promise<Map<string, Map<string, Set<string>>>> {
  const probe = new KafkaProbe(stack.kafka.brokers, TOPIC_PREFIX);
  try {
    await probe.watch(topics);
    const sizes = await Promise.all(topics.map((topic) => topicSize(stack, TOPIC_PREFIX + topic.name)));
    const deadline = Date.now() + 120_000;
    while (topics.some((topic, i) => probe.events(topic).length < sizes[i]) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return new Map(
      topics.map((topic) => {
        const perResponse = new Map<string, Set<string>>();
        for (const seen of probe.events(topic)) {
          const responseId = (seen.message as unknown as { responseId: string }).responseId;
          perResponse.set(responseId, (perResponse.get(responseId) ?? new Set()).add(seen.id));
        }
        return [topic.name, perResponse];
      }),
    );
  } finally {
    await probe.close();
  }
}

async function deadLetters(stack: ChaosStack): Promise<number> {
  const sizes = await Promise.all(ALL_TOPICS.map((topic) => topicSize(stack, `${TOPIC_PREFIX}${topic.name}.dlq`)));
  return sizes.reduce((a, b) => a + b, 0);
}

/** Records a topic holds; 0 when it does not exist. */
async function topicSize(stack: ChaosStack, topic: string): Promise<number> {
  const admin = new Kafka({
    brokers: [stack.kafka.brokers],
    clientId: 'chaos-checks',
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(topic)) return 0;
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
}
