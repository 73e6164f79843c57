import { readFileSync } from 'node:fs';

/** faultline's own version, read once from package.json for results and --version. */
export const FAULTLINE_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
