import { AsyncLocalStorage } from 'node:async_hooks';
import type { BackendRequest } from '../../backend/contract.ts';
import type { Clock } from '../../clock/clock.ts';
import { errorCode } from '../../errors/call-errors.ts';
import { cacheKey } from '../../policies/cache-key.ts';
import { inCategory } from '../../policies/classify.ts';
import type { EventSink } from '../../policies/events.ts';
import { type Retryable, retryableSchema } from '../../policies/schema.ts';
import type { AttemptFn, Outcome } from '../../policies/stack.ts';
import type { CallRole, TraceEntry } from './trace.ts';

const CATEGORIES: readonly Retryable[] = retryableSchema.options;

/**
 * One for the process: every live AsyncLocalStorage adds work to every promise made afterwards, so one
 * per trial would slow each trial down a little more than the last. Trials run one at a time.
 */
const currentRequest = new AsyncLocalStorage<number>();

/**
 * Writes a trial's trace. Calls are tied to their request by the identity of the request object (each
 * request is sent as an object of its own, which the stack passes down unchanged); events are tied to
 * the request whose async chain emitted them through AsyncLocalStorage, which follows promise chains
 * but not the virtual clock's timer callbacks (those events get no request).
 */
export class TraceRecorder {
  readonly entries: TraceEntry[] = [];
  private readonly requestIds = new WeakMap<BackendRequest, number>();
  private requests = 0;
  private calls = 0;

  constructor(private readonly clock: Clock) {}

  readonly events: EventSink = {
    emit: (event) => {
      this.push({ kind: 'event', at: this.clock.now(), request: currentRequest.getStore(), event });
    },
  };

  /** Sends one request through `execute` and records its answer; never rejects. */
  async send(request: BackendRequest, execute: (request: BackendRequest) => Promise<Outcome>): Promise<void> {
    const id = ++this.requests;
    const own: BackendRequest = { ...request };
    this.requestIds.set(own, id);
    this.push({ kind: 'sent', at: this.clock.now(), request: id, key: cacheKey(own) });
    try {
      const outcome = await currentRequest.run(id, () => execute(own));
      this.push({ kind: 'answered', at: this.clock.now(), request: id, outcome });
    } catch (error) {
      const outcome: Outcome = { kind: 'failed', code: errorCode(error) };
      this.push({ kind: 'answered', at: this.clock.now(), request: id, outcome, threw: true });
    }
  }

  /** A request the workload turned away before it reached the client (open loop over maxInFlight). */
  turnedAway(request: BackendRequest): void {
    const id = ++this.requests;
    const at = this.clock.now();
    this.push({ kind: 'sent', at, request: id, key: cacheKey(request) });
    this.push({ kind: 'answered', at, request: id, outcome: { kind: 'failed', code: 'OVERLOAD' } });
  }

  /** The attempt, with each call and its end written to the trace. */
  traced(attempt: AttemptFn, backend: string, role: CallRole): AttemptFn {
    return async (request, signal) => {
      const call = ++this.calls;
      this.push({
        kind: 'call',
        at: this.clock.now(),
        call,
        request: this.requestIds.get(request),
        backend,
        role,
      });
      try {
        const value = await attempt(request, signal);
        this.push({ kind: 'call-ended', at: this.clock.now(), call, ok: true, value });
        return value;
      } catch (error) {
        const categories = CATEGORIES.filter((category) => inCategory(error, category));
        this.push({
          kind: 'call-ended',
          at: this.clock.now(),
          call,
          ok: false,
          code: errorCode(error),
          categories,
        });
        throw error;
      }
    };
  }

  private push(entry: TraceEntry): void {
    this.entries.push(entry);
  }
}
