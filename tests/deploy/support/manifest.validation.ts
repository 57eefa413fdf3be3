import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Manifest } from './chart.renderer';

export interface ValidationResult {
  kind: string;
  name: string;
  /** null: valid; 'no schema': no model package knows the kind. */
  error: string | null;
}

/** Validates every manifest against its Kubernetes or CRD JSON schema, in one child process. */
export function validateManifests(manifests: Manifest[]): ValidationResult[] {
  const output = execFileSync(process.execPath, [join(__dirname, 'manifest.validator.mjs')], {
    input: JSON.stringify(manifests),
    encoding: 'utf8',
    cwd: join(__dirname, '..', '..', '..'),
  });
  return JSON.parse(output) as ValidationResult[];
}
