import ipaddr from 'ipaddr.js';

/** What an IP address is, as far as calling it from a server is concerned. */
export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'uniqueLocal'
  | 'carrierGradeNat'
  | 'linkLocal'
  | 'multicast'
  | 'broadcast'
  | 'unspecified'
  | 'reserved'
  | 'translation'
  | 'cloudMetadata'
  | 'invalid';

/** The classes OUTBOUND_ALLOW_PRIVATE_NETWORKS opens; every other class but `public` stays refused. */
export const PRIVATE_NETWORK_CLASSES: ReadonlySet<AddressClass> = new Set<AddressClass>([
  'loopback',
  'private',
  'uniqueLocal',
  'carrierGradeNat',
]);

/** How a refusal names each class. */
export const ADDRESS_CLASS_NAMES: Record<AddressClass, string> = {
  public: 'a public address',
  loopback: 'a loopback address',
  private: 'a private network address',
  uniqueLocal: 'a unique-local IPv6 address',
  carrierGradeNat: 'a carrier-grade NAT address',
  linkLocal: 'a link-local address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  unspecified: 'the unspecified address',
  reserved: 'a reserved address',
  translation: 'an IPv4-in-IPv6 translation address',
  cloudMetadata: 'a cloud metadata endpoint',
  invalid: 'not an IP address',
};

// Instance metadata and host endpoints of the clouds (AWS, ECS, EKS, Alibaba, Azure); some are
// not link-local, and none may be reached even where private networks are allowed.
const CLOUD_METADATA = new Set(
  [
    '169.254.169.254',
    '169.254.170.2',
    '169.254.170.23',
    'fd00:ec2::254',
    'fd00:ec2::23',
    '100.100.100.200',
    '168.63.129.16',
  ].map((address) => ipaddr.parse(address).toNormalizedString()),
);

// Special-purpose blocks ipaddr.js 1.x calls unicast (IANA special-purpose registries).
const MORE_RESERVED_V4 = { reserved: [ipaddr.IPv4.parseCIDR('198.18.0.0/15')] };
const MORE_RESERVED_V6 = {
  reserved: ['::/96', 'fec0::/10', '100::/64', '2001::/23'].map((cidr) => ipaddr.IPv6.parseCIDR(cidr)),
};

const TRANSLATION_RANGES = new Set(['rfc6145', 'rfc6052', '6to4', 'teredo', 'ipv4Mapped']);

/**
 * Classifies an IP address (v4, v6, IPv4-mapped v6 as its IPv4 address) with ipaddr.js; anything
 * that is not plainly public gets the class that says why.
 */
export function classifyAddress(address: string): AddressClass {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.process(address);
  } catch {
    return 'invalid';
  }
  if (CLOUD_METADATA.has(parsed.toNormalizedString())) return 'cloudMetadata';
  const range: string = parsed.range();
  if (range !== 'unicast') return TRANSLATION_RANGES.has(range) ? 'translation' : (range as AddressClass);
  const more =
    parsed.kind() === 'ipv4'
      ? ipaddr.subnetMatch(parsed as ipaddr.IPv4, MORE_RESERVED_V4, 'public')
      : ipaddr.subnetMatch(parsed as ipaddr.IPv6, MORE_RESERVED_V6, 'public');
  return more as AddressClass;
}
