import { ALL_TOPICS, deadLetterTopicOf, Topics } from './topics';

describe('topic declarations', () => {
  it('name every topic nps.<entity>.<event>.v<N>, each once', () => {
    for (const topic of ALL_TOPICS) expect(topic.name).toMatch(/^nps\.[a-z]+\.[a-z]+\.v\d+$/);
    expect(new Set(ALL_TOPICS.map((t) => t.name)).size).toBe(ALL_TOPICS.length);
  });

  it('key case events by case id and everything else by customer id', () => {
    for (const topic of ALL_TOPICS) expect(topic.key).toBe(topic.name.startsWith('nps.case.') ? 'caseId' : 'customerId');
  });

  it('compact the customer topic only; keep events for a bounded time', () => {
    expect(ALL_TOPICS.filter((t) => t.cleanupPolicy === 'compact')).toEqual([Topics.CustomerUpserted]);
    for (const topic of ALL_TOPICS.filter((t) => t.cleanupPolicy === 'delete')) expect(topic.retentionMs).toBeGreaterThan(0);
  });

  it('derive the dead-letter topic name by appending .dlq', () => {
    expect(deadLetterTopicOf(Topics.ResponseReceived).name).toBe('nps.response.received.v1.dlq');
    expect(deadLetterTopicOf(Topics.CustomerUpserted).cleanupPolicy).toBe('delete');
  });
});
