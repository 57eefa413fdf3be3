import { ALL_TOPICS, Channel, decodeEvent, Topics } from '@nps/contracts';
import { anEvent, anEventRecord } from './an-event';

describe('anEvent', () => {
  const topics = ALL_TOPICS.map((topic) => [topic.name, topic] as const);

  it.each(topics)('builds a valid %s that encodes and decodes', (_name, topic) => {
    const record = anEventRecord(topic);
    const decoded = decodeEvent(topic, record.message);
    expect(decoded.attributes.id).toBeTruthy();
    expect(decoded.key).toBeTruthy();
    expect(record.topic).toBe(topic.name);
  });

  it('gives every event its own id and keeps what the test names', () => {
    const first = anEvent(Topics.ResponseReceived, { customerId: 'c-1', score: 3 });
    const second = anEvent(Topics.ResponseReceived);
    expect(first).toMatchObject({ customerId: 'c-1', score: 3, language: 'en', channel: Channel.EMAIL });
    expect(first.eventId).not.toBe(second.eventId);
    expect(first.responseId).not.toBe(second.responseId);
  });

  it('merges an override of a nested message with its defaults', () => {
    const detractor = anEvent(Topics.DetractorIdentified, { customer: { accountOwnerId: 'anna' } });
    expect(detractor.customer).toMatchObject({ accountOwnerId: 'anna', region: 'benelux', language: 'nl' });
  });
});
