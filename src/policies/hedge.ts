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

const HEDGED: PolicyEvent = { type: 'hedge' };
const NEVER_ABORTED = new AbortController().signal;

type Task<T> = (context: IDefaultPolicyContext) => PromiseLike<T> | T;

/**
 * Hedging as a cockatiel IPolicy (cockatiel has none). The first attempt starts at once; every `delay`
 * without a success another starts beside it, up to `maxHedges` extra. The first success resolves the
 * call and aborts the others' signals (their calls were still made, and are counted as calls). A failure
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

  constructor(
    private readonly config: HedgeConfig,
    private readonly clock: Clock,
    private readonly events: EventSink,
  ) {}

  execute<T>(fn: Task<T>, signal: AbortSignal = NEVER_ABORTED): Promise<T> {
    if (signal.aborted) return Promise.reject(new TaskCancelledError());
    return new Promise<T>((resolve, reject) => {
      const controllers: AbortController[] = [];
      const maxAttempts = this.config.maxHedges + 1;
      let running = 0;
      let done = false;
      let cancelTimer = () => {};
      const finish = () => {
        done = true;
        cancelTimer();
        unlink();
        for (const controller of controllers) controller.abort(new HedgeCancelledError());
      };
      const unlink = linkAbort(signal, () => {
        if (done) return;
        finish();
        reject(new TaskCancelledError());
      });
      const launch = () => {
        cancelTimer();
        const controller = new AbortController();
        controllers.push(controller);
        if (controllers.length > 1) this.events.emit(HEDGED);
        if (controllers.length < maxAttempts)
          cancelTimer = this.clock.schedule(this.config.delay, () => {
            if (!done) launch();
          });
        running++;
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
            finish();
            resolve(value);
          },
          (error: unknown) => {
            running--;
            if (done || running > 0) return;
            if (controllers.length < maxAttempts) return launch();
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
