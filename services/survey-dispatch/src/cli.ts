import { runServiceCli } from '@nps/runtime';
import { service } from './service.definition';

void runServiceCli(service, process.argv.slice(2));
