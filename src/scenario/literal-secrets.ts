import { isSensitiveKey } from '../logging/redact.ts';
import { formatPath, type ScenarioSource } from './yaml-source.ts';

export interface SecretWarning {
  /** `file:line:col at path: …`, never the value itself. */
  readonly message: string;
  readonly path: string;
}

/** Key names that hold credentials, beyond the header names the redactor knows. */
const SECRET_KEY = /(token|secret|passw(or)?d|api[-_]?key|credential|private[-_]?key|auth)/i;
/** Keys that name where a secret lives (an environment variable, a header), not the secret. */
const SECRET_REFERENCE_KEY = /(env|name|header|file|path|url)$/i;
const ENV_REFERENCE = /\$\{env:[A-Za-z_][A-Za-z0-9_]*\}/;

/** Values shaped like well-known credentials, whatever key holds them. */
const SECRET_VALUES: readonly [RegExp, string][] = [
  [/\bsk-[A-Za-z0-9_-]{16,}/, 'an API key (sk-…)'],
  [/\bgh[pousr]_[A-Za-z0-9]{20,}/, 'a GitHub token'],
  [/\bAKIA[0-9A-Z]{16}\b/, 'an AWS access key'],
  [/\bxox[abprs]-[A-Za-z0-9-]{10,}/, 'a Slack token'],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/, 'a JWT'],
  [/\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/, 'a bearer token'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^@\s/]+@/i, 'a password in a URL'],
];

/**
 * Literal values in a scenario that look like secrets: a credential-named key with a literal value,
 * or a value shaped like a known token. Scenarios are committed and shared; secrets belong in the
 * environment, referenced as `${env:NAME}`. Warnings, not errors: a test token may be meant to be public.
 */
export function findLiteralSecrets(source: ScenarioSource): SecretWarning[] {
  const warnings: SecretWarning[] = [];
  const visit = (value: unknown, path: (string | number)[]) => {
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) visit(item, [...path, i]);
      return;
    }
    if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
      return;
    }
    const reason = secretReason(path.at(-1), value);
    if (reason) warnings.push(warning(source, path, reason));
  };
  visit(source.data, []);
  return warnings;
}

function secretReason(key: string | number | undefined, value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value);
  if (text === '' || ENV_REFERENCE.test(text)) return undefined;
  for (const [pattern, what] of SECRET_VALUES) if (pattern.test(text)) return `the value looks like ${what}`;
  if (
    typeof key === 'string' &&
    (isSensitiveKey(key) || SECRET_KEY.test(key)) &&
    !SECRET_REFERENCE_KEY.test(key)
  ) {
    return `"${key}" has a literal value`;
  }
  return undefined;
}

function warning(source: ScenarioSource, path: (string | number)[], reason: string): SecretWarning {
  const at = source.positionOf(path);
  const where = at ? `:${at.line}:${at.column}` : '';
  const field = formatPath(path);
  return {
    path: field,
    message: `${source.file}${where} at ${field}: ${reason}; scenarios are shared, so put the secret in an environment variable and write \${env:NAME} instead`,
  };
}
