import {
  EventEmitter,
  type IDefaultPolicyContext,
  type IFailureEvent,
  type IPolicy,
  type ISuccessEvent,
  TaskCancelledError,
} from 'cockatiel';
import type { Clock } from '../clock/clock.ts';
import { StacklessError } from '../errors/stackless.ts';
import { linkAbort } from './abort-link.ts';
import type { EventSink, PolicyEvent } from './events.ts';
import type { RateLimitConfig } from './patterns-schema.ts';

const REJECTED: PolicyEvent = { type: 'rate-limited' };
const QUEUED: PolicyEvent = { type: 'rate-limit-queued' };
const NEVER_ABORTED = new AbortController().signal;
/** One token, in the bucket's units: each millisecond adds `rate` units, so whole-ms refills stay exact. */
const TOKEN = 1000;

type Task<T> = (context: IDefaultPolicyContext) => PromiseLike<T> | T;

/**
 * Thrown when the bucket is empty and the queue full; not retried (no category holds it). Built without
 * a stack: a simulated outcome (errors/stackless.ts).
 */
export class RateLimitedError extends StacklessError {
  override readonly name = 'RateLimitedError';
  readonly code = 'RATE_LIMITED';
  constructor(rate: number) {
    super(`client-side rate limit of ${rate}/s reached and its queue is full`);
  }
}

/**
 * A token bucket as a cockatiel IPolicy, on the run's clock. Full (`burst` tokens) at the start, it
 * refills `rate` tokens a second. A waiting call reserves the next token to arrive (the level goes
 * below zero), so waiters are served in arrival order at exactly `rate`; a waiter whose signal aborts
 * gives its token back.
 */
export class RateLimiterPolicy implements IPolicy<IDefaultPolicyContext> {
  declare readonly _altReturn: never;
  private readonly successes = new EventEmitter<ISuccessEvent>();
  private readonly failures = new EventEmitter<IFailureEvent>();
  readonly onSuccess = this.successes.addListener;
  readonly onFailure = this.failures.addListener;
  private level: number;
  private lastMs: number;
  private waiting = 0;

  constructor(
    private readonly config: RateLimitConfig,
    private readonly clock: Clock,
    private readonly events: EventSink,
  ) {
    this.level = config.burst * TOKEN;
    this.lastMs = clock.now();
  }

  async execute<T>(fn: Task<T>, signal: AbortSignal = NEVER_ABORTED): Promise<T> {
    if (signal.aborted) throw new TaskCancelledError();
    this.refill();
    if (this.level >= TOKEN) {
      this.level -= TOKEN;
      return fn({ signal });
    }
    if (this.waiting >= this.config.queue) {
      this.events.emit(REJECTED);
      throw new RateLimitedError(this.config.rate);
    }
    this.level -= TOKEN;
    const waitMs = -this.level / this.config.rate;
    this.events.emit(QUEUED);
    this.waiting++;
    try {
      await this.waitFor(waitMs, signal);
    } catch (error) {
      this.level += TOKEN;
      throw error;
    } finally {
      this.waiting--;
    }
    return fn({ signal });
  }

  /** Waits on the run's clock; listens through linkAbort, so waiters sharing a signal add one listener. */
  private waitFor(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let unlink = () => {};
      const cancel = this.clock.schedule(ms, () => {
        unlink();
        resolve();
      });
      unlink = linkAbort(signal, () => {
        cancel();
        reject(new TaskCancelledError());
      });
    });
  }

  private refill(): void {
    const now = this.clock.now();
    const elapsed = Math.max(0, now - this.lastMs);
    this.lastMs = Math.max(this.lastMs, now);
    this.level = Math.min(this.config.burst * TOKEN, this.level + elapsed * this.config.rate);
  }
}

export function createRateLimiter(
  config: RateLimitConfig,
  deps: { clock: Clock; events: EventSink },
): RateLimiterPolicy {
  return new RateLimiterPolicy(config, deps.clock, deps.events);
}
