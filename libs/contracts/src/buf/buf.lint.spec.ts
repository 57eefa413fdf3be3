import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROTO_DIR, runBuf } from './buf.cli';

describe('buf lint (STANDARD)', () => {
  it('passes on proto/', () => {
    const lint = runBuf(['lint', PROTO_DIR]);

    expect(lint.stdout + lint.stderr).toBe('');
    expect(lint.status).toBe(0);
  });

  it('is not a no-op: it rejects an enum whose zero value is not *_UNSPECIFIED', () => {
    const copy = mkdtempSync(join(tmpdir(), 'nps-proto-lint-'));
    try {
      cpSync(PROTO_DIR, copy, { recursive: true });
      const file = join(copy, 'nps/v1/scoring.proto');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('NPS_CATEGORY_UNSPECIFIED = 0;', 'NPS_CATEGORY_UNKNOWN = 0;'),
      );

      const lint = runBuf(['lint', copy]);

      expect(lint.status).not.toBe(0);
      expect(lint.stdout).toMatch(/NPS_CATEGORY_UNKNOWN.*_UNSPECIFIED/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
