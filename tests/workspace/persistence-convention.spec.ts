import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

// Pins docs/adr/0013-persistence-convention.md: SQL lives in repositories, the schema comes from persistence.
const root = resolve(__dirname, '../..');
const services = readdirSync(join(root, 'services')).filter((name) =>
  statSync(join(root, 'services', name)).isDirectory(),
);
const read = (file: string) => readFileSync(join(root, file), 'utf8');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [relative(root, path)] : [];
  });
}

const files = services.flatMap((service) => sourceFiles(join(root, 'services', service, 'src')));
const STORAGE = /\.(repository|reader|writer)\.ts$|\/migrations\//;
const DATABASE_CALL = /\.query\(|getRepository\(|createQueryBuilder\(/;
// The taxonomy seeding of root-cause-tagging still goes through its TypeORM entity (ADR 0013, "Not yet").
const KNOWN_EXCEPTIONS = new Set(['services/root-cause-tagging/src/tagging/tagger.registry.ts']);

describe('persistence convention (ADR 0013)', () => {
  it('finds the sources it checks', () => {
    expect(files.filter((file) => file.endsWith('.repository.ts')).length).toBeGreaterThan(10);
  });

  it('talks to the database only from repositories and migrations', () => {
    const offenders = files.filter(
      (file) => !STORAGE.test(file) && !KNOWN_EXCEPTIONS.has(file) && DATABASE_CALL.test(read(file)),
    );
    expect(offenders).toEqual([]);
  });

  it('takes the schema from SchemaTables, never from MessagingSettings', () => {
    const offenders = files.filter((file) => /settings\.schema|MessagingSettings/.test(read(file)));
    expect(offenders).toEqual([]);
  });

  it('keeps migrations in src/migrations of every service that has tables', () => {
    const isMigration = (file: string) => /^\s*name = '\w+\d{13}';/m.test(read(file));
    expect(files.filter((file) => isMigration(file) && !file.includes('/src/migrations/'))).toEqual([]);
    const hasFolder = (service: string) => files.some((file) => file.startsWith(`services/${service}/src/migrations/`));
    // A service has tables when its definition names a schema; the ops console has none (no database).
    const definition = (service: string) => `services/${service}/src/service.definition.ts`;
    const hasTables = (service: string) =>
      files.includes(definition(service)) && /\bschema: /.test(read(definition(service)));
    const withoutFolder = services.filter((service) => hasTables(service) && !hasFolder(service));
    expect(withoutFolder).toEqual([]);
  });
});
