/** A configuration problem, worded as the one line an operator reads before the process exits. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
