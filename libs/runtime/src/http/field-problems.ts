import type { ValidationError } from 'class-validator';

/** One bad field of a request, as a 400 names it: `{ field: 'customer.email', reason: 'must be an email' }`. */
export interface FieldProblem {
  field: string;
  reason: string;
}

/** Every constraint class-validator found broken, nested fields as dotted paths, reasons without the field name. */
export function fieldProblemsOf(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    // "score must be …" and, for unknown properties, "property note should not exist": the field is named apart.
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      reason: withoutName(message, error.property),
    }));
    return [...own, ...fieldProblemsOf(error.children ?? [], field)];
  });
}

/** The message without its leading field name; the name is the caller's (any text), so no RegExp is built from it. */
function withoutName(message: string, property: string): string {
  for (const prefix of [`property ${property} `, `${property} `]) {
    if (message.startsWith(prefix)) return message.slice(prefix.length);
  }
  return message;
}
