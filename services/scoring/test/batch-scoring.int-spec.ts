import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Topics } from '@nps/contracts';
import { anEventRecord, expectEventually, serviceBed } from '@nps/testing';
import { answerOf, aResponseSpec } from './scoring.events';

const answer = aResponseSpec({ responseId: 'r-batch', customerId: 'c-batch', score: 2 });

function tagging(tagId: string, at: string) {
  return anEventRecord(Topics.ResponseTagged, {
    customerId: answer.customerId,
    responseId: answer.responseId,
    revision: 0,
    tags: [{ tagId, confidence: 0.9 }],
    occurredAt: timestampFromDate(new Date(at)),
  });
}

// Scoring's batch handlers (docs/adr/0039-batch-consumer.md): a record must see what the records
// before it in the same batch did to the same response.
describe('scoring in batch mode', () => {
  const bed = serviceBed({ service: 'scoring', env: { CONSUMER_BATCH_SIZE: '32' }, autoStart: false });

  it('counts a response once when its answer comes twice in a batch, under the newest of two taggings in a batch', async () => {
    const rows = async (sql: string) => bed.rows<Record<string, string | number>>(sql);
    // Each time, the records wait for the next start, so they come as one batch.
    await bed.start(); // creates the topics
    await bed.stop('SIGTERM');
    // The same answer twice, as a repeated import publishes it: two event ids.
    await bed.publishRecords([answerOf(answer), answerOf(answer)]);
    await bed.start();
    await expectEventually(
      async () =>
        expect(await rows(`SELECT score, category FROM responses WHERE response_id = 'r-batch'`)).toEqual([
          { score: 2, category: 'detractor' },
        ]),
      { timeoutMs: 30000 },
    );
    await bed.stop('SIGTERM');
    await bed.publishRecords([tagging('delivery', '2025-03-10T12:05:00Z'), tagging('price', '2025-03-10T12:06:00Z')]);
    await bed.start();
    await expectEventually(
      async () =>
        expect(await rows(`SELECT tag_id FROM response_tags WHERE response_id = 'r-batch'`)).toEqual([
          { tag_id: 'price' },
        ]),
      { timeoutMs: 30000 },
    );
    // Counted in each rolled-up zone's day rollups: once, and under the newest tagging only (the
    // second tagging took back the first one's count in the same call).
    const oneZone = `zone = (SELECT min(zone) FROM rollups)`;
    await expectEventually(async () => {
      expect(await rows(`SELECT sum(detractors)::int AS detractors FROM rollups WHERE ${oneZone}`)).toEqual([
        { detractors: 1 },
      ]);
      expect(
        await rows(
          `SELECT tag_id, sum(detractors)::int AS detractors FROM tag_rollups WHERE ${oneZone}
           GROUP BY tag_id HAVING sum(detractors) <> 0`,
        ),
      ).toEqual([{ tag_id: 'price', detractors: 1 }]);
    });
    await bed.stop('SIGTERM');
  });
});
