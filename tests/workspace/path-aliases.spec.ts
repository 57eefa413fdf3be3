import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

// The @nps/* aliases are declared for the type checker (tsconfig) and the compiler (.swcrc).
describe('path aliases', () => {
  const root = resolve(__dirname, '../..');
  const read = (file: string) => JSON.parse(readFileSync(resolve(root, file), 'utf8'));

  it('are the same in tsconfig.base.json and .swcrc, one per lib plus the telemetry entry point', () => {
    const tsPaths = read('tsconfig.base.json').compilerOptions.paths;
    expect(read('.swcrc').jsc.paths).toEqual(tsPaths);
    const libs = readdirSync(resolve(root, 'libs')).map((lib) => `@nps/${lib}`);
    expect(Object.keys(tsPaths).sort()).toEqual([...libs, '@nps/observability/telemetry'].sort());
  });
});
