import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';

/**
 * A `true`/`false` variable. Reads the raw string: the loader's implicit conversion has already
 * turned any non-empty string, `'false'` included, into `true` by the time `value` arrives.
 */
export function EnvBoolean(): PropertyDecorator {
  return applyDecorators(
    Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
      const raw = obj[key];
      return typeof raw === 'string' ? ({ true: true, false: false }[raw] ?? raw) : raw;
    }),
    IsBoolean({ message: 'must be true or false' }),
  );
}
