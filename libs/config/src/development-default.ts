import 'reflect-metadata';

const MARKS = Symbol('nps:config:development-default');

export interface DevelopmentDefaultOptions {
  /** Whether `value` is a development value; by default, whether it equals the declared default. */
  when?: (value: unknown, declaredDefault: unknown) => boolean;
  /** Why it is refused, worded for the operator; by default "is the development default". */
  reason?: string;
  /** Whether the value is secret, never to be echoed in a configuration error; default true. */
  secret?: boolean;
}

interface Mark extends DevelopmentDefaultOptions {
  property: string;
}

/**
 * Marks a variable whose default (or some values) only suits a developer machine: a development
 * secret or key. NPS_ENV=production refuses to start while such a value is in use, and
 * configuration errors never print a secret variable's value.
 */
export function DevelopmentDefault(options: DevelopmentDefaultOptions = {}): PropertyDecorator {
  return (target, property) => {
    const own: Mark[] = Reflect.getOwnMetadata(MARKS, target) ?? [];
    Reflect.defineMetadata(MARKS, [...own, { ...options, property: String(property) }], target);
  };
}

/** The marks declared on `envClass` and the classes it extends. */
function marksOf(envClass: new () => object): Mark[] {
  const marks: Mark[] = [];
  for (let proto = envClass.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    marks.push(...((Reflect.getOwnMetadata(MARKS, proto) as Mark[] | undefined) ?? []));
  }
  return marks;
}

/** Whether `property` of `envClass` is marked as a secret, never to be echoed. */
export function isSecretVariable(envClass: new () => object, property: string): boolean {
  return marksOf(envClass).some((mark) => mark.property === property && mark.secret !== false);
}

/** The first marked variable of `env` whose value is a development one, with the reason; undefined if none. */
export function findDevelopmentValue<T extends object>(
  envClass: new () => T,
  env: T,
): { variable: string; reason: string } | undefined {
  const defaults = new envClass() as Record<string, unknown>;
  const values = env as Record<string, unknown>;
  for (const mark of marksOf(envClass)) {
    const when = mark.when ?? ((value, declaredDefault) => value === declaredDefault);
    if (when(values[mark.property], defaults[mark.property])) {
      return { variable: mark.property, reason: mark.reason ?? 'is the development default' };
    }
  }
  return undefined;
}

/** A Postgres URL whose password is missing or `postgres`, the local trust setup. */
export function hasDevelopmentDatabasePassword(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password === '' || password === 'postgres';
  } catch {
    return false;
  }
}
