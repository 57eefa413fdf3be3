import fc from 'fast-check';
import { type AddressClass, classifyAddress } from './address.classifier';

describe('classifyAddress', () => {
  it.each<[string, AddressClass]>([
    ['8.8.8.8', 'public'],
    ['93.184.215.14', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['172.32.0.1', 'public'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.254', 'carrierGradeNat'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['169.254.1.1', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['192.0.2.10', 'reserved'],
    ['198.51.100.1', 'reserved'],
    ['203.0.113.9', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['fec0::1', 'reserved'],
    ['::7f00:1', 'reserved'], // IPv4-compatible ::127.0.0.1
    ['64:ff9b::7f00:1', 'translation'], // NAT64 of 127.0.0.1
    ['2002:7f00:1::1', 'translation'], // 6to4 of 127.0.0.1
    ['2001:0:4136:e378::1', 'translation'], // Teredo
    ['169.254.169.254', 'cloudMetadata'],
    ['169.254.170.2', 'cloudMetadata'],
    ['fd00:ec2::254', 'cloudMetadata'],
    ['fd00:0ec2:0000::0254', 'cloudMetadata'],
    ['100.100.100.200', 'cloudMetadata'],
    ['168.63.129.16', 'cloudMetadata'],
    ['::ffff:169.254.169.254', 'cloudMetadata'],
    ['localhost', 'invalid'],
    ['', 'invalid'],
    ['1.2.3', 'invalid'],
  ])('%s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it('classifies an IPv4-mapped IPv6 address, in either notation, as its IPv4 address', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ipv4) => {
        const [a, b, c, d] = ipv4.split('.').map(Number);
        const hex = `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
        expect(classifyAddress(`::ffff:${ipv4}`)).toBe(classifyAddress(ipv4));
        expect(classifyAddress(`::ffff:${hex}`)).toBe(classifyAddress(ipv4));
      }),
    );
  });

  it('calls every 127/8, 10/8 and 169.254/16 address non-public', () => {
    fc.assert(
      fc.property(fc.constantFrom(127, 10, 169), fc.nat(255), fc.nat(255), fc.nat(255), (first, b, c, d) => {
        const address = first === 169 ? `169.254.${c}.${d}` : `${first}.${b}.${c}.${d}`;
        expect(classifyAddress(address)).not.toBe('public');
      }),
    );
  });
});
