import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type nock from 'nock';
import { FaultlineError } from '../../errors/faultline-error.ts';
import { installHint, missingPackage } from '../../util/missing-package.ts';

export type Nock = typeof nock;

const require = createRequire(import.meta.url);
let loaded: Nock | undefined;

/** True when nock is in this process and intercepting; never loads nock to find out. */
export function isNockActive(): boolean {
  if (loaded) return loaded.isActive();
  const path = resolveNock(false);
  if (path === undefined) return false;
  return path in require.cache && (require(path) as Nock).isActive();
}

/**
 * nock, loaded on first use. nock activates itself the moment it is loaded, so a faultline that only
 * imported it would already intercept every request: it is switched off again at once (unless the test
 * had loaded it earlier for its own use) and only `installNockInterception` turns it on.
 */
export function loadNock(): Nock {
  if (loaded) return loaded;
  const path = resolveNock(true) as string;
  const loadedByTest = path in require.cache;
  const module = require(path) as Nock;
  if (!loadedByTest) module.restore();
  followGlobalTimers(path);
  loaded = module;
  return module;
}

/**
 * Makes nock's zero-delay timers immediates while a virtual clock drives the exchanges, so a reply takes
 * no simulated time, as it does through msw and in process (else nock's `setTimeout(0)` before each reply
 * would add 1 virtual ms, since fake timers turn a 0 ms timer set while timers fire into 1 ms).
 */
export function setNockVirtualTime(on: boolean): void {
  zeroDelayAsImmediate = on;
}

let zeroDelayAsImmediate = false;

/**
 * nock delays every reply by `setTimeout(0)`: about 1 ms of real time per reply, which caps a sequential
 * client near 1000 req/s. It calls the `timers.setTimeout` it captured when loaded: captured under a
 * virtual clock that would be a fake outliving its clock, captured before one a real timer virtual time
 * cannot see. Calling the globals at each use makes nock follow whatever clock is installed.
 */
function followGlobalTimers(nockEntry: string): void {
  const common = require(join(dirname(nockEntry), 'lib', 'common.js')) as { setTimeout: unknown };
  common.setTimeout = (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) =>
    zeroDelayAsImmediate && !ms
      ? globalThis.setImmediate(callback, ...args)
      : globalThis.setTimeout(callback, ms, ...args);
}

/** nock's entry file; when nock is not installed, undefined, or (`required`) the line saying to install it. */
function resolveNock(required: boolean): string | undefined {
  try {
    return require.resolve('nock');
  } catch (error) {
    if (!missingPackage(error)) throw error;
    if (!required) return undefined;
    throw new FaultlineError('PEER_MISSING', installHint('Interception through nock', 'nock'), 2, {
      cause: error,
    });
  }
}
