import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Json = unknown;
type JsonObject = Record<string, Json>;

interface OpenApiResponse {
  content?: Record<string, { schema?: JsonObject }>;
}

/** The parts of an OpenAPI 3.0 document (/docs-json) read here. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, OpenApiResponse> }>>;
  components?: { schemas?: Record<string, JsonObject> };
}

const DOCUMENT_ID = 'openapi';

/**
 * The response schemas of an OpenAPI 3.0 document as JSON Schema for Ajv: `nullable: true` becomes "or null", and
 * an object that lists its properties admits no others, so a field an answer has and its DTO does not declare fails
 * like a missing or mistyped one. Free-form objects (no `properties`, or `additionalProperties` set) stay open.
 */
export class ResponseSchemas {
  private readonly ajv: Ajv;
  private readonly compiled = new WeakMap<JsonObject, ValidateFunction>();

  constructor(document: OpenApiDocument) {
    this.ajv = new Ajv({ allErrors: true, strict: true, discriminator: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: DOCUMENT_ID, definitions: mapValues(document.components?.schemas ?? {}, toJsonSchema) });
  }

  /**
   * Checks bodies against `schema` (a schema of the document): what is wrong with one, empty when nothing is.
   * Throws when a `$ref` of it names no schema.
   */
  validator(schema: JsonObject): (body: Json) => string[] {
    const validate = this.compiled.get(schema) ?? this.compile(schema);
    return (body) =>
      validate(body)
        ? []
        : (validate.errors ?? []).map(
            (error) => `${error.instancePath || '(body)'} ${error.message} ${JSON.stringify(error.params)}`,
          );
  }

  /** Compiled once per schema object of the document: each compile adds generated code Ajv keeps. */
  private compile(schema: JsonObject): ValidateFunction {
    const validate = this.ajv.compile(toJsonSchema(schema) as JsonObject);
    this.compiled.set(schema, validate);
    return validate;
  }
}

/** The JSON schema of a 2xx answer of `method path` with `status`, if the document declares one. */
export function declaredSchema(
  document: OpenApiDocument,
  method: string,
  path: string,
  status: number | string,
): JsonObject | undefined {
  return document.paths[path]?.[method.toLowerCase()]?.responses?.[String(status)]?.content?.['application/json']
    ?.schema;
}

function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const { nullable, properties, $ref, ...rest } = node as JsonObject;
  // OpenAPI's, not JSON Schema's: Ajv's strict mode refuses unknown keywords.
  delete rest.example;
  const schema = mapValues(rest, toJsonSchema);
  if (typeof $ref === 'string') schema.$ref = $ref.replace('#/components/schemas/', `${DOCUMENT_ID}#/definitions/`);
  if (properties) {
    schema.properties = mapValues(properties as JsonObject, toJsonSchema);
    schema.additionalProperties ??= false;
  }
  return nullable === true ? { anyOf: [schema, { type: 'null' }] } : schema;
}

function mapValues(object: JsonObject, map: (value: Json) => Json): JsonObject {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, map(value)]));
}
