import { BlockList, isIP } from 'node:net';

/** What an IP address is, for deciding whether faultline may send traffic to it. */
export type AddressClass =
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'metadata'
  | 'unspecified'
  | 'multicast'
  | 'public';

/** Cloud metadata endpoints: reaching them from a proxy is the classic SSRF credential theft. */
const METADATA_ADDRESSES = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200', '169.254.170.2']);

function blockList(v4: readonly [string, number][], v6: readonly [string, number][]): BlockList {
  const list = new BlockList();
  for (const [net, prefix] of v4) list.addSubnet(net, prefix, 'ipv4');
  for (const [net, prefix] of v6) list.addSubnet(net, prefix, 'ipv6');
  return list;
}

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
  [['fc00::', 7]],
);
const UNSPECIFIED = blockList([['0.0.0.0', 8]], [['::', 128]]);
const MULTICAST = blockList(
  [
    ['224.0.0.0', 4],
    ['240.0.0.0', 4],
  ],
  [['ff00::', 8]],
);

/** Classifies an IP literal (v4, v6, or v4-mapped v6); throws on something that is not an IP. */
export function classifyAddress(address: string): AddressClass {
  const bare = address.replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1];
  const ip = mapped ?? bare;
  const family = isIP(ip);
  if (family === 0) throw new Error(`not an IP address: ${address}`);
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (METADATA_ADDRESSES.has(ip.toLowerCase())) return 'metadata';
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
