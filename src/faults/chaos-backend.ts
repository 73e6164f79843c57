import type { Backend, BackendRequest, BackendResponse, CallContext } from '../backend/contract.ts';
import { abortReason } from '../clock/clock.ts';
import { NetworkError, type NetworkErrorCode } from '../errors/call-errors.ts';
import type { Rng } from '../rng/rng.ts';
import { corruptBody } from './corrupt-body.ts';
import type { EffectFailure } from './effect.ts';
import type { FaultPlan } from './fault-plan.ts';

export interface ChaosOptions {
  /** Every call that enters the chaos layer: the cost a policy pays, whether or not the backend is reached. */
  onCall?(atMs: number): void;
  /** The real backend is about to run. */
  onReached?(atMs: number): void;
  /** Faults fired on a call (one entry per fault, so a kind may repeat). */
  onInjected?(atMs: number, kinds: readonly string[]): void;
  /**
   * Stream the fault draws come from; defaults to the call's `ctx.rng`. Pass a fork so enabling a fault
   * does not shift the draws the backend itself makes.
   */
  rng?: Rng;
  /** The stream each call's fault draws come from (keyed by request and attempt); wins over `rng`. */
  rngFor?: (request: BackendRequest) => Rng;
}

const NETWORK_CODES: Readonly<Record<'reset' | 'refused' | 'dns', NetworkErrorCode>> = {
  reset: 'ECONNRESET',
  refused: 'ECONNREFUSED',
  dns: 'ENOTFOUND',
};

/**
 * Puts a fault plan in front of a backend. Faults act on the real call path: the delay is a real (virtual)
 * sleep, a failure never reaches the backend, a corruption damages the backend's own response.
 */
export function withChaos(
  backend: Backend,
  backendName: string,
  plan: FaultPlan,
  options: ChaosOptions = {},
): Backend {
  const { onCall, onReached, onInjected, rng, rngFor } = options;
  return {
    name: backend.name,
    close: backend.close?.bind(backend),
    async call(request: BackendRequest, ctx: CallContext): Promise<BackendResponse> {
      const startMs = ctx.clock.now();
      onCall?.(startMs);
      const effect = plan.effectFor(request, backendName, startMs, rngFor?.(request) ?? rng ?? ctx.rng);
      if (effect.injected.length > 0) onInjected?.(startMs, effect.injected);
      if (effect.delayMs > 0) await ctx.clock.sleep(effect.delayMs, ctx.signal);
      if (effect.failure) {
        if (costsWireTime(effect.failure)) {
          const wireMs = backend.replyLatencyMs?.(request, ctx) ?? 0;
          if (wireMs > 0) await ctx.clock.sleep(wireMs, ctx.signal);
        }
        return deliverFailure(effect.failure, ctx);
      }
      onReached?.(ctx.clock.now());
      const response = await backend.call(request, ctx);
      return effect.corrupt ? { ...response, body: corruptBody(response.body, effect.corrupt) } : response;
    },
  };
}

/** Error replies and connection errors take a round trip; hangs and timeouts bring their own time. */
function costsWireTime(failure: EffectFailure): boolean {
  return failure.type === 'status' || failure.type === 'network';
}

async function deliverFailure(failure: EffectFailure, ctx: CallContext): Promise<BackendResponse> {
  switch (failure.type) {
    case 'status':
      return injectedStatus(failure.status, failure.retryAfterMs);
    case 'network':
      throw new NetworkError(NETWORK_CODES[failure.error]);
    case 'hang':
      return hangUntilAborted(ctx.signal);
    case 'timeout':
      await ctx.clock.sleep(failure.afterMs, ctx.signal);
      throw new NetworkError('ETIMEDOUT');
  }
}

/** The response a status fault produces, in process and over real HTTP (src/http) alike. */
export function injectedStatus(status: number, retryAfterMs: number | undefined): BackendResponse {
  const error = { code: 'FAULT_INJECTED', message: `faultline injected HTTP ${status}`, status };
  if (retryAfterMs === undefined) {
    return { status, headers: { 'content-type': 'application/json' }, body: { error } };
  }
  return {
    status,
    // Retry-After carries whole seconds; the body keeps the exact wait for clients that read it.
    headers: { 'content-type': 'application/json', 'retry-after': String(Math.ceil(retryAfterMs / 1000)) },
    body: { error: { ...error, retryAfterMs } },
  };
}

/** Like a socket that never answers: settles only when the caller aborts, and holds no timer. */
function hangUntilAborted(signal: AbortSignal): Promise<never> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<never>((_resolve, reject) => {
    // `once` removes the listener when it fires; nothing else references the promise.
    signal.addEventListener('abort', () => reject(abortReason(signal)), { once: true });
  });
}
