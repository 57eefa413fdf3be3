import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// `npm run new:service` gives a service that passes lint and the type check as generated, and
// joins `npm start` on the next free port. It runs on a copy of the workspace, so the tree
// (and tests or lint running beside it) never see the probe service.
describe('service generator', () => {
  const root = resolve(__dirname, '../..');
  const name = 'generator-probe';
  const workspace = mkdtempSync(join(tmpdir(), 'service-generator-'));
  const dir = join(workspace, 'services', name);
  const copied = [
    'libs',
    'services',
    'tools',
    'nx.json',
    'package.json',
    'tsconfig.base.json',
    'eslint.config.mjs',
    '.prettierrc.json',
  ];
  const tool = (bin: string, args: string[]) =>
    spawnSync(process.execPath, [join(root, 'node_modules/.bin', bin), ...args], { cwd: workspace, encoding: 'utf8' });
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  const projectPorts = () =>
    readdirSync(join(workspace, 'services'))
      .filter((service) => service !== name)
      .map((service) => JSON.parse(readFileSync(join(workspace, 'services', service, 'project.json'), 'utf8')))
      .map((project) => project.metadata.port);

  beforeAll(() => {
    for (const entry of copied) cpSync(join(root, entry), join(workspace, entry), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(workspace, 'node_modules'));
    const generated = tool('nx', ['g', './tools/generators/generators.json:service', name, '--no-interactive']);
    if (generated.status !== 0) throw new Error(`generator failed:\n${generated.stdout}${generated.stderr}`);
  });

  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  it('writes the bootstrap, config, definition, example migration and integration test', () => {
    const files = readdirSync(dir, { recursive: true }) as string[];
    expect(files.map((file) => file.replace(/\d{13}/, '<ts>')).sort()).toEqual([
      'project.json',
      'src',
      'src/app.module.ts',
      'src/cli.ts',
      'src/generator-probe.env.ts',
      'src/instrument.ts',
      'src/main.ts',
      'src/migrations',
      'src/migrations/<ts>-generator-probe-tables.ts',
      'src/service.definition.ts',
      'test',
      'test/generator-probe.int-spec.ts',
    ]);
    expect(read('src/main.ts').split('\n')[0]).toBe("import './instrument';");
    expect(read('test/generator-probe.int-spec.ts')).toContain("serviceBed({ service: 'generator-probe' })");
  });

  it('takes the next free port, the same for npm start (project.json) and the env default', () => {
    const port = Math.max(...projectPorts()) + 1;
    const project = JSON.parse(read('project.json'));
    expect(project).toMatchObject({ name, projectType: 'application', tags: ['scope:service'], metadata: { port } });
    expect(read('src/generator-probe.env.ts')).toContain(`override PORT: number = ${port};`);
  });

  it('passes lint, module boundaries included', () => {
    // A project graph that knows the new project and its tags, or the Nx rule skips itself.
    expect(tool('nx', ['show', 'projects']).stdout.split('\n')).toContain(name);
    const lint = tool('eslint', ['--max-warnings', '0', `services/${name}`]);
    expect(`${lint.stdout}${lint.stderr}`).toBe('');
    expect(lint.status).toBe(0);
  });

  it('passes the type check', () => {
    const config = join(workspace, 'tsconfig.probe.json');
    const probeOnly = { extends: './tsconfig.base.json', include: [`services/${name}/**/*.ts`] };
    writeFileSync(config, JSON.stringify({ ...probeOnly, compilerOptions: { noEmit: true } }));
    const typecheck = tool('tsc', ['-p', config]);
    expect(typecheck.stdout).toBe('');
    expect(typecheck.status).toBe(0);
  });
});
