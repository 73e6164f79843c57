import type { BackendRequest } from '../backend/contract.ts';
import type { Clock } from '../clock/clock.ts';
import type { OutcomeKind } from '../metrics/recorder.ts';
import type { Rng } from '../rng/rng.ts';
import type { EventSink } from './events.ts';

/**
 * One attempt at a request: chaos layer, backend, then the client's reading of the response. Resolves
 * with the response body, or throws a CallError (HttpStatusError, NetworkError, MalformedBodyError...).
 */
export type AttemptFn = (request: BackendRequest, signal: AbortSignal) => Promise<unknown>;

/** How a request ended: exactly one of these per request. */
export interface Outcome {
  readonly kind: OutcomeKind;
  readonly value?: unknown;
  /** The failure's code when failed, or the code that triggered the fallback. */
  readonly code?: string;
}

export interface StackDeps {
  readonly clock: Clock;
  /** Jitter and any other policy randomness come from here, never from Math.random. */
  readonly rng: Rng;
  readonly events: EventSink;
  /** Attempt function for another backend named in the scenario (fallback to a secondary). */
  readonly attemptOn?: (backendName: string) => AttemptFn;
}

/** A request executor with the resilience policies applied. */
export interface ResilientClient {
  execute(request: BackendRequest): Promise<Outcome>;
}
