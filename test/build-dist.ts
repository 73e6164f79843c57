import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * vitest's global setup: builds dist/ (incremental, a second or two when
 * nothing changed), so the CLI the tests start is the built one a user runs, and never stale.
 */
export default function buildDist(): void {
  const repo = resolve(import.meta.dirname, '..');
  execFileSync(
    process.execPath,
    [resolve(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: repo,
      stdio: 'inherit',
    },
  );
}
