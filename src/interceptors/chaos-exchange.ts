import type { Backend, BackendRequest, FaultHooks } from '../backend/contract.ts';
import type { Clock } from '../clock/clock.ts';
import { FaultlineError } from '../errors/faultline-error.ts';
import { withChaos } from '../faults/chaos-backend.ts';
import type { FaultPlan } from '../faults/fault-plan.ts';
import { linkAbort } from '../policies/abort-link.ts';
import type { Rng } from '../rng/rng.ts';
import { currentCallScope } from './call-scope.ts';
import { type ChaosStatsRecorder, createChaosStats } from './chaos-stats.ts';
import { routeOf } from './exchange-request.ts';
import { answerExchange, type HttpAnswer } from './http-answer.ts';

export interface ChaosExchangeOptions {
  readonly plan: FaultPlan;
  /** What answers the exchanges the faults let through. */
  readonly backend: Backend;
  /** The name fault `target`s refer to. */
  readonly backendName: string;
  /** Delays and hangs run on it; fault phases are read against its `now()`. */
  readonly clock: Clock;
  /** Fault draws for requests made outside a runner call (a test calling its client directly). */
  readonly rng: Rng;
  readonly hooks?: FaultHooks;
}

/** Answers intercepted requests under a fault plan: the part msw and nock share. */
export interface ChaosExchange {
  readonly stats: ChaosStatsRecorder;
  readonly clock: Clock;
  /** `signal` aborts when the client gives up on the request, which ends a hang. */
  answer(request: BackendRequest, signal?: AbortSignal): Promise<HttpAnswer>;
  /** Ends exchanges still waiting (hangs, delays), so nothing outlives the interception. */
  close(): void;
}

export function createChaosExchange(options: ChaosExchangeOptions): ChaosExchange {
  const stats = createChaosStats();
  const lifetime = new AbortController();
  const chaos = withChaos(options.backend, options.backendName, options.plan, {
    ...options.hooks,
    onInjected(atMs, kinds) {
      stats.injected(kinds);
      options.hooks?.onInjected?.(atMs, kinds);
    },
  });

  return {
    stats,
    clock: options.clock,
    async answer(request, requestSignal) {
      stats.exchange(routeOf(request.path));
      // Inside a runner call the call's rng and signal rule, so a run through msw or nock draws the same
      // faults as in process and a policy timeout ends a hang just as it would there.
      const scope = currentCallScope();
      const own = new AbortController();
      const unlinks = [lifetime.signal, requestSignal, scope?.ctx.signal].map((parent) =>
        linkAbort(parent, () => own.abort(parent?.reason)),
      );
      try {
        const ctx = { clock: options.clock, rng: scope?.ctx.rng ?? options.rng, signal: own.signal };
        const answer = await answerExchange(chaos, request, ctx);
        if (scope) scope.lastAnswer = answer;
        return answer;
      } finally {
        for (const unlink of unlinks) unlink();
      }
    },
    close() {
      lifetime.abort(new FaultlineError('INTERCEPTION_CLOSED', 'The chaos interception was removed.'));
    },
  };
}
