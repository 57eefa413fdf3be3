import { formatFiles, generateFiles, getProjects, names, type Tree } from '@nx/devkit';
import { join } from 'node:path';

export interface ServiceGeneratorOptions {
  name: string;
  port?: number;
  description?: string;
}

const FIRST_PORT = 3001;
// From the workspace root rather than __dirname: Nx may load this file as an ES module.
const TEMPLATES = 'tools/generators/service/files';

/**
 * `npm run new:service -- <name>`: a service under services/<name> that boots, validates its
 * config, answers /health, consumes and publishes through libs/messaging, owns a Postgres
 * schema with one example migration, has an integration test, and joins `npm start`.
 */
export async function serviceGenerator(tree: Tree, options: ServiceGeneratorOptions): Promise<void> {
  const { name } = options;
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) throw new Error(`"${name}" is not a kebab-case name`);
  const root = `services/${name}`;
  if (tree.exists(root)) throw new Error(`${root} already exists`);
  const ports = servicePorts(tree);
  const port = options.port ?? Math.max(FIRST_PORT - 1, ...ports.values()) + 1;
  const taken = [...ports].find(([, used]) => used === port);
  if (taken) throw new Error(`port ${port} is already ${taken[0]}'s`);
  const migrationTimestamp = Date.now();
  generateFiles(tree, join(tree.root, TEMPLATES), root, {
    tmpl: '',
    name,
    port,
    className: names(name).className,
    schema: name.replace(/-/g, '_'),
    migrationTimestamp,
    description: quoted(options.description ?? 'TODO: what this service does.'),
  });
  await formatFiles(tree);
}

/** The `npm start` port of every service (metadata.port in its project.json). */
function servicePorts(tree: Tree): Map<string, number> {
  const ports = new Map<string, number>();
  for (const [project, config] of getProjects(tree)) {
    const port = (config.metadata as { port?: unknown } | undefined)?.port;
    if (typeof port === 'number') ports.set(project, port);
  }
  return ports;
}

/** A single-quoted TypeScript string literal. */
function quoted(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export default serviceGenerator;
