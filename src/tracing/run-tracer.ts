import type { BackendRequest } from '../backend/contract.ts';
import type { Clock } from '../clock/clock.ts';
import { errorCode } from '../errors/call-errors.ts';
import type { AttemptFn, Outcome } from '../policies/stack.ts';

/** Upper bound on traced requests, so tracing a long run cannot exhaust memory. */
export const MAX_TRACED_REQUESTS = 100_000;

export interface AttemptTrace {
  readonly backend: string;
  readonly startMs: number;
  endMs: number;
  /** The failure's code when the attempt failed (a fault, a timeout, a cancelled hedge). */
  code?: string;
}

export interface RequestTrace {
  readonly method: string;
  readonly path: string;
  readonly startMs: number;
  endMs: number;
  outcome?: Outcome['kind'];
  code?: string;
  readonly attempts: AttemptTrace[];
}

/**
 * Records each request and every backend call made for it, on the run's clock (virtual when simulated),
 * for export as traces after the run. A request is known by the object the runner hands the client, so
 * the calls the policies make for it (retries, hedges, a fallback backend) land under it.
 */
export class RunTracer {
  readonly requests: RequestTrace[] = [];
  private readonly live = new WeakMap<BackendRequest, RequestTrace>();
  private clock: Clock | undefined;

  /** At most this many requests are traced (the first ones), capped at MAX_TRACED_REQUESTS. */
  constructor(private readonly maxRequests = 10_000) {}

  /** The run's clock; the runner hands it over once it has made it. */
  attach(clock: Clock): void {
    this.clock = clock;
  }

  private now(): number {
    return this.clock?.now() ?? 0;
  }

  /** The request to pass on: a copy of its own, the identity its calls are recorded under. */
  started(request: BackendRequest): BackendRequest {
    if (this.requests.length >= Math.min(this.maxRequests, MAX_TRACED_REQUESTS)) return request;
    const own = { ...request };
    const trace: RequestTrace = {
      method: request.method,
      path: request.path,
      startMs: this.now(),
      endMs: Number.NaN,
      attempts: [],
    };
    this.requests.push(trace);
    this.live.set(own, trace);
    return own;
  }

  ended(request: BackendRequest, outcome: Outcome): void {
    const trace = this.live.get(request);
    if (!trace) return;
    trace.endMs = this.now();
    trace.outcome = outcome.kind;
    if (outcome.code !== undefined) trace.code = outcome.code;
  }

  /** The backend's attempt function, recording each call under the request it was made for. */
  attempts(backend: string, attempt: AttemptFn): AttemptFn {
    return async (request, signal) => {
      const trace = this.live.get(request);
      if (!trace) return attempt(request, signal);
      const call: AttemptTrace = { backend, startMs: this.now(), endMs: Number.NaN };
      trace.attempts.push(call);
      try {
        return await attempt(request, signal);
      } catch (error) {
        call.code = errorCode(error);
        throw error;
      } finally {
        call.endMs = this.now();
      }
    };
  }
}
