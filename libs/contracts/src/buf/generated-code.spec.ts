import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { REPO_ROOT, runBuf } from './buf.cli';

const GENERATED = 'libs/contracts/src/generated';

function filesUnder(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [path.slice(dir.length + 1), readFileSync(path, 'utf8')];
      }),
  );
}

describe('the generated TypeScript', () => {
  it('is what buf generate makes of proto/ now (else run npm run contracts:generate)', () => {
    const out = mkdtempSync(join(tmpdir(), 'nps-generate-'));
    try {
      // protoc-gen-es runs from node_modules/.bin, as in the npm script.
      const env = { ...process.env, PATH: [join(REPO_ROOT, 'node_modules/.bin'), process.env.PATH].join(delimiter) };
      const generated = runBuf(['generate', '--template', 'proto/buf.gen.yaml', '-o', out], { env });

      expect(generated.stderr).toBe('');
      expect(generated.status).toBe(0);
      const committed = filesUnder(join(REPO_ROOT, GENERATED));
      expect(Object.keys(committed)).toContain('nps/v1/response_pb.ts');
      expect(committed).toEqual(filesUnder(join(out, GENERATED)));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
