import { type LintMessage, type LintProbe, lintProbes } from './eslint.probe';

// Proves the lint rules that keep pure-logic files free of I/O and test helpers out of
// production code really bite, and that test files keep their access to libs/testing.
describe('import rules (lint)', () => {
  const using = (name: string, from: string) => `import { ${name} } from '${from}';\nexport const probe = ${name};\n`;
  const nestImport = using('Injectable', '@nestjs/common');
  const testingImport = using('freePort', '@nps/testing');
  const probes = {
    calculatorNest: { file: 'services/scoring/src/nps/probe.calculator.ts', code: nestImport },
    deciderTypeorm: {
      file: 'services/response-ingestion/src/answers/probe.decider.ts',
      code: using('DataSource', 'typeorm'),
    },
    matcherPg: { file: 'services/case-management/src/routing/probe.matcher.ts', code: using('Client', 'pg') },
    parserKafka: { file: 'services/survey-dispatch/src/customers/probe.parser.ts', code: using('Kafka', 'kafkajs') },
    calculatorLuxon: { file: 'services/scoring/src/nps/probe.calculator.ts', code: using('DateTime', 'luxon') },
    serviceNest: { file: 'services/scoring/src/nps/probe.service.ts', code: nestImport },
    serviceTesting: { file: 'services/scoring/src/nps/probe.service.ts', code: testingImport },
    libTesting: { file: 'libs/messaging/src/probe.ts', code: testingImport },
    unitSpecTesting: { file: 'services/scoring/src/nps/probe.spec.ts', code: testingImport },
    libIntSpecTesting: { file: 'libs/messaging/src/probe.int-spec.ts', code: testingImport },
    serviceTestDirTesting: { file: 'services/scoring/test/support/probe.bed.ts', code: testingImport },
    e2eTesting: { file: 'tests/e2e/probe.e2e-spec.ts', code: testingImport },
    benchTesting: { file: 'tests/load/probe.bench.ts', code: testingImport },
  } satisfies Record<string, LintProbe>;
  type Probe = keyof typeof probes;
  let errors: Record<Probe, LintMessage[]>;

  beforeAll(() => {
    const names = Object.keys(probes) as Probe[];
    const results = lintProbes(names.map((name) => probes[name]));
    errors = Object.fromEntries(names.map((name, i) => [name, results[i]])) as Record<Probe, LintMessage[]>;
  });

  describe('pure-logic files (calculator, decider, matcher, parser …)', () => {
    it.each<[string, Probe]>([
      ['a calculator importing @nestjs/common', 'calculatorNest'],
      ['a decider importing typeorm', 'deciderTypeorm'],
      ['a matcher importing pg', 'matcherPg'],
      ['a parser importing kafkajs', 'parserKafka'],
    ])('reject %s', (_, probe) => {
      const refusal = { ruleId: 'no-restricted-imports', message: expect.stringContaining('pure-logic files') };
      expect(errors[probe]).toEqual([refusal]);
    });

    it('accept a plain library', () => expect(errors.calculatorLuxon).toEqual([]));

    it('leave other roles alone', () => expect(errors.serviceNest).toEqual([]));
  });

  describe('libs/testing (type:testing)', () => {
    it.each<[string, Probe]>([
      ['service source', 'serviceTesting'],
      ['lib source', 'libTesting'],
    ])('is refused to %s', (_, probe) => {
      const refusal = {
        ruleId: '@nx/enforce-module-boundaries',
        message: expect.stringContaining('can only depend on libs'),
      };
      expect(errors[probe]).toEqual([refusal]);
    });

    it.each<[string, Probe]>([
      ['a unit spec next to service code', 'unitSpecTesting'],
      ['an integration spec in a lib', 'libIntSpecTesting'],
      ['a helper under services/*/test', 'serviceTestDirTesting'],
      ['a platform test under tests/', 'e2eTesting'],
      ['a benchmark under tests/', 'benchTesting'],
    ])('is allowed to %s', (_, probe) => {
      expect(errors[probe]).toEqual([]);
    });
  });
});
