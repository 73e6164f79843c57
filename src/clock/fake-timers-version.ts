import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { FaultlineError } from '../errors/faultline-error.ts';
import { PACKAGE_ROOT } from '../util/package-root.ts';

const FAKE_TIMERS = '@sinonjs/fake-timers';

/**
 * Why the installed fake-timers cannot drive the virtual clock, or undefined when it can. The clock
 * relies on how fake-timers fakes `Date` and `performance`, which may change in any minor release, so
 * the range is a tilde range (`~15.5.0`: 15.5.x) and the installed version must share its major.minor.
 */
export function fakeTimersProblem(installed: string, range: string): string | undefined {
  const wanted = /^~(\d+)\.(\d+)\.\d+$/.exec(range);
  if (!wanted)
    return `faultline's package.json pins ${FAKE_TIMERS} as "${range}", not as a ~major.minor.patch range`;
  const [, major, minor] = wanted;
  const found = /^(\d+)\.(\d+)\.\d+/.exec(installed);
  if (found && found[1] === major && found[2] === minor) return undefined;
  return `${FAKE_TIMERS} ${installed} is installed, but the virtual clock is built for ${range} (${major}.${minor}.x); reinstall faultline's dependencies (npm ci) or install ${FAKE_TIMERS}@${range}`;
}

let checked = false;

/** Checks once per thread, at the first virtual clock, that the fake-timers installed is the one pinned. */
export function checkFakeTimersVersion(): void {
  if (checked) return;
  const require = createRequire(import.meta.url);
  const installed = (require(`${FAKE_TIMERS}/package.json`) as { version: string }).version;
  const manifest = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const problem = fakeTimersProblem(installed, manifest.dependencies?.[FAKE_TIMERS] ?? '(missing)');
  if (problem) throw new FaultlineError('FAKE_TIMERS_VERSION', problem);
  checked = true;
}
