import { runServiceCli } from '@nps/runtime';
import { runImportCli } from './imports/import.cli';
import { service } from './service.definition';

const [command, ...rest] = process.argv.slice(2);
if (command === 'import-responses') {
  runImportCli(rest).catch((error: Error) => {
    process.stderr.write(`response-ingestion: ${error.message}\n`);
    process.exitCode = 1;
  });
} else {
  void runServiceCli(service, process.argv.slice(2));
}
