import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { ConfigError } from './config.error';
import { findDevelopmentValue, isSecretVariable } from './development-default';

type EnvClass<T> = new () => T;

const loaded = new Map<EnvClass<unknown>, unknown>();

/**
 * Reads process.env into a validated instance of `envClass` (class-validator rules, declared
 * defaults for unset variables). Throws a one-line ConfigError naming the first bad variable, or,
 * with NPS_ENV=production, the first variable still holding a development secret.
 */
export function loadEnv<T extends object>(envClass: EnvClass<T>, source: NodeJS.ProcessEnv = process.env): T {
  const defaults = new envClass() as Record<string, unknown>;
  const given = Object.fromEntries(
    Object.keys(defaults)
      .filter((key) => source[key] !== undefined && source[key] !== '')
      .map((key) => [key, source[key]]),
  );
  const env = plainToInstance(envClass, { ...defaults, ...given }, { enableImplicitConversion: true });
  const errors = validateSync(env, { forbidUnknownValues: false, stopAtFirstError: true });
  if (errors.length > 0) throw new ConfigError(describe(envClass, errors[0], source));
  refuseDevelopmentValuesInProduction(envClass, env);
  return env;
}

/** Like loadEnv, but validates each class once per process and hands out the same instance. */
export function cachedEnv<T extends object>(envClass: EnvClass<T>): T {
  if (!loaded.has(envClass)) loaded.set(envClass, loadEnv(envClass));
  return loaded.get(envClass) as T;
}

function refuseDevelopmentValuesInProduction<T extends object>(envClass: EnvClass<T>, env: T): void {
  if ((env as { NPS_ENV?: string }).NPS_ENV !== 'production') return;
  const found = findDevelopmentValue(envClass, env);
  if (!found) return;
  throw new ConfigError(
    `Invalid configuration: ${found.variable}: ${found.reason}, which NPS_ENV=production refuses; ` +
      'set your own (docs/security.md)',
  );
}

function describe<T>(envClass: EnvClass<T>, error: ValidationError, source: NodeJS.ProcessEnv): string {
  const variable = error.property;
  const reasons = Object.values(error.constraints ?? {}).join('; ');
  const value = source[variable];
  const secret = isSecretVariable(envClass as EnvClass<object>, variable);
  const shown = value === undefined || value === '' ? 'it is not set' : secret ? 'value hidden' : `got "${value}"`;
  return `Invalid configuration: ${variable}: ${reasons} (${shown})`;
}
