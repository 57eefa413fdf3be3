import { Channel, ResponseSource, Topics } from '@nps/contracts';
import { connectKeyStore } from '@nps/privacy';
import { anEvent, anEventRecord, expectEventually, serviceBed } from '@nps/testing';
import { type NpsBody } from './nps.body';
import {
  answerOf,
  aResponseSpec,
  customerOf,
  type CustomerSpec,
  type ResponseSpec,
  revisionOf,
} from './scoring.events';

const facts = (customerId: string, segment: string): CustomerSpec => ({
  customerId,
  language: 'nl',
  segment,
  region: 'benelux',
  tier: 'gold',
  accountOwnerId: `owner-of-${customerId}`,
  accountId: `account-of-${customerId}`,
  factsAt: new Date('2025-03-01T00:00:00Z'),
});

const detractor = (responseId: string, customerId: string, score: number): ResponseSpec =>
  aResponseSpec({
    responseId,
    customerId,
    score,
    answeredAt: new Date('2025-03-10T09:30:00Z'),
    language: 'nl',
    comment: 'te laat',
  });

// `detractor identified` carries the customer facts scoring knows when it scores the answer.
// Facts that arrive later do not republish it (case-management reads customer upserts itself),
// but they do move the response to its segment in the rollups.
describe('detractor identified and customer facts', () => {
  const bed = serviceBed({ service: 'scoring' });
  const probe = bed.probe(Topics.DetractorIdentified, Topics.ResponseScored);
  const analyst = async () => ({ authorization: `Bearer ${await bed.tokenFor('nina')}` });

  it('carries the facts known before the answer, is empty for facts that come later, and revisions publish once', async () => {
    const url = bed.url;
    const inbox = async () => Number((await bed.db.query(`SELECT count(*) AS n FROM "${bed.schema}".inbox`)).rows[0].n);

    await bed.publishRecords([customerOf(facts('early', 'enterprise'))]);
    await expectEventually(async () => expect(await inbox()).toBe(1));
    const early = detractor('r-early', 'early', 3);
    const late = detractor('r-late', 'late', 2);
    // The early answer is an import asked to be followed up: revisions carry that on (the case-opening policy reads it).
    const origin = { source: ResponseSource.IMPORT, followUpRequested: true, recoveryOfResponseId: 'r-before' };
    await bed.publishRecords([answerOf({ ...early, origin }), answerOf(late)]);
    await expectEventually(async () => expect(await inbox()).toBe(3));
    await bed.publishRecords([customerOf(facts('late', 'smb'))]);

    // A revision to a promoter withdraws the early detractor once; a redelivered copy and an older revision change nothing.
    early.revisions = [{ revision: 2, score: 9 }];
    const withdraw = revisionOf(early, 0);
    const older = anEventRecord(Topics.ResponseRevised, {
      customerId: 'early',
      responseId: 'r-early',
      revision: 1,
      score: 1,
      previousScore: 3,
    });
    await bed.publishRecords([withdraw, withdraw, older]);
    await expectEventually(async () => expect(await inbox()).toBe(6));

    await bed.outboxDrained();
    expect(await bed.topicSize(Topics.DetractorIdentified)).toBe(3);
    expect(await bed.topicSize(Topics.ResponseScored)).toBe(3);
    const detractors = await probe.eventually(Topics.DetractorIdentified, () => true, 3, 60000);
    const events = detractors.map((seen) => seen.message);
    const byResponse = (id: string) =>
      events.filter((event) => event.responseId === id).sort((a, b) => a.revision - b.revision);
    expect(byResponse('r-early')).toMatchObject([
      {
        revision: 0,
        withdrawn: false,
        score: 3,
        comment: 'te laat',
        touchpointType: 'order-delivered',
        channel: Channel.EMAIL,
        customer: {
          segment: 'enterprise',
          region: 'benelux',
          tier: 'gold',
          accountOwnerId: 'owner-of-early',
          accountId: 'account-of-early',
          language: 'nl',
        },
        ...origin,
      },
      { revision: 2, withdrawn: true, score: 9, ...origin },
    ]);
    expect(byResponse('r-late')).toMatchObject([
      {
        revision: 0,
        withdrawn: false,
        score: 2,
        customer: { segment: '', region: '', tier: '', accountOwnerId: '', accountId: '' },
        source: ResponseSource.SURVEY_PAGE, // the test default
        followUpRequested: false,
        recoveryOfResponseId: '',
      },
    ]);

    const scored = (await probe.eventually(Topics.ResponseScored, () => true, 3, 60000)).map((seen) => seen.message);
    expect(scored.filter((event) => event.responseId === 'r-early')).toEqual([
      expect.objectContaining(origin),
      expect.objectContaining(origin),
    ]);
    expect(scored.map((event) => `${event.responseId}@${event.revision}:${event.score}`).sort()).toEqual([
      'r-early@0:3',
      'r-early@2:9',
      'r-late@0:2',
    ]);

    // The late facts moved the late detractor into its segment; the early one is a promoter now.
    await expectEventually(async () => {
      const body = (await (await fetch(`${url}/nps?groupBy=segment`, { headers: await analyst() })).json()) as NpsBody;
      expect(body.rows).toMatchObject([
        { group: { segment: 'enterprise' }, n: 1, promoters: 1, detractors: 0, nps: 100 },
        { group: { segment: 'smb' }, n: 1, promoters: 0, detractors: 1, nps: -100 },
      ]);
      expect(body.rows).toHaveLength(2);
    });
  });

  // Last: the test above counts the inbox from empty.
  it('copies the encrypted comment and masked comment into detractor identified untouched, without a key', async () => {
    const keyStore = await connectKeyStore({ url: bed.databaseUrl, schema: bed.privacySchema });
    try {
      const answer = anEvent(Topics.ResponseReceived, { score: 2 });
      const customerId = answer.customerId as string;
      const sealed = {
        comment: await keyStore.fields.encrypt(customerId, 'Bel 06-12345678, te laat'),
        maskedComment: await keyStore.fields.encrypt(customerId, 'Bel [phone], te laat'),
      };
      await bed.publish(Topics.ResponseReceived, { ...answer, ...sealed });
      const [identified] = await probe.eventually(
        Topics.DetractorIdentified,
        (event) => event.responseId === answer.responseId,
      );
      expect(identified.message).toMatchObject(sealed);

      const revised = { comment: await keyStore.fields.encrypt(customerId, 'nog steeds te laat') };
      const revision = anEvent(Topics.ResponseRevised, {
        customerId,
        responseId: answer.responseId,
        revision: 1,
        score: 1,
        previousScore: 2,
        ...revised,
        maskedComment: revised.comment,
      });
      await bed.publish(Topics.ResponseRevised, revision);
      const [again] = await probe.eventually(
        Topics.DetractorIdentified,
        (event) => event.responseId === answer.responseId && event.revision === 1,
      );
      expect(again.message).toMatchObject({ comment: revised.comment, maskedComment: revised.comment });
    } finally {
      await keyStore.close();
    }
  });
});
