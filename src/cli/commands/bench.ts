import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FaultlineError } from '../../errors/faultline-error.ts';
import { PACKAGE_ROOT, RUNNING_FROM_SOURCE } from '../../util/package-root.ts';

/** The harness, in the repository only: the npm package ships neither it nor what it compares with. */
const BENCH_CLI = join(PACKAGE_ROOT, 'bench/cli.ts');

/** One line for `faultline --help`; `faultline bench --help` lists the harness's own options. */
export const BENCH_DESCRIPTION =
  'Run the benchmarks (from a clone of the faultline repository): cached vs uncached, policy overhead, cache hits, simulation speed, start-up, protocols, interception';

/**
 * `faultline bench …`: hands the arguments to the harness in bench/. From the sources it is imported
 * (a TypeScript loader is in place); from the built CLI it runs in a child on the sources, so the
 * harness and the code it measures are one module graph.
 */
export async function runBenchCommand(argv: readonly string[]): Promise<number> {
  if (!existsSync(BENCH_CLI)) {
    throw new FaultlineError(
      'BENCH_NOT_AVAILABLE',
      'faultline bench runs from a clone of the faultline repository (the npm package ships neither the harness nor opossum, p-retry and autocannon it compares with): git clone it, then npm ci && npm run bench.',
    );
  }
  if (RUNNING_FROM_SOURCE) {
    const { benchMain } = (await import(pathToFileURL(BENCH_CLI).href)) as {
      benchMain: (args: readonly string[]) => Promise<number>;
    };
    return benchMain(argv);
  }
  const entry = join(PACKAGE_ROOT, 'src/cli/bin.ts');
  const child = spawn(
    process.execPath,
    ['--conditions=faultline-source', '--import', import.meta.resolve('tsx'), entry, 'bench', ...argv],
    { stdio: 'inherit' },
  );
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => done(code ?? (signal === 'SIGINT' ? 130 : 1)));
  });
}
