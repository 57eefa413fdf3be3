import { Channel, Topics } from '@nps/contracts';
import { expectEventually } from '@nps/testing';
import { type NpsBody, scoringBed } from './scoring.bed';
import { answerOf, customerOf, type CustomerSpec, encoded, type ResponseSpec, revisionOf } from './scoring.events';

const facts = (customerId: string, segment: string): CustomerSpec => ({
  customerId,
  language: 'nl',
  segment,
  region: 'benelux',
  tier: 'gold',
  accountOwnerId: `owner-of-${customerId}`,
  factsAt: new Date('2025-03-01T00:00:00Z'),
});

const detractor = (responseId: string, customerId: string, score: number): ResponseSpec => ({
  responseId,
  customerId,
  score,
  answeredAt: new Date('2025-03-10T09:30:00Z'),
  touchpointType: 'order-delivered',
  channel: Channel.EMAIL,
  language: 'nl',
  comment: 'te laat',
  revisions: [],
  tags: [],
});

// `detractor identified` carries the customer facts scoring knows when it scores the answer.
// Facts that arrive later do not republish it (case-management reads customer upserts itself),
// but they do move the response to its segment in the rollups.
describe('detractor identified and customer facts', () => {
  const bed = scoringBed();

  it('carries the facts known before the answer, is empty for facts that come later, and revisions publish once', async () => {
    const ns = await bed.namespace();
    const { url } = await bed.start(ns);
    const inbox = async () => Number((await bed.db.query(`SELECT count(*) AS n FROM "${ns.schema}".inbox`)).rows[0].n);

    await bed.produce(ns, [customerOf(facts('early', 'enterprise'))]);
    await expectEventually(async () => expect(await inbox()).toBe(1));
    const early = detractor('r-early', 'early', 3);
    const late = detractor('r-late', 'late', 2);
    await bed.produce(ns, [answerOf(early), answerOf(late)]);
    await expectEventually(async () => expect(await inbox()).toBe(3));
    await bed.produce(ns, [customerOf(facts('late', 'smb'))]);

    // A revision to a promoter withdraws the early detractor once; a redelivered copy and an older revision change nothing.
    early.revisions = [{ revision: 2, score: 9 }];
    const withdraw = revisionOf(early, 0);
    const older = encoded(Topics.ResponseRevised, { customerId: 'early', responseId: 'r-early', revision: 1, score: 1, previousScore: 3 });
    await bed.produce(ns, [withdraw, withdraw, older]);
    await expectEventually(async () => expect(await inbox()).toBe(6));

    await bed.outboxDrained(ns);
    expect(await bed.size(ns, Topics.DetractorIdentified)).toBe(3);
    expect(await bed.size(ns, Topics.ResponseScored)).toBe(3);
    const events = await bed.consumed(ns, Topics.DetractorIdentified, 3);
    const byResponse = (id: string) => events.filter((event) => event.responseId === id).sort((a, b) => a.revision - b.revision);
    expect(byResponse('r-early')).toMatchObject([
      {
        revision: 0,
        withdrawn: false,
        score: 3,
        comment: 'te laat',
        touchpointType: 'order-delivered',
        channel: Channel.EMAIL,
        customer: { segment: 'enterprise', region: 'benelux', tier: 'gold', accountOwnerId: 'owner-of-early', language: 'nl' },
      },
      { revision: 2, withdrawn: true, score: 9 },
    ]);
    expect(byResponse('r-late')).toMatchObject([{ revision: 0, withdrawn: false, score: 2, customer: { segment: '', region: '', tier: '', accountOwnerId: '' } }]);

    const scored = await bed.consumed(ns, Topics.ResponseScored, 3);
    expect(scored.map((event) => `${event.responseId}@${event.revision}:${event.score}`).sort()).toEqual(['r-early@0:3', 'r-early@2:9', 'r-late@0:2']);

    // The late facts moved the late detractor into its segment; the early one is a promoter now.
    await expectEventually(async () => {
      const body = (await (await fetch(`${url}/nps?groupBy=segment`)).json()) as NpsBody;
      expect(body.rows).toMatchObject([
        { group: { segment: 'enterprise' }, n: 1, promoters: 1, detractors: 0, nps: 100 },
        { group: { segment: 'smb' }, n: 1, promoters: 0, detractors: 1, nps: -100 },
      ]);
      expect(body.rows).toHaveLength(2);
    });
  });
});
