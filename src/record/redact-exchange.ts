import { isSensitiveKey, REDACTED, redact } from '../logging/redact.ts';
import type { HarHeader } from './har.ts';

/** Headers as a recording keeps them: credential headers blanked, every other value scrubbed of known secrets. */
export function redactHeaders(headers: readonly HarHeader[]): HarHeader[] {
  return headers.map(({ name, value }) => ({ name, value: isSensitiveKey(name) ? REDACTED : redact(value) }));
}

/** A URL without credentials: user:password dropped, token-like query parameters blanked. */
export function redactUrl(url: URL): URL {
  const out = new URL(url.href);
  if (out.username || out.password) {
    out.username = '';
    out.password = '';
  }
  for (const name of [...out.searchParams.keys()]) {
    if (isSensitiveKey(name) || /^(key|sig|signature|auth)$/i.test(name))
      out.searchParams.set(name, REDACTED);
    else out.searchParams.set(name, redact(out.searchParams.get(name) ?? ''));
  }
  return out;
}
