// NPS API latency over a large history: two years of 5,000,000 answers' worth of day rollups go
// straight into a fresh scoring schema (BENCH_LOAD=rollups, generate_series), or 5,000,000
// responses are loaded in bulk (COPY) and the day rollups built from them with one aggregation
// (BENCH_LOAD=responses); the week and month rollups are summed from the day ones. Then the scoring
// service answers `/nps` (monthly by segment over two years), `/nps/compare` and `/nps/drivers`
// over HTTP while we time each request, and so does a second scoring process that reads the day
// rollups only (services/scoring/test/day-only-scoring.main.ts): the baseline, in the same run.
//
//   npm run bench:nps
//
// Reads DATABASE_URL (default postgres://postgres@127.0.0.1:5432/nps_test), KAFKA_BROKERS
// (127.0.0.1:9092; the service needs a broker to start), BENCH_LOAD (rollups), BENCH_RESPONSES
// (5000000), BENCH_REQUESTS (200 per question and reader). The schema is dropped at the end.
// Figures: docs/benchmarks.md.
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { categoryOf } from '@nps/contracts';
import { freePort, LocalIssuer, seededRandom, ServiceProcess } from '@nps/testing';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { progress, round } from './bench.report';
import { loadAverage, writeBenchResult } from './bench.results';
import { runBench } from './bench.run';
import { DAYS, generateRollups, sumCoarseRollups, TAGS } from './nps.history';
import { type BenchTarget, benchTarget, positiveInt } from './bench.settings';

const ZONE = 'Europe/Amsterdam';
const START = Date.parse('2024-01-01T00:00:00Z');
const CUSTOMERS = 50000;
const pick = <T>(random: () => number, items: readonly T[]) => items[Math.floor(random() * items.length)];

interface Settings extends BenchTarget {
  load: 'rollups' | 'responses';
  responses: number;
  requests: number;
}

function settingsOf(env: NodeJS.ProcessEnv): Settings {
  const count = (name: string, fallback: number) => positiveInt(env, name, fallback);
  return {
    ...benchTarget(env),
    load: env.BENCH_LOAD === 'responses' ? 'responses' : 'rollups',
    responses: count('BENCH_RESPONSES', 5_000_000),
    requests: count('BENCH_REQUESTS', 200),
  };
}

/** Lines of COPY text for `count` responses (uniform dimensions, a realistic 45/30/25 score mix). */
function responseLines(
  count: number,
  random: () => number,
  customers: { segment: string; region: string; tier: string }[],
): Readable {
  let i = 0;
  return Readable.from(
    (function* () {
      while (i < count) {
        const lines: string[] = [];
        for (const end = Math.min(count, i + 5000); i < end; i++) {
          const customer = Math.floor(random() * CUSTOMERS);
          const facts = customers[customer];
          const roll = random();
          const score =
            roll < 0.45
              ? 9 + Math.floor(random() * 2)
              : roll < 0.75
                ? 7 + Math.floor(random() * 2)
                : Math.floor(random() * 7);
          const category = categoryOf(score);
          const at = new Date(START + Math.floor(random() * DAYS * 86400) * 1000).toISOString();
          lines.push(
            [
              `r-${i}`,
              `c-${customer}`,
              't',
              '0',
              score,
              category,
              '',
              at,
              at,
              '',
              pick(random, ['order-delivered', 'ticket-closed', 'store-visit']),
              pick(random, ['email', 'sms', 'web']),
              pick(random, ['en', 'nl', 'de']),
              facts.segment,
              facts.region,
              facts.tier,
              category === 'detractor' ? 'identified' : 'none',
            ].join('\t'),
          );
        }
        yield `${lines.join('\n')}\n`;
      }
    })(),
  );
}

