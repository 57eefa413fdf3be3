import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser, type AsyncAPIDocumentInterface } from '@asyncapi/parser';
import { ProtoBuffSchemaParser } from '@asyncapi/protobuf-schema-parser';
import { buildProtoRegistry, REPO_ROOT } from '../buf/buf.cli';
import { ALL_TOPICS } from '../topics';
import { PROTOBUF_SCHEMA_FORMAT, renderAsyncApiYaml } from './asyncapi.document';

const ASYNCAPI_FILE = join(REPO_ROOT, 'docs/asyncapi.yaml');
const ERROR = 0;

describe('docs/asyncapi.yaml', () => {
  const text = readFileSync(ASYNCAPI_FILE, 'utf8');
  let document: AsyncAPIDocumentInterface;

  beforeAll(async () => {
    const parser = new Parser();
    parser.registerSchemaParser(ProtoBuffSchemaParser());
    const { document: parsed, diagnostics } = await parser.parse(text, { source: ASYNCAPI_FILE });
    const errors = diagnostics.filter((d) => d.severity === ERROR).map((d) => `${d.path.join('.')}: ${d.message}`);
    expect(errors).toEqual([]);
    if (!parsed) throw new Error('the parser returned no document');
    document = parsed;
  });

  it('is up to date with the topic declarations and proto/ (else run npm run contracts:asyncapi)', () => {
    expect(text).toBe(renderAsyncApiYaml(buildProtoRegistry()));
  });

  it('is a valid AsyncAPI 3.0 document', () => {
    expect(document.version()).toBe('3.0.0');
  });

  it('has exactly one channel per declared topic, addressed by the topic name', () => {
    const addresses = document
      .channels()
      .all()
      .map((channel) => channel.address());

    expect([...addresses].sort()).toEqual(ALL_TOPICS.map((topic) => topic.name).sort());
  });

  it.each(ALL_TOPICS.map((topic) => [topic.name, topic] as const))(
    '%s: its message is the protobuf message of the declaration',
    (name, topic) => {
      const channel = document
        .channels()
        .all()
        .find((c) => c.address() === name);
      const messages = channel?.messages().all() ?? [];

      expect(messages).toHaveLength(1);
      const [message] = messages;
      expect(message.name()).toBe(topic.schema.name);
      expect(message.extensions().get('x-protobuf-message')?.value()).toBe(topic.schema.typeName);
      expect(message.schemaFormat()).toBe(PROTOBUF_SCHEMA_FORMAT);
      // The protobuf schema parser turned the .proto text into a schema whose root is the message.
      expect(message.payload()?.title()).toBe(topic.schema.name);
      expect(Object.keys(message.payload()?.properties() ?? {})).toEqual(
        topic.schema.fields.map((field) => field.name),
      );
      expect(message.headers()?.properties()?.ce_type?.const()).toBe(topic.eventType);
      expect(message.headers()?.properties()?.ce_dataschema?.const()).toBe(topic.dataSchema);
    },
  );

  it.each(ALL_TOPICS.map((topic) => [topic.name, topic] as const))(
    '%s: key, partitions, retention and a receive operation',
    (name, topic) => {
      const channel = document
        .channels()
        .all()
        .find((c) => c.address() === name);
      const kafka = channel?.bindings().get('kafka')?.value() as {
        partitions: number;
        topicConfiguration: Record<string, unknown>;
      };
      const operations = channel?.operations().all() ?? [];

      expect(kafka.partitions).toBe(topic.partitions);
      expect(kafka.topicConfiguration).toEqual({
        'cleanup.policy': [topic.cleanupPolicy],
        'retention.ms': topic.retentionMs,
      });
      expect(operations.map((operation) => operation.action())).toEqual(['receive']);
      const key = channel?.messages().all()[0].bindings().get('kafka')?.value() as { key: { description: string } };
      expect(key.key.description).toContain(
        {
          caseId: 'case_id',
          customerId: 'customer_id',
          taxonomyId: 'taxonomy_id',
          improvementActionId: 'improvement_action_id',
          accountId: 'account_id',
        }[topic.key],
      );
    },
  );

  it('names the fields encrypted per customer on each message that has them', () => {
    const encryptedFields = (topicName: string) =>
      document
        .channels()
        .all()
        .find((c) => c.address() === topicName)
        ?.messages()
        .all()[0]
        .extensions()
        .get('x-nps-encrypted-fields')
        ?.value();

    expect(encryptedFields('nps.response.received.v1')).toEqual(['comment', 'masked_comment']);
    expect(encryptedFields('nps.detractor.identified.v1')).toEqual(['comment', 'masked_comment']);
    expect(encryptedFields('nps.response.tagged.v1')).toEqual(['tags.span.text']);
    expect(encryptedFields('nps.customer.upserted.v1')).toEqual(['name']);
    expect(encryptedFields('nps.response.scored.v1')).toBeUndefined();
    expect(encryptedFields('nps.customer.erased.v1')).toBeUndefined();
  });
});
