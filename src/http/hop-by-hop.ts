import type { IncomingHttpHeaders, OutgoingHttpHeader, OutgoingHttpHeaders } from 'node:http';

/** Headers about one connection, which a proxy must not forward (RFC 9110 §7.6.1), plus Host, set per hop. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

/** Header names the Connection header lists, which are hop-by-hop too. */
function namedByConnection(connection: string | undefined): readonly string[] {
  return connection ? connection.split(',').map((name) => name.trim().toLowerCase()) : [];
}

/** A copy of `headers` without hop-by-hop ones. */
export function endToEndHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const extra = namedByConnection(headers.connection);
  const out: OutgoingHttpHeaders = {};
  for (const name in headers) {
    if (HOP_BY_HOP.has(name) || (extra.length > 0 && extra.includes(name))) continue;
    const value = headers[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/**
 * The same filter, as the flat [name, value, ...] list `writeHead` takes as it is: node then writes the
 * header block from the list instead of walking a second header object.
 */
export function endToEndHeaderList(headers: IncomingHttpHeaders): OutgoingHttpHeader[] {
  const extra = namedByConnection(headers.connection);
  const out: OutgoingHttpHeader[] = [];
  for (const name in headers) {
    if (HOP_BY_HOP.has(name) || (extra.length > 0 && extra.includes(name))) continue;
    const value = headers[name];
    if (value !== undefined) out.push(name, value);
  }
  return out;
}

/** The same filter over a raw [name, value, ...] list (node's `rawHeaders`), which avoids building an object. */
export function endToEndRawHeaders(raw: readonly string[]): string[] {
  let extra: readonly string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    if ((raw[i] as string).toLowerCase() === 'connection') extra = namedByConnection(raw[i + 1]);
  }
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    if (HOP_BY_HOP.has(name) || (extra.length > 0 && extra.includes(name))) continue;
    out.push(raw[i] as string, raw[i + 1] as string);
  }
  return out;
}