async function load(db: Client, schema: string, settings: Settings): Promise<void> {
  const random = seededRandom(5_000_000);
  const customers = Array.from({ length: CUSTOMERS }, () => ({
    segment: pick(random, ['consumer', 'smb', 'enterprise']),
    region: pick(random, ['benelux', 'dach', 'uk']),
    tier: pick(random, ['standard', 'gold', 'platinum']),
  }));
  await pipeline(
    Readable.from([
      customers
        .map((c, i) => [`c-${i}`, 'en', c.segment, c.region, c.tier, '', '2024-01-01T00:00:00Z'].join('\t'))
        .join('\n') + '\n',
    ]),
    db.query(
      copyFrom(
        `COPY "${schema}".customers (customer_id, language, segment, region, tier, account_owner_id, facts_at) FROM STDIN`,
      ),
    ),
  );
  progress(`copying ${settings.responses} responses`);
  await pipeline(
    responseLines(settings.responses, random, customers),
    db.query(
      copyFrom(`COPY "${schema}".responses (response_id, customer_id, received, revision, score, category, comment, answered_at, scored_at,
        touchpoint_id, touchpoint_type, channel, language, segment, region, tier, detractor_status) FROM STDIN`),
    ),
  );
  progress('tagging a fifth of them');
  await db.query(
    `INSERT INTO "${schema}".response_tags (response_id, tag_id)
    SELECT response_id, ($1::text[])[1 + abs(hashtext(response_id)) % ${TAGS.length}] FROM "${schema}".responses WHERE abs(hashtext(response_id || 'tagged')) % 5 = 0`,
    [TAGS],
  );
  progress('building the rollups');
  // The same counting the projection does incrementally: one row per local day and dimension combination.
  const dimensions = 'touchpoint_type, channel, segment, region, tier, language';
  const counts = `count(*) FILTER (WHERE category = 'promoter'), count(*) FILTER (WHERE category = 'passive'), count(*) FILTER (WHERE category = 'detractor')`;
  await db.query(
    `INSERT INTO "${schema}".rollups (zone, day, ${dimensions}, promoters, passives, detractors)
    SELECT $1, (answered_at AT TIME ZONE $1)::date AS day, ${dimensions}, ${counts}
    FROM "${schema}".responses WHERE received GROUP BY 2, ${dimensions}`,
    [ZONE],
  );
  await db.query(
    `INSERT INTO "${schema}".tag_rollups (zone, tag_id, day, ${dimensions}, promoters, passives, detractors)
    SELECT $1, g.tag_id, (answered_at AT TIME ZONE $1)::date AS day, ${dimensions}, ${counts}
    FROM "${schema}".responses r JOIN "${schema}".response_tags g USING (response_id) WHERE received GROUP BY 2, 3, ${dimensions}`,
    [ZONE],
  );
}

