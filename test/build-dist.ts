import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
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
  // tsc copies no assets: the .proto files are read at run time beside the built modules (as in npm run build).
  cpSync(resolve(repo, 'src'), resolve(repo, 'dist/src'), {
    recursive: true,
    filter: (file) => !/\.\w+$/.test(file) || file.endsWith('.proto'),
  });
}
