/**
 * Secret values faultline itself read (API keys taken from the environment). Redaction replaces them
 * wherever they show up, even in text no pattern would recognise. Process-wide on purpose: a key read by
 * a plugin must be scrubbed from an error the CLI prints later. `clearSecrets` resets it for tests.
 */
const secrets = new Map<string, string | undefined>();

/** Values shorter than this are not registered: replacing "1" everywhere would mangle every report. */
const MIN_SECRET_LENGTH = 6;

/** `shownAs` replaces the value in output (`${env:NAME}` for a value read through an env reference). */
export function registerSecret(value: string | undefined, shownAs?: string): void {
  if (value && value.length >= MIN_SECRET_LENGTH) secrets.set(value, shownAs ?? secrets.get(value));
}

/** Each secret and what output shows instead (undefined: the redaction marker). */
export function knownSecrets(): ReadonlyMap<string, string | undefined> {
  return secrets;
}

export function clearSecrets(): void {
  secrets.clear();
}
