import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { CHART, helmBinary } from './helm.binary';

// Rendered objects are checked field by field, so their fields stay untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Field = any;

/** One rendered Kubernetes object, loosely typed: tests read the fields they check. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; [key: string]: Field };
  [key: string]: Field;
}

export const RELEASE = 'nps';
export const NAMESPACE = 'nps';
/** The Kubernetes version the chart is rendered for (Capabilities.KubeVersion, checked against Chart.yaml kubeVersion). */
export const KUBE_VERSION = '1.31.0';

function helm(args: string[]): string {
  return execFileSync(helmBinary(), args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** `helm template` of the chart with the given values files (relative to the chart), parsed. */
export function renderChart(valuesFiles: string[] = [], extraArgs: string[] = []): Manifest[] {
  const files = valuesFiles.flatMap((file) => ['-f', join(CHART, file)]);
  const output = helm([
    'template',
    RELEASE,
    CHART,
    '--namespace',
    NAMESPACE,
    '--kube-version',
    KUBE_VERSION,
    ...files,
    ...extraArgs,
  ]);
  return parseAllDocuments(output)
    .map((document) => document.toJS() as Manifest | null)
    .filter((manifest): manifest is Manifest => manifest !== null);
}

/** `helm lint --strict` output; throws when the chart fails. */
export function lintChart(valuesFiles: string[] = []): string {
  const files = valuesFiles.flatMap((file) => ['-f', join(CHART, file)]);
  return helm(['lint', '--strict', CHART, '--namespace', NAMESPACE, ...files]);
}
