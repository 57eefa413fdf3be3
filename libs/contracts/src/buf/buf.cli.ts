import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fromBinary } from '@bufbuild/protobuf';
import { createFileRegistry, type FileRegistry } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';

// Tooling for tests and scripts/contracts; not exported from @nps/contracts.

export const REPO_ROOT = resolve(__dirname, '../../../..');
export const PROTO_DIR = join(REPO_ROOT, 'proto');
const BUF_LAUNCHER = join(REPO_ROOT, 'node_modules/@bufbuild/buf/bin/buf');

export interface BufResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly stdoutBytes: Buffer;
}

/** Runs the buf CLI of the npm package `@bufbuild/buf` (with this Node, whatever PATH says). */
export function runBuf(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): BufResult {
  const result = spawnSync(process.execPath, [BUF_LAUNCHER, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: options.env ?? process.env,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return {
    status: result.status,
    stdout: result.stdout.toString(),
    stderr: result.stderr.toString(),
    stdoutBytes: result.stdout,
  };
}

/** The descriptors of `protoDir` compiled by buf, with source comments (generated code has none). */
export function buildProtoRegistry(protoDir = PROTO_DIR): FileRegistry {
  const built = runBuf(['build', protoDir, '--as-file-descriptor-set', '-o', '-#format=binpb']);
  if (built.status !== 0) throw new Error(`buf build ${protoDir} failed: ${built.stderr}`);
  return createFileRegistry(fromBinary(FileDescriptorSetSchema, built.stdoutBytes));
}
