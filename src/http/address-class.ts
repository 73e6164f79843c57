import { BlockList, isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** What an IP address is, for deciding whether faultline may send traffic to it. */
export type AddressClass =
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'metadata'
  | 'unspecified'
  | 'multicast'
  | 'public';

function blockList(v4: readonly [string, number][], v6: readonly [string, number][]): BlockList {
  const list = new BlockList();
  for (const [net, prefix] of v4) list.addSubnet(net, prefix, 'ipv4');
  for (const [net, prefix] of v6) list.addSubnet(net, prefix, 'ipv6');
  return list;
}

/** Cloud metadata endpoints: reaching them from a proxy is the classic SSRF credential theft. */
const METADATA = blockList(
  [
    ['169.254.169.254', 32],
    ['100.100.100.200', 32],
    ['169.254.170.2', 32],
  ],
  [['fd00:ec2::254', 128]],
);
const LOOPBACK = blockList([['127.0.0.0', 8]], [['::1', 128]]);
const LINK_LOCAL = blockList([['169.254.0.0', 16]], [['fe80::', 10]]);
const PRIVATE = blockList(
  [
    ['10.0.0.0', 8],
    ['172.16.0.0', 12],
    ['192.168.0.0', 16],
    ['100.64.0.0', 10],
    ['198.18.0.0', 15],
  ],
  // 64:ff9b:1::/48 is NAT64 for an operator's own use (RFC 8215): an internal translator at best.
  [
    ['fc00::', 7],
    ['64:ff9b:1::', 48],
  ],
);
const UNSPECIFIED = blockList([['0.0.0.0', 8]], [['::', 128]]);
const MULTICAST = blockList(
  [
    ['224.0.0.0', 4],
    ['240.0.0.0', 4],
  ],
  [['ff00::', 8]],
);

/** When one address is several things at once (an IPv6 form embedding IPv4), the strictest class wins. */
const STRICTNESS: readonly AddressClass[] = [
  'metadata',
  'link-local',
  'unspecified',
  'multicast',
  'private',
  'loopback',
  'public',
];

/**
 * IPv6 forms that carry an IPv4 address, and where: a packet to one of them may reach that IPv4 host
 * (through a translator, a tunnel or a dual stack), so it is classed as that host too.
 */
const v6 = (text: string, bits: number): [ipaddr.IPv6, number] => [ipaddr.IPv6.parse(text), bits];
const EMBEDDING_FORMS = {
  /** IPv4-mapped ::ffff:a.b.c.d (RFC 4291): this machine's own dual stack speaks IPv4 to a.b.c.d. */
  mapped: [v6('::ffff:0:0', 96)],
  /**
   * Also in the last 32 bits, but reached through another machine: IPv4-translated ::ffff:0:a.b.c.d
   * (RFC 6145), NAT64 64:ff9b::/96 (RFC 6052) and its local-use /48 in the /96 layout (RFC 8215), and the
   * deprecated IPv4-compatible ::a.b.c.d.
   */
  last32: [v6('::ffff:0:0:0', 96), v6('64:ff9b::', 96), v6('64:ff9b:1::', 48), v6('::', 96)],
  /** 6to4 (RFC 3056): 2002:AABB:CCDD::/48 routes to the relay at AA.BB.CC.DD. */
  sixToFour: [v6('2002::', 16)],
  /** Teredo (RFC 4380): the server's IPv4 in bits 32–63, the client's in the last 32 bits, inverted. */
  teredo: [v6('2001::', 32)],
};

/** An address's class, and the IPv4 address inside it that decided the class, if one did. */
export interface AddressVerdict {
  readonly kind: AddressClass;
  /** Set when the address is an IPv6 form carrying this IPv4 address, and the class is that address's. */
  readonly via?: string;
}

/** Classifies an IP literal (v4 or v6, brackets allowed); throws on something that is not an IP. */
export function classifyAddress(address: string): AddressClass {
  return judgeAddress(address).kind;
}

/** Like classifyAddress, also naming the embedded IPv4 address that decided, for error messages. */
export function judgeAddress(address: string): AddressVerdict {
  const ip = address.replace(/^\[|\]$/g, '');
  const family = isIP(ip);
  if (family === 0) throw new Error(`not an IP address: ${address}`);
  if (family === 4) return { kind: classifyPlain(ip, 'ipv4') };
  const parsed = ipaddr.IPv6.parse(ip);
  // Rebuilt from its parts to leave a zone id (fe80::1%eth0) out: it names an interface, not an address.
  const bare = new ipaddr.IPv6(parsed.parts).toRFC5952String();
  // Embedded addresses first: on a tie (node's BlockList also matches IPv4 rules on ::ffff:a.b.c.d) the
  // message names the IPv4 address that decided.
  const verdicts: AddressVerdict[] = [
    ...embeddedIPv4(parsed).map(({ address: v4, local }) => {
      const kind = classifyPlain(v4, 'ipv4');
      // 127.0.0.1 behind a translator or tunnel is that machine's loopback, not ours: an internal host.
      return { kind: kind === 'loopback' && !local ? ('private' as const) : kind, via: v4 };
    }),
    { kind: classifyPlain(bare, 'ipv6') },
  ];
  const strictest = (rank: AddressClass) => verdicts.find((verdict) => verdict.kind === rank);
  return STRICTNESS.map(strictest).find((verdict) => verdict !== undefined) ?? { kind: 'public' };
}

/** An IPv4 address inside an IPv6 one; `local` when this machine's own stack reaches it (IPv4-mapped). */
interface EmbeddedIPv4 {
  readonly address: string;
  readonly local: boolean;
}

/** The IPv4 addresses an IPv6 address carries (none for an ordinary one). */
function embeddedIPv4(address: ipaddr.IPv6): EmbeddedIPv4[] {
  const p = address.parts;
  const word = (i: number) => p[i] ?? 0;
  const quad = (hi: number, lo: number, local = false) => ({
    address: `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`,
    local,
  });
  switch (ipaddr.subnetMatch(address, EMBEDDING_FORMS, 'none')) {
    case 'mapped':
      return [quad(word(6), word(7), true)];
    case 'last32':
      // :: and ::1 sit in the IPv4-compatible ::/96 too, but are the unspecified and loopback addresses.
      if (p.slice(0, 7).every((part) => part === 0) && word(7) <= 1) return [];
      return [quad(word(6), word(7))];
    case 'sixToFour':
      return [quad(word(1), word(2))];
    case 'teredo':
      return [quad(word(2), word(3)), quad(word(6) ^ 0xffff, word(7) ^ 0xffff)];
    default:
      return [];
  }
}

function classifyPlain(ip: string, type: 'ipv4' | 'ipv6'): AddressClass {
  if (METADATA.check(ip, type)) return 'metadata';
  if (LOOPBACK.check(ip, type)) return 'loopback';
  if (LINK_LOCAL.check(ip, type)) return 'link-local';
  if (UNSPECIFIED.check(ip, type)) return 'unspecified';
  if (MULTICAST.check(ip, type)) return 'multicast';
  if (PRIVATE.check(ip, type)) return 'private';
  return 'public';
}

/** Host names that stay on this machine whatever DNS says. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return isIP(host) !== 0 && classifyAddress(host) === 'loopback';
}
