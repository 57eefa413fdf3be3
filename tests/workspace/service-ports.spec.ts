import { readdirSync, readFileSync } from 'node:fs';
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

  it.each(services)('$name listens on its npm start port by default', ({ name, port }) => {
    type Definition = { service: { env: new () => { PORT: number } } };
    const { service } = require(join(root, 'services', name, 'src/service.definition')) as Definition;
    expect(new service.env().PORT).toBe(port);
  });
});
