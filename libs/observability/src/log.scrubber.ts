/** What every log line hides, as [pattern, replacement]; order matters (URLs before bare emails). */
const RULES: Array<[RegExp, string]> = [
  // Survey links: the token in /s/<token> answers the survey; a route pattern (/s/:token) stays.
  [/(\/s\/)(?!:)[^/?#\s"'<>]+/g, '$1[redacted]'],
  // Secrets and contact details in query strings, encoded or not.
  [/([?&;](?:token|access_token|id_token|refresh_token|code|email|phone|to)=)[^&#\s"'<>]*/gi, '$1[redacted]'],
  [/(\bBearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1[redacted]'],
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, '[jwt]'],
  // Bare signed tokens: survey links `<kid>.<claims>.<mac>` and JWTs, base64url parts of 16+ characters.
  [/\b[A-Za-z0-9_-]{1,32}\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/g, '[token]'],
  // Bounded local part: an unbounded one makes a long run of letters without "@" quadratic.
  [/[A-Za-z0-9._%+-]{1,64}(?:@|%40)[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/g, '[email]'],
  // Phone numbers in international form (+31 6 1234 5678, %2B316…); local forms are too like ids.
  [/(?:\+|%2B)[1-9](?:[\s.()-]{0,2}\d){6,14}/gi, '[phone]'],
];

/** `text` with survey tokens, bearer tokens, JWTs, emails and phone numbers replaced by placeholders. */
export function scrubText(text: string): string {
  return RULES.reduce((scrubbed, [pattern, replacement]) => scrubbed.replace(pattern, replacement), text);
}

/** Scrubs the strings of pino's log-method arguments (message, format arguments, top-level fields). */
export function scrubLogArguments(args: unknown[]): unknown[] {
  return args.map((arg) => {
    if (typeof arg === 'string') return scrubText(arg);
    if (arg instanceof Error) return scrubbedError(arg);
    if (arg && typeof arg === 'object' && !Array.isArray(arg)) return scrubFields(arg as Record<string, unknown>);
    return arg;
  });
}

function scrubFields(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [
      key,
      typeof value === 'string' ? scrubText(value) : value instanceof Error ? scrubbedError(value) : value,
    ]),
  );
}

function scrubbedError(error: Error): Error {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(error) as object) as Error, error);
  copy.message = scrubText(error.message);
  copy.stack = error.stack && scrubText(error.stack);
  return copy;
}
