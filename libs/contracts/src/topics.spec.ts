import { ScalarType } from '@bufbuild/protobuf';
import { TimestampSchema } from '@bufbuild/protobuf/wkt';
import { ALL_TOPICS, deadLetterTopicOf, Topics } from './topics';

describe('topic declarations', () => {
  it('name every topic nps.<entity>.<event>.v<N> in kebab-case, each once', () => {
    for (const topic of ALL_TOPICS) expect(topic.name).toMatch(/^nps\.[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*\.v\d+$/);
    expect(new Set(ALL_TOPICS.map((t) => t.name)).size).toBe(ALL_TOPICS.length);
  });

  it('key events by the thing they are about: case, taxonomy, improvement action, account, else customer', () => {
    const keyOf = (name: string) => {
      // A skipped detractor has no case: its event stays in order with the customer's other events.
      if (name === 'nps.case.skipped.v1') return 'customerId';
      if (name.startsWith('nps.case.')) return 'caseId';
      if (name.startsWith('nps.taxonomy.')) return 'taxonomyId';
      if (name.startsWith('nps.improvement-action.')) return 'improvementActionId';
      if (name.startsWith('nps.account.')) return 'accountId';
      return 'customerId';
    };
    for (const topic of ALL_TOPICS) expect(topic.key).toBe(keyOf(topic.name));
  });

  it('compact the customer, erasure, opt-out, improvement-action and taxonomy topics only; keep events for a bounded time', () => {
    expect(ALL_TOPICS.filter((t) => t.cleanupPolicy === 'compact')).toEqual([
      Topics.CustomerUpserted,
      Topics.CustomerErased,
      Topics.ContactOptedOut,
      Topics.ImprovementActionOpened,
      Topics.ImprovementActionReleased,
      Topics.ImprovementActionClosed,
      Topics.TaxonomyPublished,
    ]);
    for (const topic of ALL_TOPICS.filter((t) => t.cleanupPolicy === 'delete'))
      expect(topic.retentionMs).toBeGreaterThan(0);
  });

  it('derive the dead-letter topic name by appending .dlq', () => {
    expect(deadLetterTopicOf(Topics.ResponseReceived).name).toBe('nps.response.received.v1.dlq');
    expect(deadLetterTopicOf(Topics.CustomerUpserted).cleanupPolicy).toBe('delete');
  });

  it('bind each topic to its own protobuf message, CloudEvents type and dataschema', () => {
    expect(new Set(ALL_TOPICS.map((t) => t.schema.typeName)).size).toBe(ALL_TOPICS.length);
    for (const topic of ALL_TOPICS) {
      expect(topic.eventType).toBe(topic.name);
      expect(topic.dataSchema).toBe(`urn:nps:proto:${topic.schema.typeName}`);
      expect(topic.schema.typeName).toMatch(/^nps\.v1\.[A-Z][A-Za-z]+$/);
    }
  });

  it('give every message event_id = 1, occurred_at = 2 and its string key field', () => {
    for (const { schema, key } of ALL_TOPICS) {
      const [eventId, occurredAt] = schema.fields;
      expect([eventId.name, eventId.number, eventId.fieldKind === 'scalar' && eventId.scalar]).toEqual([
        'event_id',
        1,
        ScalarType.STRING,
      ]);
      expect([occurredAt.name, occurredAt.number, occurredAt.message?.typeName]).toEqual([
        'occurred_at',
        2,
        TimestampSchema.typeName,
      ]);
      const keyField = schema.field[key];
      expect(keyField?.fieldKind === 'scalar' && keyField.scalar).toBe(ScalarType.STRING);
    }
  });

  it('declare no schema on dead-letter topics: they keep whatever bytes failed', () => {
    expect(deadLetterTopicOf(Topics.CaseOpened)).not.toHaveProperty('schema');
    expect(deadLetterTopicOf(Topics.CaseOpened).key).toBe('caseId');
  });
});
