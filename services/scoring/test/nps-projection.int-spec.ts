import { Channel, Topics } from '@nps/contracts';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { anEventRecord, type EventRecord, freshSchema, testDatabaseUrl } from '@nps/testing';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { ProjectionHarness } from './projection.harness';
import { answerOf, customerOf, type CustomerSpec, recount, type ResponseSpec, revisionOf } from './scoring.events';

const ZONES = ['UTC', 'America/New_York'];
const TAGS = ['delivery.late', 'price.high', 'support.slow'];

interface Tagging {
  revision: number;
  at: number;
  tags: string[];
}

interface World {
  customers: CustomerSpec[][];
  responses: (ResponseSpec & { taggings: Tagging[] })[];
}

const customerFacts = (i: number) =>
  fc
    .array(
      fc.record({
        segment: fc.constantFrom('smb', 'enterprise'),
        region: fc.constantFrom('uk', 'dach'),
        tier: fc.constantFrom('gold', 'standard'),
        at: fc.integer({ min: 0, max: 1000 }),
      }),
      { maxLength: 2 },
    )
    .map((versions) =>
      // Distinct source times, so "the newest facts" is well defined.
      versions.map((v, n) => ({
        customerId: `c${i}`,
        language: 'en',
        segment: v.segment,
        region: v.region,
        tier: v.tier,
        accountOwnerId: '',
        accountId: '',
        factsAt: new Date(Date.UTC(2025, 0, 1) + v.at * 1000 + n),
      })),
    );

const world: fc.Arbitrary<World> = fc
  .tuple(fc.tuple(customerFacts(0), customerFacts(1), customerFacts(2)), fc.integer({ min: 1, max: 20 }))
  .chain(([customers, count]) =>
    fc
      .array(
        fc.record({
          customer: fc.integer({ min: 0, max: 2 }),
          score: fc.integer({ min: 0, max: 10 }),
          // Two months around a month end, so local days and months differ between the zones.
          minute: fc.integer({ min: 0, max: 60 * 24 * 61 }),
          channel: fc.constantFrom(Channel.EMAIL, Channel.SMS),
          revisions: fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 3 }),
          taggings: fc.array(
            fc.record({
              revision: fc.integer({ min: 0, max: 2 }),
              at: fc.integer({ min: 0, max: 100 }),
              tags: fc.subarray(TAGS),
            }),
            { maxLength: 2 },
          ),
        }),
        { minLength: count, maxLength: count },
      )
      .map((drafts) => ({
        customers,
        responses: drafts.map((draft, i) => ({
          responseId: `r${i}`,
          customerId: `c${draft.customer}`,
          score: draft.score,
          answeredAt: new Date(Date.UTC(2025, 0, 1) + draft.minute * 60_000),
          touchpointType: 'order-delivered',
          channel: draft.channel,
          language: 'en',
          comment: '',
          revisions: draft.revisions.map((score, r) => ({ revision: r + 1, score })),
          tags: [],
          // Same revision tagged twice: the later tagging wins; distinct times keep that well defined.
          taggings: draft.taggings.map((tagging, t) => ({ ...tagging, at: tagging.at * 10 + t })),
        })),
      })),
  );

function records(w: World): EventRecord[] {
  return [
    ...w.customers.flat().map(customerOf),
    ...w.responses.flatMap((spec) => [
      answerOf(spec),
      ...spec.revisions.map((_, i) => revisionOf(spec, i)),
      ...spec.taggings.map((tagging) =>
        anEventRecord(Topics.ResponseTagged, {
          customerId: spec.customerId,
          responseId: spec.responseId,
          revision: tagging.revision,
          tags: tagging.tags.map((tagId) => ({ tagId })),
          occurredAt: timestampFromDate(new Date(Date.UTC(2025, 0, 1) + tagging.at * 1000)),
        }),
      ),
    ]),
  ];
}

