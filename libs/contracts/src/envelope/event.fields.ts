import type { DescMessage, Message } from '@bufbuild/protobuf';
import type { Timestamp } from '@bufbuild/protobuf/wkt';
import type { KeyRule } from '../topic.spec-type';

/** The envelope's view of an event message; topics.ts proves at compile time that these exist. */
export type EventFields = { readonly eventId: string; readonly occurredAt?: Timestamp } & Readonly<
  Record<KeyRule, string | undefined>
>;

export function eventFields(message: Message): EventFields {
  return message as unknown as EventFields;
}

/** The protobuf field name of the key (`customer_id`), for error messages that people read. */
export function keyFieldName(schema: DescMessage, key: KeyRule): string {
  return schema.field[key]?.name ?? key;
}
