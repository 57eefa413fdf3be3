import { readFileSync } from 'node:fs';
import { ConfigError } from './config.error';

/** The PEM text of the file a variable names (a CA bundle); a ConfigError naming the variable if unreadable. */
export function readPemFile(variable: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`Invalid configuration: ${variable}: cannot read "${path}" (${(error as Error).message})`);
  }
}
