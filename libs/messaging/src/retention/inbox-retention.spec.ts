import { BaseEnv } from '@nps/config';
import { ALL_TOPICS, deadLetterTopicOf } from '@nps/contracts';

const DAY = 24 * 60 * 60 * 1000;

describe('the default inbox retention', () => {
  it('outlasts every topic and dead-letter topic that deletes by age, so a replay finds the ids it must drop', () => {
    const topics = ALL_TOPICS.flatMap((topic) => [topic, deadLetterTopicOf(topic)]);
    const byAge = topics.filter((topic) => topic.cleanupPolicy === 'delete');
    const longest = Math.max(...byAge.map((topic) => topic.retentionMs));
    expect(new BaseEnv().INBOX_RETENTION_DAYS * DAY).toBeGreaterThanOrEqual(longest + 7 * DAY);
  });
});
