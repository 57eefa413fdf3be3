import { runServiceCli } from '@nps/runtime';
import { importCustomersCli } from './customers/customer-import.cli';
import { service } from './service.definition';

const [command, ...rest] = process.argv.slice(2);
if (command === 'import-customers') {
  void importCustomersCli(rest).then((code) => (process.exitCode = code));
} else {
  void runServiceCli(service, process.argv.slice(2));
}
