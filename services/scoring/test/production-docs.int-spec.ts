import { PRODUCTION_ENV, serviceBed } from '@nps/testing';

// Issue 13: the API documentation is a map of every route; in production only admins read it.
describe('scoring with NPS_ENV=production: /docs and /docs-json', () => {
  const bed = serviceBed({ service: 'scoring', autoStart: false });
  const status = async (path: string, person?: string) => {
    const headers: Record<string, string> = person ? { authorization: `Bearer ${await bed.tokenFor(person)}` } : {};
    return (await fetch(`${bed.url}${path}`, { headers })).status;
  };

  beforeAll(async () => {
    // The local test database trusts any password; production only refuses the development one.
    const database = new URL(bed.databaseUrl);
    database.password = 'a-password-from-the-vault';
    await bed.start({
      NPS_ENV: 'production',
      DATABASE_URL: database.toString(),
      PRIVACY_MASTER_KEYS: PRODUCTION_ENV.PRIVACY_MASTER_KEYS,
      PRIVACY_MASTER_KEY_ID: PRODUCTION_ENV.PRIVACY_MASTER_KEY_ID,
    });
  }, 120000);

  it.each(['/docs', '/docs-json'])('%s: 401 without a token, 403 for an analyst, 200 for an admin', async (path) => {
    expect(await status(path)).toBe(401);
    expect(await status(path, 'nina')).toBe(403);
    expect(await status(path, 'adam')).toBe(200);
  });

  it('answers a refusal as problem details with a Bearer challenge', async () => {
    const response = await fetch(`${bed.url}/docs-json`);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
  });

  it('keeps the health checks open', async () => {
    expect(await status('/health/ready')).toBe(200);
  });
});
