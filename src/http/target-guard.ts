import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { FaultlineError } from '../errors/faultline-error.ts';
import { type AddressClass, classifyAddress } from './address-class.ts';

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
  /** Whether a redirect to `url` may be passed on to the client. */
  allowsRedirect(url: URL): boolean;
  /** A `lookup` for net.connect that refuses names resolving to forbidden addresses. */
  readonly lookup: LookupFunction;
}

export class TargetRefusedError extends FaultlineError {
  override readonly name = 'TargetRefusedError';
  constructor(message: string) {
    super('TARGET_REFUSED', message);
  }
}

export function createTargetGuard(targets: readonly string[], allow: readonly string[]): TargetGuard {
  const explicit = new Set(allow.map(normaliseHost));
  const allowed = new Set([...targets.map(normaliseHost), ...explicit]);

  const refusal = (host: string, address: string): string | undefined => {
    const kind = classifyAddress(address);
    if (NEVER.has(kind)) return `${host} is a ${kind} address (${address}), which faultline never proxies to`;
    if (kind === 'private' && !explicit.has(host)) {
      return `${host} is a private address (${address}); name it with --allow ${host} if you mean to reach it`;
    }
    return undefined;
  };

  const check = (url: URL): string | undefined => {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return `${url.protocol} URLs cannot be proxied`;
    const host = normaliseHost(url.hostname);
    if (!allowed.has(host)) return `${host} is not an allowed target; add it with --allow ${host}`;
    return isIP(host) ? refusal(host, host) : undefined;
  };

  const lookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
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
    allowsRedirect: (url) => check(url) === undefined,
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