/** The facts that count: the newest by source time; none → ''. */
function factsOf(w: World, customerId: string): { segment: string } {
  const versions = w.customers.flat().filter((c) => c.customerId === customerId);
  return versions.sort((a, b) => b.factsAt.getTime() - a.factsAt.getTime())[0] ?? { segment: '' };
}

function finalTags(spec: World['responses'][number]): string[] {
  const newest = [...spec.taggings].sort((a, b) => b.revision - a.revision || b.at - a.at)[0];
  return newest?.tags ?? [];
}

// Random response sets, delivered shuffled with duplicates (revisions before their answer, a
// revision after a newer one, facts after answers, tags before answers…), go through the
// projection on real Postgres via the messaging lib's EventProcessor; what the NPS service then
// answers equals a recount of the generated truth.
describe('NPS projection against a recount', () => {
  let harness: ProjectionHarness;

  beforeAll(async () => {
    harness = await ProjectionHarness.start(testDatabaseUrl(), await freshSchema('scoring_prop'), ZONES.join(','));
  });
  afterAll(() => harness?.stop());

  it('gives the counts and NPS of a recount from scratch, whatever the delivery order and duplicates', async () => {
    await fc.assert(
      fc.asyncProperty(
        world,
        fc.infiniteStream(fc.nat()),
        fc.infiniteStream(fc.boolean()),
        async (w, order, duplicate) => {
          await harness.reset();
          const all = records(w);
          const delivered = [...all, ...all.filter(() => duplicate.next().value)]
            .map((record) => ({ record, rank: order.next().value }))
            .sort((a, b) => a.rank - b.rank)
            .map(({ record }) => record);
          for (const record of delivered) await harness.apply(record);

          for (const zone of ZONES) {
            const month = (spec: ResponseSpec) =>
              `${DateTime.fromJSDate(spec.answeredAt, { zone }).startOf('month').toISODate()}|${factsOf(w, spec.customerId).segment}`;
            const expected = [...recount(w.responses, month)].map(([key, counts]) => {
              const [period, segment] = key.split('|');
              const n = counts.promoters + counts.passives + counts.detractors;
              return {
                period,
                group: { segment },
                n,
                ...counts,
                nps: (100 * (counts.promoters - counts.detractors)) / n,
              };
            });
            const answer = await harness.nps.nps({ timeZone: zone }, ['segment'], 'month');
            expect(
              sorted(
                answer.rows.map(({ period, group, n, promoters, passives, detractors, nps }) => ({
                  period,
                  group,
                  n,
                  promoters,
                  passives,
                  detractors,
                  nps,
                })),
              ),
            ).toEqual(sorted(expected).map((row) => ({ ...row, nps: expect.closeTo(row.nps, 9) })));
          }

          const byTag = recount(
            w.responses.flatMap((spec) => finalTags(spec).map((tag) => ({ ...spec, touchpointType: tag }))),
            (spec) => spec.touchpointType,
          );
          const tagged = await harness.nps.nps({ timeZone: 'UTC' }, ['tag']);
          expect(
            Object.fromEntries(
              tagged.rows.map((row) => [
                row.group.tag,
                { promoters: row.promoters, passives: row.passives, detractors: row.detractors },
              ]),
            ),
          ).toEqual(Object.fromEntries(byTag));

          const empty = await harness.dataSource.query(
            `SELECT count(*)::int AS n FROM (SELECT promoters, passives, detractors FROM "${harness.schema}".rollups UNION ALL SELECT promoters, passives, detractors FROM "${harness.schema}".tag_rollups) r
           WHERE promoters < 0 OR passives < 0 OR detractors < 0 OR promoters + passives + detractors = 0`,
          );
          expect(empty[0].n).toBe(0);
        },
      ),
      { numRuns: 40 },
    );
  });
});

function sorted<T extends { period: string | null; group: Record<string, string | undefined> }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => `${a.period}|${a.group.segment}`.localeCompare(`${b.period}|${b.group.segment}`));
}
