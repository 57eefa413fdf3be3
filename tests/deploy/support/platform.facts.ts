import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Topics, type TopicKey } from '@nps/contracts';

const ROOT = join(__dirname, '..', '..', '..');

/** What the chart must agree with, read from the code rather than restated: ports and subscriptions. */
export interface ServiceFacts {
  name: string;
  port: number;
  /**
   * A platform service (a src/service.definition.ts: database, Kafka, migrations); false for an
   * HTTP-only deployable such as the ops console, which the chart runs without any of those.
   */
  platform: boolean;
  /** Physical names of the topics its handlers subscribe to (`@EventPattern(Topics.X.name)`, with or without extras). */
  inputTopics: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !/\.(int-|e2e-)?spec\.ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Lib modules that bring handlers of their own: a service that imports one subscribes to these too. */
const LIB_SUBSCRIPTIONS: Record<string, TopicKey[]> = { CustomerErasureModule: ['CustomerErased'] };

function subscriptionsOf(service: string): string[] {
  const topics = new Set<string>();
  for (const file of sourceFiles(join(ROOT, 'services', service, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/@EventPattern\(Topics\.(\w+)\.name[,)]/g)) {
      topics.add(Topics[match[1] as TopicKey].name);
    }
    for (const [module, keys] of Object.entries(LIB_SUBSCRIPTIONS))
      if (text.includes(`${module}.forService(`)) for (const key of keys) topics.add(Topics[key].name);
  }
  return [...topics].sort();
}

/**
 * Every deployable under services/ (a project.json with its port): the chart must run each one. The
 * platform services have a src/service.definition.ts; the ops console (HTTP only) does not.
 */
export function serviceFacts(): ServiceFacts[] {
  return readdirSync(join(ROOT, 'services'))
    .filter((name) => existsSync(join(ROOT, 'services', name, 'project.json')))
    .map((name) => {
      const project = JSON.parse(readFileSync(join(ROOT, 'services', name, 'project.json'), 'utf8'));
      const platform = existsSync(join(ROOT, 'services', name, 'src/service.definition.ts'));
      return {
        name,
        port: project.metadata.port as number,
        platform,
        inputTopics: platform ? subscriptionsOf(name) : [],
      };
    });
}

/** Partitions of a topic by its physical name (libs/contracts topics.ts). */
export function partitionsOf(topic: string): number {
  const spec = Object.values(Topics).find((candidate) => candidate.name === topic);
  if (!spec) throw new Error(`no topic ${topic} in libs/contracts`);
  return spec.partitions;
}
