import { runMigrationsCli } from '@nps/runtime';
import { service } from './service.definition';

void runMigrationsCli(service);
