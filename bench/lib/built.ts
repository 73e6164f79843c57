import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FaultlineError } from '../../src/errors/faultline-error.ts';
import { PACKAGE_ROOT } from '../../src/util/package-root.ts';

const BUILT = join(PACKAGE_ROOT, 'dist/src');

/**
 * A module of the built package (dist/src/<path>.js), as users run it. Benches that time faultline's own
 * code load it from here rather than from the sources: tsx's transform of the sources wraps every
 * function it creates in a naming helper (17% of a simulation's profile), a cost no user pays. Type it
 * with the source module: `importBuilt<typeof import('../src/x.ts')>('x')`.
 */
export async function importBuilt<T>(path: string): Promise<T> {
  const file = join(BUILT, `${path}.js`);
  if (!existsSync(file)) {
    throw new FaultlineError(
      'BENCH_USAGE',
      `This bench times the built package: run npm run build first (${file} is missing).`,
    );
  }
  return (await import(pathToFileURL(file).href)) as T;
}
