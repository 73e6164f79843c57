import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { FaultlineError } from '../errors/faultline-error.ts';
import { type AddressClass, judgeAddress } from './address-class.ts';

/** Addresses no allowlist entry can open: the cloud metadata service and its neighbours. */
const NEVER: ReadonlySet<AddressClass> = new Set(['metadata', 'link-local', 'unspecified', 'multicast']);

/**
 * Where the proxy may send traffic: the hosts named by `--target` and `--allow`. Private addresses are
 * refused unless their host is named in `--allow` itself (naming a target is not enough: a DNS name can be
 * pointed at an internal service); metadata and link-local addresses are refused always, also when a
 * name only resolves to one, which the guarded lookup checks on every connection.
 */
export interface TargetGuard {
  /** Throws a one-line error when `url` is not a host faultline may talk to. */
  checkUrl(url: URL): void;
  /** Why a redirect to `url` must not be passed on to the client, or undefined when it may. */
  redirectRefusal(url: URL): string | undefined;
  /** A `lookup` for net.connect that refuses names resolving to forbidden addresses. */
  readonly lookup: LookupFunction;
}

export class TargetRefusedError extends FaultlineError {
  override readonly name = 'TargetRefusedError';
  constructor(message: string) {
    super('TARGET_REFUSED', message);
  }
}

/** Resolves a host name to all its addresses (node's dns.lookup by default; tests pass their own). */
export type Resolver = (
  hostname: string,
  family: number | undefined,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const systemResolver: Resolver = (hostname, family, callback) =>
  dnsLookup(hostname, { all: true, family: family ?? 0 }, callback);

export function createTargetGuard(
  targets: readonly string[],
  allow: readonly string[],
  resolve: Resolver = systemResolver,
): TargetGuard {
  const explicit = new Set(allow.map(normaliseHost));
  const allowed = new Set([...targets.map(normaliseHost), ...explicit]);

  const refusal = (host: string, address: string): string | undefined => {
    const { kind, via } = judgeAddress(address);
    const shown = via ? `${address}, which carries the IPv4 address ${via}` : address;
    if (NEVER.has(kind)) return `${host} is a ${kind} address (${shown}), which faultline never proxies to`;
    if (kind === 'private' && !explicit.has(host)) {
      return `${host} is a private address (${shown}); name it with --allow ${host} if you mean to reach it`;
    }
    return undefined;
  };

  const check = (url: URL): string | undefined => {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return `${url.protocol} URLs cannot be proxied`;
    const host = normaliseHost(url.hostname);
    // The address class first: "metadata address" says more than "not on the allowlist".
    const problem = isIP(host) ? refusal(host, host) : undefined;
    if (problem) return problem;
    return allowed.has(host) ? undefined : `${host} is not an allowed target; add it with --allow ${host}`;
  };

  const lookup: LookupFunction = (hostname, options, callback) => {
    const family = typeof options.family === 'number' ? options.family : undefined;
    resolve(hostname, family, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const host = normaliseHost(hostname);
      for (const { address } of addresses) {
        const problem = refusal(host, address);
        if (problem) return callback(new TargetRefusedError(`Refused to connect: ${problem}.`), '', 0);
      }
      const first = addresses[0];
      if (!first)
        return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      if (options.all)
        return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
      callback(null, first.address, first.family);
    });
  };

  return {
    checkUrl(url) {
      const problem = check(url);
      if (problem) throw new TargetRefusedError(`Refused target ${url.origin}: ${problem}.`);
    },
    redirectRefusal: check,
    lookup,
  };
}

/** Hosts compare without case, brackets or a trailing dot, so `EXAMPLE.com.` and `example.com` are one. */
function normaliseHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
}
