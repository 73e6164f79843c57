import {
  BrokenCircuitError,
  type CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  CountBreaker,
  circuitBreaker,
  handleWhen,
  type IBreaker,
  type IDefaultPolicyContext,
  type IPolicy,
  SamplingBreaker,
} from 'cockatiel';
import { pauseStackCapture } from '../errors/stackless.ts';
import { failureFilter } from './classify.ts';
import type { PolicyEvent } from './events.ts';
import { HedgeCancelledError, lostToHedge } from './hedge-cancelled.ts';
import type { BreakerConfig } from './schema.ts';
import type { StackDeps } from './stack.ts';

const HALF_OPENED: PolicyEvent = { type: 'breaker-half-open' };
const CLOSED: PolicyEvent = { type: 'breaker-closed' };
const REJECTED: PolicyEvent = { type: 'breaker-rejected' };

/** cockatiel's breaker reads Date.now(), which the virtual clock fakes, so it runs on simulated time. */
export interface Breaker extends IPolicy<IDefaultPolicyContext> {
  /** The cockatiel breaker underneath, for its `state`. */
  readonly circuit: CircuitBreakerPolicy;
}

/**
 * A circuit breaker counting the failures `failOn` names. While half-open, cockatiel lets one probe
 * through and holds every other caller until the probe settles. Emits open / half-open / closed on
 * transitions and `breaker-rejected` for each call it refuses.
 */
export function createBreaker(
  config: BreakerConfig,
  deps: StackDeps,
  /** A hedge runs above: its cancelled losers must not count (the check costs a promise per call). */
  underHedge = false,
): Breaker {
  const circuit = circuitBreaker(handleWhen(failureFilter(config.failOn)), {
    halfOpenAfter: config.halfOpenAfter,
    breaker: strategyOf(config.strategy),
  });
  const { events } = deps;
  const opened: PolicyEvent = { type: 'breaker-open', halfOpenAfterMs: config.halfOpenAfter };
  circuit.onBreak(() => events.emit(opened));
  circuit.onHalfOpen(() => events.emit(HALF_OPENED));
  circuit.onReset(() => events.emit(CLOSED));
  const rejected = (error: unknown): never => {
    if (error instanceof BrokenCircuitError) events.emit(REJECTED);
    throw error;
  };
  return {
    circuit,
    _altReturn: undefined as never,
    onSuccess: circuit.onSuccess,
    onFailure: circuit.onFailure,
    // cockatiel has no rejection event, so we notice its BrokenCircuitError on the way out. cockatiel 3.2
    // runs a caller that waited for a half-open probe without that caller's signal: we hand it back.
    execute: (fn, signal) => {
      // Closed, cockatiel runs the call at once with the caller's signal and cannot refuse it (nothing
      // below a breaker throws its BrokenCircuitError), so the two wrappers are spared on the common path.
      if (circuit.state === CircuitState.Closed && !underHedge) return circuit.execute(fn, signal);
      const own: typeof fn = signal
        ? (context) => (context.signal === signal ? fn(context) : fn({ ...context, signal }))
        : fn;
      // A hedge's losing attempt is cancelled, not failed: it is rethrown as an error no filter handles,
      // so the breaker counts it neither way.
      const task: typeof fn =
        underHedge && signal ? (context) => notLostToHedge(() => own(context), signal) : own;
      return refuseStacklessly(circuit, task, signal).catch(rejected);
    },
  };
}

/**
 * cockatiel builds a BrokenCircuitError for every call it refuses while open, synchronously inside
 * `execute`: with stack capture off until the call is let through, that refusal costs no stack
 * (stackless.ts), while errors of the call itself keep theirs.
 */
function refuseStacklessly<T>(
  circuit: CircuitBreakerPolicy,
  task: (context: IDefaultPolicyContext) => PromiseLike<T> | T,
  signal: AbortSignal | undefined,
): Promise<T> {
  const resume = pauseStackCapture();
  try {
    return circuit.execute((context) => {
      resume();
      return task(context);
    }, signal);
  } finally {
    resume();
  }
}

async function notLostToHedge<T>(run: () => PromiseLike<T> | T, signal: AbortSignal): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw lostToHedge(signal) ? new HedgeCancelledError() : error;
  }
}

function strategyOf(strategy: BreakerConfig['strategy']): IBreaker {
  switch (strategy.type) {
    case 'consecutive':
      return new ConsecutiveBreaker(strategy.threshold);
    case 'count':
      return new CountBreaker({ ...strategy, threshold: cockatielRatio(strategy.threshold) });
    case 'sampling':
      return new SamplingBreaker({ ...strategy, threshold: cockatielRatio(strategy.threshold) });
  }
}

/**
 * cockatiel opens when failures > threshold × calls and refuses a threshold of 1. Our 1 means "every
 * call failed": the largest double below 1 gives exactly that (failures = calls) for any window size.
 */
function cockatielRatio(threshold: number): number {
  return threshold >= 1 ? 1 - Number.EPSILON / 2 : threshold;
}
