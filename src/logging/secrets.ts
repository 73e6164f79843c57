/**
 * Secret values faultline itself read (API keys taken from the environment). Redaction replaces them
 * wherever they show up, even in text no pattern would recognise. Process-wide on purpose: a key read by
 * a plugin must be scrubbed from an error the CLI prints later. `clearSecrets` resets it for tests.
 */
const secrets = new Set<string>();

/** Values shorter than this are not registered: replacing "1" everywhere would mangle every report. */
const MIN_SECRET_LENGTH = 6;

export function registerSecret(value: string | undefined): void {
  if (value && value.length >= MIN_SECRET_LENGTH) secrets.add(value);
}

export function knownSecrets(): ReadonlySet<string> {
  return secrets;
}

export function clearSecrets(): void {
  secrets.clear();
}
