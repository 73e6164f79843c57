import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fault } from '../../src/faults/schema.ts';
import { classifyAddress, isLoopbackHost } from '../../src/http/address-class.ts';
import { type RunningProxy, startProxy } from '../../src/http/proxy.ts';
import { createTargetGuard, TargetRefusedError } from '../../src/http/target-guard.ts';
import { nodeRequest } from './support/clients.ts';
import { startUpstream, type Upstream } from './support/upstream.ts';

describe('a response with more than one Location header never reaches the client', () => {
  let upstream: Upstream;
  let proxy: RunningProxy;
  beforeAll(async () => {
    upstream = await startUpstream((req, res) => {
      const status = req.url?.startsWith('/created') ? 201 : 302;
      const locations = req.url?.endsWith('/same')
        ? ['/ok', '/ok']
        : ['http://169.254.169.254/latest/meta-data/', '/ok'];
      // node writes an array as one header line per value: the duplicated header on the wire.
      res.setHeader('location', locations);
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end('moved');
    });
    proxy = await startProxy({ target: upstream.url, seed: 1 });
  });
  afterAll(async () => {
    await proxy.close();
    await upstream.close();
  });

  const refusedWith = async (path: string) => {
    const outcome = await nodeRequest(`${proxy.url}${path}`);
    if (!outcome.ok) throw new Error(outcome.code);
    expect(outcome.headers.location).toBeUndefined();
    return [outcome.status, JSON.parse(outcome.body.toString()).error];
  };
  const refusal = { code: 'REDIRECT_REFUSED', message: expect.stringMatching(/carries 2 Location headers/) };

  it('answers 502 to a redirect with two Locations, one of them the metadata address', async () => {
    expect(await refusedWith('/redirect')).toEqual([502, refusal]);
  });

  it('answers 502 even when both Locations are the same harmless path, and on a non-redirect status', async () => {
    expect(await refusedWith('/redirect/same')).toEqual([502, refusal]);
    expect(await refusedWith('/created')).toEqual([502, refusal]);
  });

  it('refuses it on the buffered path too (a fault that needs the whole upstream body)', async () => {
    const slowBody: Fault = { kind: 'malformed', rate: 1, mode: 'empty' };
    proxy.faults.setFaults([slowBody]);
    try {
      expect(await refusedWith('/redirect')).toEqual([502, refusal]);
    } finally {
      proxy.faults.setFaults([]);
    }
  });
});

/** The metadata address 169.254.169.254 (a9fe:a9fe) inside each IPv6 form that carries an IPv4 address. */
const METADATA_INSIDE = {
  'NAT64 64:ff9b::/96': '64:ff9b::a9fe:a9fe',
  'NAT64 local use 64:ff9b:1::/48': '64:ff9b:1::a9fe:a9fe',
  'IPv4-compatible ::/96': '::a9fe:a9fe',
  'IPv4-mapped ::ffff:0:0/96': '::ffff:169.254.169.254',
  'IPv4-translated ::ffff:0:0:0/96': '::ffff:0:a9fe:a9fe',
  '6to4 2002::/16': '2002:a9fe:a9fe::1',
  // The client address of a Teredo address is stored inverted: 5601:5601 is a9fe:a9fe XOR ffff:ffff.
  'Teredo 2001::/32 (client, obfuscated)': '2001:0:4136:e378:8000:63bf:5601:5601',
  'Teredo 2001::/32 (server)': '2001:0:a9fe:a9fe:8000:63bf:3fff:fdd2',
};

describe('IPv6 forms embedding an IPv4 address are judged by the address inside', () => {
  it.each(Object.entries(METADATA_INSIDE))(
    '--target in %s (%s) is refused as the metadata address',
    async (_form, ip) => {
      const attempt = startProxy({ target: `http://[${ip}]:8080/`, allow: [ip] });
      await expect(attempt).rejects.toBeInstanceOf(TargetRefusedError);
      await expect(attempt).rejects.toThrow(
        /is a metadata address \(.*which carries the IPv4 address 169\.254\.169\.254\), which faultline never proxies to/,
      );
    },
  );

  it('a private IPv4 address inside needs --allow, as the plain one does', () => {
    const guard = createTargetGuard(['[64:ff9b::a00:1]', '[2002:c0a8:101::1]'], []);
    expect(() => guard.checkUrl(new URL('http://[64:ff9b::a00:1]/'))).toThrow(
      /private address .*10\.0\.0\.1\); name it with --allow/,
    );
    expect(() => guard.checkUrl(new URL('http://[2002:c0a8:101::1]/'))).toThrow(/192\.168\.1\.1/);
    const allowed = createTargetGuard([], ['64:ff9b::a00:1']);
    expect(() => allowed.checkUrl(new URL('http://[64:ff9b::a00:1]/'))).not.toThrow();
  });

  it('a public IPv4 address inside stays public, and :: and ::1 keep their own meaning', () => {
    expect(classifyAddress('64:ff9b::808:808')).toBe('public');
    expect(classifyAddress('2002:808:808::1')).toBe('public');
    expect(classifyAddress('2001:0:4136:e378:8000:63bf:3fff:fdd2')).toBe('public');
    expect(classifyAddress('2606:4700:4700::1111')).toBe('public');
    expect(classifyAddress('::')).toBe('unspecified');
    expect(classifyAddress('::1')).toBe('loopback');
    expect(isLoopbackHost('[::ffff:127.0.0.1]')).toBe(true);
    expect(classifyAddress('::ffff:7f00:1')).toBe('loopback');
    // 127.0.0.1 behind a NAT64 translator or a 6to4 relay is another machine's loopback: internal.
    expect(classifyAddress('64:ff9b::7f00:1')).toBe('private');
    expect(isLoopbackHost('[2002:7f00:1::1]')).toBe(false);
    expect(classifyAddress('::ffff:e000:1')).toBe('multicast');
    expect(classifyAddress('fd00:ec2:0:0::254')).toBe('metadata');
  });

  it('a host name whose DNS answer is such a form is refused on connect', async () => {
    const guard = createTargetGuard(['innocent.example'], [], (_host, _family, callback) =>
      callback(null, [{ address: '64:ff9b::a9fe:a9fe', family: 6 }]),
    );
    const error = await new Promise<Error | null>((resolve) => guard.lookup('innocent.example', {}, resolve));
    expect(error).toBeInstanceOf(TargetRefusedError);
    expect(error?.message).toMatch(
      /metadata address \(64:ff9b::a9fe:a9fe, which carries the IPv4 address 169\.254\.169\.254\)/,
    );
  });

  it('a redirect to such a form is refused', () => {
    const guard = createTargetGuard(['127.0.0.1'], []);
    expect(guard.redirectRefusal(new URL('http://[::a9fe:a9fe]/latest/meta-data/'))).toMatch(
      /metadata address/,
    );
  });
});
