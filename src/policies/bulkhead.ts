import {
  BulkheadRejectedError,
  EventEmitter,
  type IDefaultPolicyContext,
  type IFailureEvent,
  type IPolicy,
  type ISuccessEvent,
  TaskCancelledError,
} from 'cockatiel';
import { linkAbort } from './abort-link.ts';
import type { EventSink, PolicyEvent } from './events.ts';
import type { BulkheadConfig } from './schema.ts';
import type { StackDeps } from './stack.ts';

const REJECTED: PolicyEvent = { type: 'bulkhead-rejected' };
const NEVER_ABORTED = new AbortController().signal;

type Task<T> = (context: IDefaultPolicyContext) => PromiseLike<T> | T;

interface Waiter {
  readonly run: () => void;
  /** Stops listening for the waiter's abort (a shared parent keeps one listener however many wait). */
  unlink: () => void;
}

/**
 * At most `limit` calls at once and `queue` waiting; the rest fail at once with BULKHEAD_FULL. A drop-in
 * for cockatiel's BulkheadPolicy (same errors), without its queue's sharp edge (3.2.x): there a waiter
 * whose signal aborts (its timeout fired) keeps its queue place, and when its turn comes it fails without
 * starting the next waiter, which then waits forever. Here an aborted waiter leaves the queue at once,
 * failing with TaskCancelledError, and a freed slot always goes to the next live waiter, in order.
 * Waiters listen to their signal through linkAbort, so waiters sharing one long-lived signal (a stack
 * without a timeout) put one listener on it, not one each.
 */
export class BulkheadPolicy implements IPolicy<IDefaultPolicyContext> {
  declare readonly _altReturn: never;
  readonly onSuccess = new EventEmitter<ISuccessEvent>().addListener;
  readonly onFailure = new EventEmitter<IFailureEvent>().addListener;
  private active = 0;
  /** Insertion-ordered, so the first is the longest waiting; deleting an aborted waiter is O(1). */
  private readonly waiters = new Set<Waiter>();

  constructor(
    private readonly config: BulkheadConfig,
    private readonly events: EventSink,
  ) {}

  get executionSlots(): number {
    return this.config.limit - this.active;
  }

  get queueSlots(): number {
    return this.config.queue - this.waiters.size;
  }

  execute<T>(fn: Task<T>, signal: AbortSignal = NEVER_ABORTED): Promise<T> {
    if (signal.aborted) return Promise.reject(new TaskCancelledError());
    if (this.active < this.config.limit) return this.run(fn, signal);
    if (this.waiters.size >= this.config.queue) {
      this.events.emit(REJECTED);
      return Promise.reject(new BulkheadRejectedError(this.config.limit, this.config.queue));
    }
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = { run: () => this.run(fn, signal).then(resolve, reject), unlink: () => {} };
      this.waiters.add(waiter);
      waiter.unlink = linkAbort(signal, () => {
        this.waiters.delete(waiter);
        reject(new TaskCancelledError());
      });
    });
  }

  private async run<T>(fn: Task<T>, signal: AbortSignal): Promise<T> {
    this.active++;
    try {
      return await fn({ signal });
    } finally {
      this.active--;
      this.startNext();
    }
  }

  private startNext(): void {
    const next = this.waiters.values().next();
    if (next.done || this.active >= this.config.limit) return;
    const waiter = next.value;
    this.waiters.delete(waiter);
    waiter.unlink();
    waiter.run();
  }
}

export function createBulkhead(config: BulkheadConfig, deps: StackDeps): BulkheadPolicy {
  return new BulkheadPolicy(config, deps.events);
}
