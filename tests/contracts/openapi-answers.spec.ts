import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type OpenApiDocument, ResponseSchemas } from '@nps/testing';

const DOCUMENTS = join(__dirname, '../../docs/openapi');

/** "METHOD /path status" of each answer a client cannot generate a type for: no 2xx, or a 2xx body without a schema. */
function untyped(document: OpenApiDocument): string[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).flatMap(([method, operation]) => {
      const route = `${method.toUpperCase()} ${path}`;
      const successes = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      if (successes.length === 0) return [`${route}: no 2xx answer`];
      return successes
        .filter(([status, answer]) => status !== '204' && !answer.content?.['application/json']?.schema)
        .map(([status]) => `${route} ${status}: no JSON schema`);
    }),
  );
}

/** "METHOD /path status: why" of each answer schema that does not compile, e.g. a `$ref` that names no schema. */
function unresolved(document: OpenApiDocument): string[] {
  const schemas = new ResponseSchemas(document);
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).flatMap(([method, operation]) =>
      Object.entries(operation.responses ?? {}).flatMap(([status, answer]) => {
        const schema = answer.content?.['application/json']?.schema;
        try {
          if (schema) schemas.validator(schema);
          return [];
        } catch (error) {
          return [`${method.toUpperCase()} ${path} ${status}: ${(error as Error).message}`];
        }
      }),
    ),
  );
}

// Clients generate their types from docs/openapi/ (the ops console does): every answer with a body has a schema.
// Each service's test/openapi-responses.int-spec.ts checks its real answers against these schemas.
describe.each(readdirSync(DOCUMENTS).filter((file) => file.endsWith('.json')))('docs/openapi/%s', (file) => {
  const document = JSON.parse(readFileSync(join(DOCUMENTS, file), 'utf8')) as OpenApiDocument;

  it('declares a JSON schema for every 2xx answer with a body', () => {
    expect(untyped(document)).toEqual([]);
  });

  it('has answer schemas that compile, each $ref naming a schema of the document', () => {
    expect(unresolved(document)).toEqual([]);
  });
});
