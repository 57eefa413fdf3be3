import { ValidateBy, type ValidationOptions } from 'class-validator';

/** A language tag Intl accepts (`nl`, `en-GB`), since notifications format dates with it. */
export function IsBcp47Language(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isBcp47Language',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || value.length > 35) return false;
          try {
            return Intl.getCanonicalLocales(value).length === 1;
          } catch {
            return false;
          }
        },
        defaultMessage: () => '$property must be a BCP 47 language tag such as nl or en-GB',
      },
    },
    options,
  );
}
