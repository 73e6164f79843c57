import {
  EventEmitter,
  type IDefaultPolicyContext,
  type IFailureEvent,
  type IPolicy,
  type ISuccessEvent,
  TaskCancelledError,
} from 'cockatiel';
import type { Clock } from '../clock/clock.ts';
import { linkAbort } from './abort-link.ts';
import type { EventSink, PolicyEvent } from './events.ts';
import { HedgeCancelledError } from './hedge-cancelled.ts';
import type { HedgeConfig } from './patterns-schema.ts';
import { SignalPool } from './signal-pool.ts';

const HEDGED: PolicyEvent = { type: 'hedge' };
const NEVER_ABORTED = new AbortController().signal;

type Task<T> = (context: IDefaultPolicyContext) => PromiseLike<T> | T;

/**
 * Hedging as a cockatiel IPolicy (cockatiel has none). The first attempt starts at once; every `delay`
 * without a success another starts beside it, up to `maxHedges` extra. The first success resolves the
 * call and aborts the others' signals (their calls were still made, and are counted as calls); the
 * winner's signal is left as it was, and reused. A failure
 * waits for the attempts still running; when none is, the next starts at once; when every attempt has
 * failed the last failure is thrown. So the hedged call never answers later than its first attempt
 * would have alone: that attempt runs to its end unless another won first.
 */
export class HedgePolicy implements IPolicy<IDefaultPolicyContext> {
  declare readonly _altReturn: never;
  private readonly successes = new EventEmitter<ISuccessEvent>();
  private readonly failures = new EventEmitter<IFailureEvent>();
  readonly onSuccess = this.successes.addListener;
  readonly onFailure = this.failures.addListener;
  /** Controllers of attempts that finished with their signal untouched, reused (see SignalPool). */
  private readonly controllers = new SignalPool();

  constructor(
    private readonly config: HedgeConfig,
    private readonly clock: Clock,
    private readonly events: EventSink,
  ) {}

  execute<T>(fn: Task<T>, signal: AbortSignal = NEVER_ABORTED): Promise<T> {
    if (signal.aborted) return Promise.reject(new TaskCancelledError());
    return new Promise<T>((resolve, reject) => {
      /** Every attempt's controller but the winner's: these are aborted when the call ends. */
      const losers = new Set<AbortController>();
      let running = 0;
      const maxAttempts = this.config.maxHedges + 1;
      let launched = 0;
      let done = false;
      let cancelTimer = () => {};
      const finish = () => {
        done = true;
        cancelTimer();
        unlink();
        if (losers.size === 0) return;
        const lost = new HedgeCancelledError();
        for (const controller of losers) controller.abort(lost);
      };
      const unlink = linkAbort(signal, () => {
        if (done) return;
        finish();
        reject(new TaskCancelledError());
      });
      const launch = () => {
        cancelTimer();
        const controller = this.controllers.acquire();
        launched++;
        running++;
        losers.add(controller);
        if (launched > 1) this.events.emit(HEDGED);
        if (launched < maxAttempts)
          cancelTimer = this.clock.schedule(this.config.delay, () => {
            if (!done) launch();
          });
        let result: Promise<T>;
        try {
          result = Promise.resolve(fn({ signal: controller.signal }));
        } catch (error) {
          result = Promise.reject(error);
        }
        result.then(
          (value) => {
            running--;
            if (done) return;
            // The winner's call is over and nothing aborts its signal: another call may have it.
            losers.delete(controller);
            this.controllers.release(controller);
            finish();
            resolve(value);
          },
          (error: unknown) => {
            running--;
            if (done || running > 0) return;
            if (launched < maxAttempts) return launch();
            finish();
            reject(error);
          },
        );
      };
      launch();
    });
  }
}

export function createHedge(config: HedgeConfig, deps: { clock: Clock; events: EventSink }): HedgePolicy {
  return new HedgePolicy(config, deps.clock, deps.events);
}
