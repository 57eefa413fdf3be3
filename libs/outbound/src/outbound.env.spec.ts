import { BaseEnv, loadEnv } from '@nps/config';
import { WithOutboundSettings } from './outbound.env';
import { OutboundPolicy } from './outbound.policy';

class ExampleEnv extends WithOutboundSettings(BaseEnv) {}

const PRODUCTION = {
  NPS_ENV: 'production',
  DATABASE_URL: 'postgres://nps:from-the-vault@db:5432/nps',
  OIDC_ISSUER: 'https://login.example.com',
};

describe('WithOutboundSettings', () => {
  it('defaults to http and https, any host, and no private networks', () => {
    expect(loadEnv(ExampleEnv, {})).toMatchObject({
      OUTBOUND_ALLOWED_SCHEMES: 'https,http',
      OUTBOUND_ALLOWED_HOSTS: '',
      OUTBOUND_ALLOW_PRIVATE_NETWORKS: false,
    });
  });

  it('reads the lists and the switch into a policy', () => {
    const env = loadEnv(ExampleEnv, {
      OUTBOUND_ALLOWED_SCHEMES: 'https',
      OUTBOUND_ALLOWED_HOSTS: 'hooks.example.com,*.partner.example',
      OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true',
    });
    expect(env.OUTBOUND_ALLOW_PRIVATE_NETWORKS).toBe(true);
    const policy = OutboundPolicy.fromEnv(env);
    expect(() => policy.checkUrl('https://eu.partner.example/')).not.toThrow();
    expect(() => policy.checkUrl('http://hooks.example.com/')).toThrow(/scheme/);
  });

  it('reads false as false', () => {
    expect(loadEnv(ExampleEnv, { OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'false' }).OUTBOUND_ALLOW_PRIVATE_NETWORKS).toBe(
      false,
    );
  });

  it.each([
    ['OUTBOUND_ALLOWED_SCHEMES', 'https,ftp'],
    ['OUTBOUND_ALLOWED_HOSTS', 'hooks.example.com/path'],
    ['OUTBOUND_ALLOW_PRIVATE_NETWORKS', 'yes'],
  ])('refuses %s=%s in one line naming it', (variable, value) => {
    expect(() => loadEnv(ExampleEnv, { [variable]: value })).toThrow(new RegExp(`^Invalid configuration: ${variable}`));
  });

  it('is refused in production with private networks allowed, and fine without', () => {
    expect(() => loadEnv(ExampleEnv, { ...PRODUCTION, OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true' })).toThrow(
      'Invalid configuration: OUTBOUND_ALLOW_PRIVATE_NETWORKS: lets webhooks and gateways reach loopback and private ' +
        'networks, which NPS_ENV=production refuses',
    );
    expect(loadEnv(ExampleEnv, PRODUCTION).OUTBOUND_ALLOW_PRIVATE_NETWORKS).toBe(false);
  });
});
