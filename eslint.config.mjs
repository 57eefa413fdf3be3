import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Dependencies point one way: services -> libs; never lib -> service or service -> service.
// libs/testing is tagged type:testing and not scope:lib, so production code cannot import it;
// tags are per project, so test files get their own constraints below that allow it.
// (notDependOnLibsWithTags would not do: it follows the graph, where every lib's own tests
// already link it to libs/testing.)
const productionConstraints = [
  { sourceTag: 'scope:service', onlyDependOnLibsWithTags: ['scope:lib'] },
  { sourceTag: 'scope:lib', onlyDependOnLibsWithTags: ['scope:lib'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['scope:lib', 'type:testing'] },
  { sourceTag: 'scope:test', onlyDependOnLibsWithTags: ['scope:lib', 'scope:service', 'type:testing'] },
];
const testConstraints = productionConstraints.map((constraint) => ({
  ...constraint,
  onlyDependOnLibsWithTags: [...new Set([...constraint.onlyDependOnLibsWithTags, 'type:testing'])],
}));
const moduleBoundaries = (constraints) => [
  'error',
  { enforceBuildableLibDependency: false, allow: [], depConstraints: constraints },
];

const testFiles = [
  '**/*.spec.ts',
  '**/*.int-spec.ts',
  '**/*.e2e-spec.ts',
  'services/*/test/**/*.ts',
  'libs/*/test/**/*.ts',
  'tests/**/*.ts',
];

// Roles whose files hold decisions only (STYLE.md, Thin edges): no framework, database or broker.
const pureLogicRoles = [
  'calculator',
  'decider',
  'matcher',
  'parser',
  'picker',
  'lifecycle',
  'decision',
  'classifier',
  'scorer',
  'router',
];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.nx/**', 'libs/contracts/src/generated/**', 'coverage/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    rules: {
      '@nx/enforce-module-boundaries': moduleBoundaries(productionConstraints),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
      // Env classes annotate numbers: class-transformer converts by the emitted design:type.
      '@typescript-eslint/no-inferrable-types': ['error', { ignoreProperties: true }],
    },
  },
  {
    files: testFiles,
    rules: { '@nx/enforce-module-boundaries': moduleBoundaries(testConstraints) },
  },
  {
    files: pureLogicRoles.map((role) => `**/*.${role}.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'pg/*', 'kafkajs', 'kafkajs/*'],
              message: 'pure-logic files import no framework, database or broker (STYLE.md, Thin edges)',
            },
          ],
        },
      ],
    },
  },
  // The ops console's page (React, Vite; its own tsconfig with JSX and the DOM): hooks used as React requires.
  {
    files: ['services/ops-console/web/**/*.ts', 'services/ops-console/web/**/*.tsx'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  // Prettier wraps code but not strings, template literals (SQL) or comments; this catches what it leaves long.
  // Last, after the nx configs (which include eslint-config-prettier and so turn max-len off).
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    ignores: [...testFiles, 'tests/**', '**/test/**', '**/testing/**', '**/generated/**', '**/*.d.ts'],
    rules: {
      'max-len': ['error', { code: 120, ignoreUrls: true, ignorePattern: '^import |^export .* from ' }],
    },
  },
];
