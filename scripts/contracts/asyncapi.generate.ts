// `npm run contracts:asyncapi`: writes docs/asyncapi.yaml from the topic declarations and proto/.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderAsyncApiYaml } from '../../libs/contracts/src/asyncapi/asyncapi.document';
import { buildProtoRegistry, REPO_ROOT } from '../../libs/contracts/src/buf/buf.cli';

const target = join(REPO_ROOT, 'docs/asyncapi.yaml');
writeFileSync(target, renderAsyncApiYaml(buildProtoRegistry()));
process.stdout.write(`wrote ${target}\n`);
