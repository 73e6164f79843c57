import { knownSecrets } from './secrets.ts';

export const REDACTED = '[REDACTED]';

/** Header and field names whose values are credentials, compared without case, `-` or `_`. */
const SENSITIVE_KEYS = new Set(
  [
    'authorization',
    'proxy-authorization',
    'cookie',
    'set-cookie',
    'x-api-key',
    'api-key',
    'apikey',
    'api_key',
    'x-auth-token',
    'token',
    'access_token',
    'refresh_token',
    'id_token',
    'secret',
    'client_secret',
    'password',
    'passwd',
  ].map(normaliseKey),
);

/** Query parameters that carry credentials in URLs. */
const TOKEN_PARAMS =
  'token|access_token|refresh_token|id_token|api_key|apikey|api-key|key|secret|password|sig|signature|auth';

const TEXT_PATTERNS: readonly [RegExp, string][] = [
  // ?token=abc&api_key=... in URLs and log text.
  [new RegExp(`([?&;](?:${TOKEN_PARAMS})=)[^&#\\s"'<>]+`, 'gi'), `$1${REDACTED}`],
  // Authorization schemes wherever they are written out.
  [/\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{4,}/g, `$1 ${REDACTED}`],
  // "authorization: xyz", "x-api-key=xyz", "apiKey": "xyz" in headers dumps, JSON and messages.
  [
    /(["']?(?:proxy-)?(?:authorization|cookie|set-cookie|x-api-key|api[-_]?key|x-auth-token|client[-_]?secret|password)["']?\s*[:=]\s*["']?)(?!\[REDACTED\]|Bearer |Basic |Token )[^"'\s,;}&]+/gi,
    `$1${REDACTED}`,
  ],
  // user:password@host in URLs.
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:)[^@\s/]+@/gi, `$1${REDACTED}@`],
];

function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '');
}

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEYS.has(normaliseKey(key));
}

/** Removes credentials from free text: error messages, report strings, URLs, header dumps. */
export function redact(text: string): string {
  let out = text;
  for (const [secret, shownAs] of knownSecrets()) {
    if (out.includes(secret)) out = out.split(secret).join(shownAs ?? REDACTED);
  }
  for (const [pattern, replacement] of TEXT_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

const MAX_DEPTH = 10;

/**
 * A copy of `value` with credential fields replaced and every string passed through `redact`.
 * Errors become plain objects (type, message, code, stack) so their text is scrubbed too.
 */
export function redactValue(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redact(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen));
  const source = value instanceof Error ? errorFields(value) : (value as Record<string, unknown>);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(source)) {
    out[key] = isSensitiveKey(key) && item !== undefined ? REDACTED : redactValue(item, depth + 1, seen);
  }
  return out;
}

function errorFields(error: Error): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...(error as unknown as Record<string, unknown>) };
  fields.type = error.name;
  fields.message = error.message;
  if (error.stack) fields.stack = error.stack;
  if (error.cause !== undefined) fields.cause = error.cause;
  return fields;
}
