/**
 * The package an import or require could not find ("Cannot find package 'msw' imported from …"),
 * when that is why it failed: faultline's optional peers (msw, nock, vitest, fast-check) are the
 * user's to install, and the error then names the one to add.
 */
export function missingPackage(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return undefined;
  const match = /Cannot find (?:package|module) '((?:@[^/']+\/)?[^/'.][^/']*)/.exec(String(message));
  return match?.[1];
}

/** The one line that says what to install. */
export function installHint(what: string, pkg: string): string {
  return `${what} needs the ${pkg} package, which is not installed: npm install --save-dev ${pkg}`;
}
