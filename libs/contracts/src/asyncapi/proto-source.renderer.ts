import { ScalarType, getOption, type DescEnum, type DescField, type DescMessage } from '@bufbuild/protobuf';
import { getComments } from '@bufbuild/protoplugin';
import { encrypted } from '../generated/nps/v1/privacy_pb';

type LocalType = DescMessage | DescEnum;

/**
 * Renders `root` and every type of its package it uses as one self-contained proto3 source that
 * imports nothing but google/protobuf: AsyncAPI protobuf payloads cannot follow imports.
 */
export function renderStandaloneProto(root: DescMessage): string {
  const types = localTypesOf(root);
  const imports = new Set<string>();
  const body = types.map((type) =>
    type.kind === 'message' ? renderMessage(type, root.file.proto.package, imports) : renderEnum(type),
  );
  const head = ['syntax = "proto3";', '', `package ${root.file.proto.package};`, ''];
  if (imports.size > 0) head.push(...[...imports].sort().map((file) => `import "${file}.proto";`), '');
  return [...head, body.join('\n\n'), ''].join('\n');
}

/** `root` first, then the messages and enums of its own package it refers to, in order of first use. */
function localTypesOf(root: DescMessage): LocalType[] {
  const found: LocalType[] = [];
  const visit = (type: LocalType) => {
    if (found.includes(type) || type.file.proto.package !== root.file.proto.package) return;
    if (type.parent)
      throw new Error(`${type.typeName}: nested declarations are not supported here; declare types at top level`);
    found.push(type);
    if (type.kind === 'message') for (const field of type.fields) for (const used of typesOf(field)) visit(used);
  };
  visit(root);
  return found;
}

function typesOf(field: DescField): LocalType[] {
  switch (field.fieldKind) {
    case 'message':
      return [field.message];
    case 'enum':
      return [field.enum];
    case 'list':
      return field.listKind === 'message' ? [field.message] : field.listKind === 'enum' ? [field.enum] : [];
    case 'map':
      return field.mapKind === 'message' ? [field.message] : field.mapKind === 'enum' ? [field.enum] : [];
    default:
      return [];
  }
}

function renderMessage(message: DescMessage, pkg: string, imports: Set<string>): string {
  if (message.oneofs.length > 0) throw new Error(`${message.typeName}: oneof is not supported here`);
  const name = (type: LocalType) => {
    if (type.file.proto.package === pkg) return type.name;
    imports.add(type.file.name);
    return type.typeName;
  };
  const fields = message.fields.map((field) =>
    [
      ...comment(field, '  '),
      ...encryptionNote(field),
      `  ${fieldType(field, name)} ${field.name} = ${field.number};`,
    ].join('\n'),
  );
  return [...comment(message, ''), `message ${message.name} {`, fields.join('\n'), '}'].join('\n');
}

/** The (nps.v1.encrypted) option, as a comment: the standalone source cannot import privacy.proto. */
function encryptionNote(field: DescField): string[] {
  return isEncrypted(field)
    ? ["  // [(nps.v1.encrypted) = true]: enc:v1 ciphertext under the customer's data key."]
    : [];
}

/** Whether the field carries a customer's personal text encrypted per customer (proto/nps/v1/privacy.proto). */
export function isEncrypted(field: DescField): boolean {
  return getOption(field, encrypted);
}

function fieldType(field: DescField, name: (type: LocalType) => string): string {
  const scalar = (type: ScalarType) => ScalarType[type].toLowerCase();
  switch (field.fieldKind) {
    case 'scalar':
      return `${field.proto.proto3Optional ? 'optional ' : ''}${scalar(field.scalar)}`;
    case 'enum':
      return `${field.proto.proto3Optional ? 'optional ' : ''}${name(field.enum)}`;
    case 'message':
      return name(field.message);
    case 'list':
      return `repeated ${
        field.listKind === 'scalar'
          ? scalar(field.scalar)
          : name(field.listKind === 'enum' ? field.enum : field.message)
      }`;
    case 'map': {
      const value =
        field.mapKind === 'scalar' ? scalar(field.scalar) : name(field.mapKind === 'enum' ? field.enum : field.message);
      return `map<${scalar(field.mapKey)}, ${value}>`;
    }
  }
}

function renderEnum(type: DescEnum): string {
  const values = type.values.map((value) => [...comment(value, '  '), `  ${value.name} = ${value.number};`].join('\n'));
  return [...comment(type, ''), `enum ${type.name} {`, values.join('\n'), '}'].join('\n');
}

function comment(desc: Parameters<typeof getComments>[0], indent: string): string[] {
  const text = getComments(desc).leading;
  if (!text) return [];
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => `${indent}//${line}`);
}
