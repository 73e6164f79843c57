import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where the browser tests find Chromium, and whether they may skip without it. */
export interface ChromiumLookup {
  readonly path: string | undefined;
  /** Under CI=true a missing Chromium fails the run instead of skipping the browser tests. */
  readonly required: boolean;
  readonly notice: string;
}

const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** $FAULTLINE_CHROMIUM when set, else the first Chromium or Chrome on PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  const required = env.CI === 'true';
  const notice =
    'browser tests skipped: no Chromium on PATH; install it (apt-get install chromium) or set FAULTLINE_CHROMIUM=/path/to/chromium';
  const configured = env.FAULTLINE_CHROMIUM;
  if (configured) return { path: configured, required, notice };
  const folders = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of NAMES) {
    for (const folder of folders) {
      const file = join(folder, name);
      if (executable(file)) return { path: file, required, notice };
    }
  }
  if (!required) process.stderr.write(`faultline tests: ${notice}\n`);
  return { path: undefined, required, notice };
}
