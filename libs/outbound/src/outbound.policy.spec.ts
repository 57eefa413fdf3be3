import { OutboundError } from './outbound.error';
import { OutboundPolicy, type OutboundPolicyOptions } from './outbound.policy';

const policy = (options: Partial<OutboundPolicyOptions> = {}) =>
  new OutboundPolicy({ allowedSchemes: ['https', 'http'], allowedHosts: [], allowPrivateNetworks: false, ...options });

const refusalOf = (check: () => unknown): string => {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(OutboundError);
    expect((error as OutboundError).failure).toBe('refused');
    return (error as Error).message;
  }
  throw new Error('not refused');
};

describe('OutboundPolicy', () => {
  it('lets only the allowed schemes through', () => {
    const httpsOnly = policy({ allowedSchemes: ['https'] });
    expect(httpsOnly.checkUrl('https://hooks.example.com/x').hostname).toBe('hooks.example.com');
    expect(refusalOf(() => httpsOnly.checkUrl('http://hooks.example.com/x'))).toBe(
      'refused: the scheme "http" is not allowed (OUTBOUND_ALLOWED_SCHEMES)',
    );
    expect(refusalOf(() => policy().checkUrl('file:///etc/passwd'))).toMatch(/scheme "file"/);
    expect(refusalOf(() => policy().checkUrl('gopher://127.0.0.1:6379/_'))).toMatch(/scheme "gopher"/);
    expect(refusalOf(() => policy().checkUrl('not a url'))).toBe('refused: not a valid URL');
  });

  it('with a host list, lets only those hosts and subdomains of *. entries through', () => {
    const listed = policy({ allowedHosts: ['hooks.example.com', '*.partner.example', '[2606:4700::1]'] });
    expect(() => listed.checkUrl('https://hooks.example.com/a')).not.toThrow();
    expect(() => listed.checkUrl('https://HOOKS.example.com./a')).not.toThrow();
    expect(() => listed.checkUrl('https://eu.partner.example/a')).not.toThrow();
    expect(() => listed.checkUrl('https://[2606:4700::1]/a')).not.toThrow();
    for (const url of [
      'https://partner.example/a',
      'https://evil-partner.example/a',
      'https://hooks.example.com.evil.test/a',
      'https://127.0.0.1/a',
    ]) {
      expect(refusalOf(() => listed.checkUrl(url))).toBe('refused: the host is not in OUTBOUND_ALLOWED_HOSTS');
    }
  });

  it('refuses every non-public address and names why, without the address', () => {
    expect(policy().addressRefusal('93.184.215.14', true)).toBeUndefined();
    expect(policy().addressRefusal('127.0.0.1', false)).toBe(
      'the host is a loopback address (OUTBOUND_ALLOW_PRIVATE_NETWORKS is off)',
    );
    expect(policy().addressRefusal('10.1.2.3', true)).toBe(
      'the host resolves to a private network address (OUTBOUND_ALLOW_PRIVATE_NETWORKS is off)',
    );
    expect(policy().addressRefusal('169.254.169.254', false)).toBe('the host is a cloud metadata endpoint');
    expect(policy().addressRefusal('::ffff:127.0.0.1', true)).toMatch(/loopback/);
  });

  it('with private networks allowed, opens loopback, RFC 1918, unique-local and CGNAT, nothing else', () => {
    const open = policy({ allowPrivateNetworks: true });
    for (const address of ['127.0.0.1', '::1', '10.0.0.1', '192.168.0.10', 'fd12::1', '100.64.0.1']) {
      expect(open.addressRefusal(address, true)).toBeUndefined();
    }
    for (const address of ['169.254.169.254', 'fd00:ec2::254', '169.254.10.10', 'fe80::1', '0.0.0.0', '224.0.0.1']) {
      expect(open.addressRefusal(address, true)).toBeDefined();
    }
  });
});
