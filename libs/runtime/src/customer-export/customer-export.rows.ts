import type { CustomerDataKind } from './customer-data.catalog';

function camelCase(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

function enumName(names: Record<number, string>, value: unknown): unknown {
  if (typeof value !== 'number') return value;
  return names[value]?.toLowerCase() ?? value;
}

/** A row as readable JSON: camelCase keys, enum numbers by name. */
export function readableRow(kind: CustomerDataKind, row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([column, value]) => {
      const field = camelCase(column);
      const names = kind.enums?.[field];
      return [field, names ? enumName(names, value) : value];
    }),
  );
}
