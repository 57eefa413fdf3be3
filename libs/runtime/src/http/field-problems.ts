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
    const name = new RegExp(`^(property )?${error.property} `);
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, reason: message.replace(name, '') }));
    return [...own, ...fieldProblemsOf(error.children ?? [], field)];
  });
}