async function time(
  url: string,
  requests: number,
  headers: Record<string, string>,
): Promise<{ p50: number; p95: number; p99: number; max: number; body: unknown }> {
  let body: unknown;
  for (let i = 0; i < 5; i++) body = await (await fetch(url, { headers })).json(); // warm-up
  const took: number[] = [];
  for (let i = 0; i < requests; i++) {
    const start = performance.now();
    const response = await fetch(url, { headers });
    body = await response.json();
    if (!response.ok) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(body)}`);
    took.push(performance.now() - start);
  }
  took.sort((a, b) => a - b);
  const at = (q: number) => took[Math.min(took.length - 1, Math.ceil(q * took.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: took[took.length - 1], body };
}

async function main(settings: Settings): Promise<void> {
  const schema = `nps_bench_${randomBytes(3).toString('hex')}`;
  const db = new Client({ connectionString: settings.databaseUrl });
  await db.connect();
  let scoring: ServiceProcess | undefined;
  let dayOnly: ServiceProcess | undefined;
  let issuer: LocalIssuer | undefined;
  const loadBefore = loadAverage();
  try {
    // The service applies its migrations on start; the history goes in behind its back, as a bulk import would.
    const [port, dayOnlyPort] = [await freePort(), await freePort()];
    issuer = await LocalIssuer.start();
    const env = (listen: number) => ({
      PORT: String(listen),
      DATABASE_URL: settings.databaseUrl,
      DB_SCHEMA: schema,
      KAFKA_BROKERS: settings.brokers,
      KAFKA_TOPIC_PREFIX: `${schema}.`,
      ROLLUP_TIME_ZONES: ZONE,
      LOG_LEVEL: 'warn',
      ...(issuer as LocalIssuer).env,
    });
    scoring = ServiceProcess.start({ entry: 'services/scoring/src/main.ts', env: env(port) });
    const base = `http://127.0.0.1:${port}`;
    await scoring.waitForHttp(`${base}/health/live`);
    // Started once the first has migrated the schema, so the two do not race for it.
    dayOnly = ServiceProcess.start({ entry: 'services/scoring/test/day-only-scoring.main.ts', env: env(dayOnlyPort) });
    const dayOnlyBase = `http://127.0.0.1:${dayOnlyPort}`;
    await dayOnly.waitForHttp(`${dayOnlyBase}/health/live`);
    const loadStart = performance.now();
    if (settings.load === 'responses') await load(db, schema, settings);
    else {
      progress(`generating two years of ${settings.responses} answers' worth of day rollups`);
      await generateRollups(db, schema, { responses: settings.responses, zone: ZONE });
    }
    progress('summing the week and month rollups');
    await sumCoarseRollups(db, schema);
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const sizes = await db.query(
      `SELECT (SELECT count(*) FROM "${schema}".rollups)::int AS rollups, (SELECT count(*) FROM "${schema}".tag_rollups)::int AS tag_rollups,
         (SELECT count(*) FROM "${schema}".rollups_week)::int AS week, (SELECT count(*) FROM "${schema}".rollups_month)::int AS month`,
    );
    progress(
      `loaded in ${loadSeconds.toFixed(0)} s: ${sizes.rows[0].rollups} day, ${sizes.rows[0].week} week, ` +
        `${sizes.rows[0].month} month rollup rows, ${sizes.rows[0].tag_rollups} day tag rollup rows`,
    );
    const zone = `timeZone=${encodeURIComponent(ZONE)}`;
    const questions = [
      ['/nps monthly by segment, 2 years', `/nps?${zone}&from=2024-01-01&to=2025-12-31&interval=month&groupBy=segment`],
      [
        '/nps/compare two half-years',
        `/nps/compare?${zone}&from=2025-01-01&to=2025-06-30&versusFrom=2025-07-01&versusTo=2025-12-31`,
      ],
      [
        '/nps/compare two segments, 2 years',
        `/nps/compare?${zone}&from=2024-01-01&to=2025-12-31&segment=smb&versusSegment=enterprise`,
      ],
      ['/nps/drivers, 2 years', `/nps/drivers?${zone}&from=2024-01-01&to=2025-12-31`],
    ];
    const rows: string[] = [];
    type Timing = { question: string; path: string; p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number };
    const timings: Timing[] = [];
    const dayOnlyTimings: Timing[] = [];
    const headers = { authorization: `Bearer ${await issuer.clientToken('nps-reader')}` };
    const figures = (result: Awaited<ReturnType<typeof time>>) =>
      [result.p50, result.p95, result.p99, result.max].map((ms) => round(ms, 2));
    for (const [name, path] of questions) {
      progress(`timing ${name}`);
      const result = await time(`${base}${path}`, settings.requests, headers);
      const baseline = await time(`${dayOnlyBase}${path}`, settings.requests, headers);
      if (JSON.stringify(result.body) !== JSON.stringify(baseline.body))
        throw new Error(`${path}: the week and month rollups answered otherwise than the day rollups`);
      for (const [reader, took, into] of [
        ['days, weeks, months', result, timings],
        ['days only (baseline)', baseline, dayOnlyTimings],
      ] as const) {
        const [p50Ms, p95Ms, p99Ms, maxMs] = figures(took);
        rows.push(`| ${name} | ${reader} | ${p50Ms} | ${p95Ms} | ${p99Ms} | ${maxMs} |`);
        into.push({ question: name, path, p50Ms, p95Ms, p99Ms, maxMs });
      }
    }
    const check = (await (await fetch(`${base}/nps?${zone}`, { headers })).json()) as {
      rows: { n: number; nps: number; marginOfError95: number }[];
    };
    process.stdout.write(
      `\nNPS API latency: ${settings.responses} responses over ${DAYS} days, ${sizes.rows[0].rollups} rollup rows (${ZONE}), ` +
        `${settings.requests} sequential requests each after 5 warm-up, ${cpus().length} cores, Node ${process.version}, ` +
        `load average ${loadBefore.toFixed(1)} before, ${loadAverage().toFixed(1)} after; load (${settings.load}) + rollup build ${loadSeconds.toFixed(0)} s\n` +
        `all responses: n = ${check.rows[0]?.n}, NPS ${check.rows[0]?.nps.toFixed(2)} ± ${check.rows[0]?.marginOfError95.toFixed(2)}\n\n` +
        `| question | rollups read | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n${rows.join('\n')}\n`,
    );
    const all = check.rows[0];
    const file = writeBenchResult('nps', {
      command: 'npm run bench:nps',
      settings: { ...settings, days: DAYS, customers: CUSTOMERS, timeZone: ZONE, warmUpRequests: 5 },
      figures: {
        loadAndRollupSeconds: round(loadSeconds, 1),
        rollupRows: sizes.rows[0].rollups,
        weekRollupRows: sizes.rows[0].week,
        monthRollupRows: sizes.rows[0].month,
        tagRollupRows: sizes.rows[0].tag_rollups,
        allResponses: all ? { n: all.n, nps: round(all.nps, 2), marginOfError95: round(all.marginOfError95, 2) } : null,
        latency: timings,
      },
      baseline: {
        reader: 'day rollups only (services/scoring/test/day-only-scoring.main.ts)',
        latency: dayOnlyTimings,
      },
      loadBefore,
    });
    progress(`written to ${file}`);
  } finally {
    await scoring?.stop('SIGTERM');
    await dayOnly?.stop('SIGTERM');
    await issuer?.stop();
    await db
      .query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
      .catch((error: Error) => progress(`could not drop ${schema}: ${error.message}`));
    await db.end();
  }
}

runBench(() => settingsOf(process.env), main);
