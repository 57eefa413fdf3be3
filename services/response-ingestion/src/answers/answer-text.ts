import { registerDecorator, type ValidationOptions } from 'class-validator';

export const MAX_COMMENT_LENGTH = 5000;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why a comment cannot be stored as typed, or undefined when it can. U+FFFD is what a decoder
 * leaves for bytes that were not UTF-8, lone surrogates are not text, and Postgres refuses NUL.
 */
export function commentProblem(comment: string): string | undefined {
  if ([...comment].length > MAX_COMMENT_LENGTH)
    return `must be at most ${MAX_COMMENT_LENGTH} characters (got ${[...comment].length})`;
  if (comment.includes('\u0000')) return 'must not contain NUL characters';
  if (comment.includes('\uFFFD')) return 'is not valid UTF-8 text (it holds bytes that are not UTF-8)';
  if (LONE_SURROGATE.test(comment)) return 'is not valid Unicode text (it holds lone surrogates)';
  return undefined;
}

/** class-validator form of commentProblem. */
export function IsComment(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isComment',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && commentProblem(value) === undefined,
        defaultMessage: (args) =>
          `${args?.property} ${typeof args?.value === 'string' ? commentProblem(args.value) : 'must be a string'}`,
      },
    });
}
