// `npm run openapi:export`: writes docs/openapi/<service>.json, what each service serves at /docs-json.
// Each document is built from the service's app module as serveOpenApi builds it; creating the app
// connects to Postgres (DATABASE_URL, the local one by default) but starts no consumer and opens no port.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { openApiDocument } from '@nps/runtime';
import { format, resolveConfig } from 'prettier';
import { REPO_ROOT } from '../../libs/contracts/src/buf/buf.cli';

/** The services built on ServiceModule (a service.definition.ts), as their folders under services/ are named. */
const SERVICES = readdirSync(join(REPO_ROOT, 'services')).filter((name) =>
  existsSync(join(REPO_ROOT, 'services', name, 'src', 'service.definition.ts')),
);

async function exportDocument(service: string): Promise<string> {
  const { AppModule } = (await import(`../../services/${service}/src/app.module`)) as { AppModule: Type };
  const { service: definition } = (await import(`../../services/${service}/src/service.definition`)) as {
    service: { name: string; api?: Parameters<typeof openApiDocument>[2] };
  };
  if (!definition.api) throw new Error(`${service} declares no HTTP API (service.definition.ts)`);
  const app: INestApplication = await NestFactory.create(AppModule, { logger: false, abortOnError: false });
  try {
    const target = join(REPO_ROOT, 'docs/openapi', `${service}.json`);
    const document = openApiDocument(app, definition.name, definition.api);
    const options = await resolveConfig(target);
    writeFileSync(target, await format(JSON.stringify(document, null, 2), { ...options, filepath: target }));
    return target;
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  mkdirSync(join(REPO_ROOT, 'docs/openapi'), { recursive: true });
  for (const service of SERVICES) process.stdout.write(`wrote ${await exportDocument(service)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
