import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.nx/**', 'libs/contracts/src/generated/**', 'coverage/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    rules: {
      // Dependencies point one way: services -> libs; never lib -> service or service -> service.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:service', onlyDependOnLibsWithTags: ['scope:lib'] },
            { sourceTag: 'scope:lib', onlyDependOnLibsWithTags: ['scope:lib'] },
            { sourceTag: 'scope:test', onlyDependOnLibsWithTags: ['scope:lib', 'scope:service'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
      // Env classes annotate numbers: class-transformer converts by the emitted design:type.
      '@typescript-eslint/no-inferrable-types': ['error', { ignoreProperties: true }],
    },
  },
  {
    files: ['libs/**/*.ts'],
    ignores: ['libs/testing/**', '**/*.spec.ts', '**/*.int-spec.ts', 'libs/*/test/**'],
    rules: {
      // Production libs never pull in test infrastructure.
      'no-restricted-imports': ['error', { patterns: [{ group: ['@nps/testing'], message: 'libs/testing is for tests only' }] }],
    },
  },
];
