import { exportSettingsFromEnv } from './privacy-export.settings';

describe('exportSettingsFromEnv', () => {
  it('defaults to the local stack of `npm start`, shifted by NPS_PORT_OFFSET', () => {
    expect(exportSettingsFromEnv({})).toMatchObject({
      services: {
        'survey-dispatch': 'http://127.0.0.1:3001',
        'response-ingestion': 'http://127.0.0.1:3002',
        scoring: 'http://127.0.0.1:3003',
        'root-cause-tagging': 'http://127.0.0.1:3004',
        'case-management': 'http://127.0.0.1:3005',
      },
      issuer: 'http://127.0.0.1:3010',
      clientId: 'privacy-exporter',
      clientSecret: 'privacy-exporter-secret',
      token: undefined,
    });
    expect(exportSettingsFromEnv({ NPS_PORT_OFFSET: '100' }).services.scoring).toBe('http://127.0.0.1:3103');
  });

  it('takes each URL, the issuer, the client and a token from the environment', () => {
    const settings = exportSettingsFromEnv({
      SCORING_URL: 'https://scoring.internal',
      OIDC_ISSUER: 'https://id.example.com',
      PRIVACY_EXPORT_CLIENT_ID: 'dpo',
      PRIVACY_EXPORT_CLIENT_SECRET: 's3cret',
      NPS_TOKEN: 'a.b.c',
    });
    expect(settings).toMatchObject({
      issuer: 'https://id.example.com',
      clientId: 'dpo',
      clientSecret: 's3cret',
      token: 'a.b.c',
    });
    expect(settings.services.scoring).toBe('https://scoring.internal');
    expect(settings.services['case-management']).toBe('http://127.0.0.1:3005');
  });
});
