import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toJson } from '@bufbuild/protobuf';
import { aSampleEventOf } from '../../test/sample-event.builder';
import { encodeEvent } from '../envelope/event.encoder';
import { ALL_TOPICS } from '../topics';
import { PROTO_DIR, runBuf } from './buf.cli';

// What an outside subscriber can do with nothing but proto/ and the buf CLI (docs/contracts.md).
describe('an encoded event is readable without our code', () => {
  let workDir: string;
  beforeAll(() => (workDir = mkdtempSync(join(tmpdir(), 'nps-convert-'))));
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it.each(ALL_TOPICS.map((topic) => [topic.name, topic] as const))(
    '%s: the headers name the type, buf convert decodes the value with proto/ alone',
    (_, topic) => {
      const message = aSampleEventOf(topic);
      const { headers, value } = encodeEvent(topic, message, { source: 'urn:nps:service:contracts-test' });
      const valueFile = join(workDir, `${topic.name}.binpb`);
      writeFileSync(valueFile, value);

      expect(headers['content-type']).toBe('application/protobuf');
      const type = headers.ce_dataschema.replace(/^urn:nps:proto:/, '');
      const converted = runBuf(['convert', PROTO_DIR, '--type', type, '--from', valueFile, '--to', '-#format=json']);

      expect(converted.stderr).toBe('');
      expect(converted.status).toBe(0);
      expect(JSON.parse(converted.stdout)).toEqual(toJson(topic.schema, message));
      expect(JSON.parse(converted.stdout)).toMatchObject({ eventId: headers.ce_id, occurredAt: headers.ce_time });
    },
  );
});
