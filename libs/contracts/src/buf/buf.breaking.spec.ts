import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROTO_DIR, runBuf } from './buf.cli';

/** proto/ copied to a temp dir, with `edit` applied to one of its files. */
function changedCopy(file: string, edit: (source: string) => string): string {
  const copy = mkdtempSync(join(tmpdir(), 'nps-proto-breaking-'));
  cpSync(PROTO_DIR, copy, { recursive: true });
  const path = join(copy, 'nps/v1', file);
  const source = readFileSync(path, 'utf8');
  const edited = edit(source);
  if (edited === source) throw new Error(`the edit of ${file} changed nothing`);
  writeFileSync(path, edited);
  return copy;
}

describe('buf breaking (FILE) against proto/', () => {
  const copies: string[] = [];
  const breaking = (copy: string) => {
    copies.push(copy);
    return runBuf(['breaking', copy, '--against', PROTO_DIR]);
  };
  afterAll(() => copies.forEach((copy) => rmSync(copy, { recursive: true, force: true })));

  it('passes for an unchanged copy', () => {
    const copy = mkdtempSync(join(tmpdir(), 'nps-proto-breaking-'));
    cpSync(PROTO_DIR, copy, { recursive: true });

    const result = breaking(copy);

    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('passes for a compatible change: a new field with a new number', () => {
    const result = breaking(
      changedCopy('response.proto', (s) =>
        s.replace(
          '  string masked_comment = 16 [(nps.v1.encrypted) = true];\n',
          '  string masked_comment = 16 [(nps.v1.encrypted) = true];\n  string campaign_id = 17;\n',
        ),
      ),
    );

    expect(result.status).toBe(0);
  });

  it('fails, naming the field, when a field changes type', () => {
    const result = breaking(changedCopy('response.proto', (s) => s.replace('int32 score = 8;', 'string score = 8;')));

    expect(result.status).not.toBe(0);
    expect(result.stdout).toMatch(
      /Field "8" with name "score" on message "ResponseReceived" changed type from "int32" to "string"/,
    );
  });

  it('fails when a field is renumbered', () => {
    const result = breaking(
      changedCopy('case.proto', (s) => s.replace('string root_cause_tag_id = 6;', 'string root_cause_tag_id = 16;')),
    );

    expect(result.status).not.toBe(0);
    expect(result.stdout).toMatch(
      /Previously present field "6" with name "root_cause_tag_id" on message "CaseResolved" was deleted/,
    );
  });

  it('fails when an enum value is removed', () => {
    const result = breaking(changedCopy('scoring.proto', (s) => s.replace('  NPS_CATEGORY_PASSIVE = 2;\n', '')));

    expect(result.status).not.toBe(0);
    expect(result.stdout).toMatch(/Previously present enum value "2" on enum "NpsCategory" was deleted/);
  });
});
