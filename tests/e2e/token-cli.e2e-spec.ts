import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { serviceBed } from '@nps/testing';

const run = promisify(execFile);
const TOKEN_CLI = resolve(__dirname, '../../deploy/local/token.js');

// `npm run token`: a development token from the local issuer, without code (README).
describe('npm run token', () => {
  const bed = serviceBed({ service: 'scoring' });

  async function token(...args: string[]): Promise<string> {
    const { url } = await bed.localIssuer();
    const { stdout } = await run(process.execPath, [TOKEN_CLI, ...args], { env: { ...process.env, OIDC_ISSUER: url } });
    return stdout.trim();
  }

  const nps = async (bearer: string) =>
    (await fetch(`${bed.url}/nps`, { headers: { authorization: `Bearer ${bearer}` } })).status;

  it('prints a token the APIs accept for a role, a role in a team, and a machine', async () => {
    expect(await nps(await token('--role', 'analyst'))).toBe(200);
    expect(await nps(await token('--role', 'lead', '--team', 'customer-care'))).toBe(200);
    expect(await nps(await token('--client', 'nps-reader'))).toBe(200);
    expect(await nps(await token('--role', 'agent'))).toBe(403);
  });

  it('names what it cannot find', async () => {
    await expect(token('--role', 'astronaut')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no seeded person with role astronaut'),
    });
  });
});
