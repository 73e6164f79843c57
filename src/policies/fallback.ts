import type { BackendRequest } from '../backend/contract.ts';
import { errorCode } from '../errors/call-errors.ts';
import { FaultlineError } from '../errors/faultline-error.ts';
import { INERT_SIGNAL } from './inert-signal.ts';
import { failed, type Recover } from './outcome.ts';
import type { FallbackConfig } from './schema.ts';
import type { Outcome, StackDeps } from './stack.ts';

/**
 * What a failed request falls back to: a fixed value, or one call to a secondary backend. Runs at most
 * once per request. The outcome keeps the code of the failure that triggered it; when the secondary
 * fails too, the request fails with the secondary's code.
 */
export function createFallback(config: FallbackConfig, deps: StackDeps): Recover {
  const alternative = alternativeOf(config, deps);
  return async (request, error) => {
    const code = errorCode(error);
    deps.events.emit({ type: 'fallback', code });
    try {
      const fellBack: Outcome = { kind: 'fell-back', value: await alternative(request), code };
      return fellBack;
    } catch (secondaryError) {
      return failed(secondaryError);
    }
  };
}

function alternativeOf(
  config: FallbackConfig,
  deps: StackDeps,
): (request: BackendRequest) => Promise<unknown> {
  if (!('backend' in config)) {
    const { value } = config;
    return async () => value;
  }
  if (!deps.attemptOn) {
    throw new FaultlineError(
      'FALLBACK_BACKEND_UNAVAILABLE',
      `fallback.backend "${config.backend}" names a secondary backend, but this stack was built without access to other backends. Use fallback.value, or run it through the scenario runner.`,
    );
  }
  // Nothing cancels the secondary call: the primary's signal may already be aborted by its timeout.
  const secondary = deps.attemptOn(config.backend);
  return (request) => secondary(request, INERT_SIGNAL);
}
