import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// `npm start` reads each service's port from its project.json (metadata.port); a service run
// on its own takes the default of its env class. Both must name the same, unshared port.
describe('service ports', () => {
  const root = resolve(__dirname, '../..');
  const services = readdirSync(join(root, 'services')).map((name) => {
    const project = JSON.parse(readFileSync(join(root, 'services', name, 'project.json'), 'utf8'));
    return { name, port: project.metadata?.port as number | undefined };
  });

  it('every service has one, and no two share it', () => {
    for (const { name, port } of services) expect({ name, port }).toEqual({ name, port: expect.any(Number) });
    expect(new Set(services.map(({ port }) => port)).size).toBe(services.length);
  });

  // A platform service names its env class in its definition; a process without one (the ops
  // console: no database, no Kafka) keeps it in src/<name>.env.ts.
  const envClassOf = (name: string): new () => { PORT: number } => {
    const definition = join(root, 'services', name, 'src/service.definition.ts');
    if (existsSync(definition)) return require(definition).service.env;
    const module = require(join(root, 'services', name, `src/${name}.env`)) as Record<
      string,
      new () => { PORT: number }
    >;
    const envClass = Object.values(module).find((value) => typeof value === 'function' && value.name.endsWith('Env'));
    if (!envClass) throw new Error(`services/${name}/src/${name}.env.ts exports no *Env class`);
    return envClass;
  };

  it.each(services)('$name listens on its npm start port by default', ({ name, port }) => {
    expect(new (envClassOf(name))().PORT).toBe(port);
  });
});
