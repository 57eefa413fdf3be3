/** What a consumer gets for a personal field: its text, or the fact that the customer was erased. */
export type DecryptedField = { erased: false; text: string } | { erased: true };

/** The text shown in place of a field whose customer was erased (docs/privacy.md). */
export const ERASED_TEXT = '[erased]';

/** The field's text, or ERASED_TEXT: for readers that only display it. */
export function textOrErased(field: DecryptedField): string {
  return field.erased ? ERASED_TEXT : field.text;
}

/** The field's text, or '' for an erased customer's: for consumers that process the record with the text gone. */
export function plainText(field: DecryptedField): string {
  return field.erased ? '' : field.text;
}
